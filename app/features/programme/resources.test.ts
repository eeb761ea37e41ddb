import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn, type TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
} from "../../../tests/support/test-server.ts";
import { builtInResources } from "./resources.server.ts";

const as = signedIn;

describe("the built-in resources", () => {
  it("are the same resources in every language, with recruitment material for owners and guides", () => {
    const slugs = (l: "nb" | "nn" | "en") => builtInResources(l).map((r) => `${r.slug}:${r.audience}`);
    expect(slugs("nn")).toEqual(slugs("nb"));
    expect(slugs("en")).toEqual(slugs("nb"));
    const recruitment = builtInResources("nb").filter((r) => r.kind === "rekruttering");
    expect(recruitment.map((r) => r.audience).sort()).toEqual(["alle", "veiledere"]);
  });
});

describe.each(dialects)("a programme's resource library on %s", (dialect) => {
  let server: TestServer;
  let lead: TestClient;
  let guide: TestClient;
  let coordinator: TestClient;
  let nabo: TestClient;
  let staff: TestClient;
  let programme: string;
  const library = () => `/program/${programme}/ressurser`;

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    programme = (await server.services.db.selectFrom("programme").select("id").executeTakeFirstOrThrow()).id;
    [lead, guide, coordinator, nabo, staff] = await Promise.all([
      as(server, "programansvarlig@demo.oppvern.no"),
      as(server, "veileder@demo.oppvern.no"),
      as(server, "koordinator@demo.oppvern.no"),
      as(server, "koordinator@nabo.oppvern.no"),
      as(server, "ansatt@demo.oppvern.no"),
    ]);
  });
  afterAll(() => server.close());

  it("is linked from the programme, and shows the guides' material to the network's staff only", async () => {
    expect((await coordinator.page(`/program/${programme}`)).html).toContain(`href="${library()}"`);
    const asGuide = textOf((await guide.page(library())).html);
    expect(asGuide).toContain("Invitasjon til eiere – brevmal");
    expect(asGuide).toContain("Bli veileder – hva rollen innebærer");
    const asOwner = textOf((await coordinator.page(library())).html);
    expect(asOwner).toContain("Invitasjon til eiere – brevmal");
    expect(asOwner).toContain("Hvorfor være med? Et kort notat til ledelsen");
    expect(asOwner).not.toContain("Bli veileder");
    // A single resource is a page of its own; the guides' one is not the owners' to read.
    const letter = textOf((await coordinator.page(`${library()}/invitasjon-til-eiere`)).html);
    expect(letter).toContain("Hva vi ber dere om");
    expect(letter).toContain("Dette er en mal.");
    expect((await coordinator.get(`${library()}/rekruttering-av-veiledere`)).status).toBe(404);
    expect((await guide.get(`${library()}/rekruttering-av-veiledere`)).status).toBe(200);
    expect((await guide.get(`${library()}/finnes-ikke`)).status).toBe(404);
  });

  it("filters by gathering and by audience", async () => {
    const one = textOf((await guide.page(`${library()}?samling=1`)).html);
    expect(one).toContain("Sjekkliste for deltakere før samling 1");
    // Resources for the whole programme stay; none belong to another gathering yet.
    expect(one).toContain("Invitasjon til eiere – brevmal");
    const zero = textOf((await guide.page(`${library()}?samling=0`)).html);
    expect(zero).not.toContain("Sjekkliste for deltakere før samling 1");
    const forGuides = textOf((await guide.page(`${library()}?for=veiledere`)).html);
    expect(forGuides).toContain("Sjekkliste for veiledere før hver samling");
    expect(forGuides).not.toContain("Sjekkliste for deltakere");
    // An owner asking for the guides' material still does not get it.
    expect(textOf((await coordinator.page(`${library()}?for=veiledere`)).html)).not.toContain(
      "Sjekkliste for veiledere",
    );
  });

  it("lets the programansvarlig add a link, says what to fix and keeps what was typed, and remove it", async () => {
    const refused = await lead.post(library(), {
      intent: "ny",
      tittel: "Nettverkets plan",
      adresse: "javascript:alert(1)",
      beskrivelse: "Planen vår",
      for: "alle",
      samling: "2",
    });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(textOf(refusedHtml)).toContain(
      "Skriv en hel nettadresse som begynner med https:// eller http://.",
    );
    expect(refusedHtml).toContain('value="Nettverkets plan"');
    expect(refusedHtml).toContain("Planen vår");
    const empty = await lead.post(library(), {
      intent: "ny",
      tittel: "",
      adresse: "",
      for: "alle",
      samling: "",
    });
    expect(textOf(await empty.text())).toContain("Skriv en tittel.");

    const added = await lead.post(library(), {
      intent: "ny",
      tittel: "Nettverkets plan",
      adresse: "https://digi.example.no/plan",
      beskrivelse: "Planen for samling 2",
      for: "deltakere",
      samling: "2",
    });
    expect(added.status).toBe(303);
    const two = (await coordinator.page(`${library()}?samling=2`)).html;
    expect(two).toContain('href="https://digi.example.no/plan"');
    expect(textOf(two)).toContain("Planen for samling 2");
    expect(textOf((await coordinator.page(`${library()}?samling=3`)).html)).not.toContain("Nettverkets plan");
    // The gathering's page links to its resources.
    expect((await coordinator.page(`/program/${programme}/samling/2`)).html).toContain(
      `href="${library()}?samling=2"`,
    );
    // A guide's link is not shown to the owners.
    await lead.post(library(), {
      intent: "ny",
      tittel: "Veiledernotat",
      adresse: "https://digi.example.no/veiledere",
      for: "veiledere",
      samling: "",
    });
    expect(textOf((await guide.page(library())).html)).toContain("Veiledernotat");
    expect(textOf((await coordinator.page(library())).html)).not.toContain("Veiledernotat");

    const { id } = await server.services.db
      .selectFrom("programme_resource")
      .select("id")
      .where("title", "=", "Nettverkets plan")
      .executeTakeFirstOrThrow();
    // Only the programansvarlig removes; a guide or an owner gets 404.
    for (const client of [guide, coordinator])
      expect((await client.post(library(), { intent: "fjern", ressurs: id })).status).toBe(404);
    expect((await lead.post(library(), { intent: "fjern", ressurs: id })).status).toBe(303);
    expect(textOf((await coordinator.page(library())).html)).not.toContain("Nettverkets plan");
  });

  it("answers 404 to people outside the programme, by GET and by POST", async () => {
    const made = await lead.post("/program", [
      ["navn", "Bare Demo kommune"],
      ["nettverk", await organisationIdOf(server, "Demo digitaliseringsnettverk")],
      ["eiere", await organisationIdOf(server, "Demo kommune")],
    ]);
    const own = `${new URL(made.headers.get("location") ?? "", server.url).pathname}/ressurser`;
    expect((await coordinator.get(own)).status).toBe(200);
    for (const [who, client, path] of [
      ["nabo", nabo, own],
      ["ansatt", staff, library()],
    ] as const) {
      expect((await client.get(path)).status, `${who} GET`).toBe(404);
      expect((await client.get(`${path}/invitasjon-til-eiere`)).status, `${who} GET one`).toBe(404);
      expect(
        (await client.post(path, { intent: "ny", tittel: "Kapret", adresse: "https://x.no", for: "alle" }))
          .status,
        `${who} POST`,
      ).toBe(404);
    }
    // A link of one programme cannot be removed through another.
    await lead.post(library(), {
      intent: "ny",
      tittel: "Blir stående",
      adresse: "https://digi.example.no/blir",
      for: "alle",
      samling: "",
    });
    const { id } = await server.services.db
      .selectFrom("programme_resource")
      .select("id")
      .where("title", "=", "Blir stående")
      .executeTakeFirstOrThrow();
    expect((await lead.post(own, { intent: "fjern", ressurs: id })).status).toBe(404);
    expect(textOf((await guide.page(library())).html)).toContain("Blir stående");
  });
});

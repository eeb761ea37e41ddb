import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn, type TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
} from "../../../tests/support/test-server.ts";
import { gatheringContent } from "./gathering-content.server.ts";

const as = signedIn;

describe("the gathering template", () => {
  it("has goals, self-study, courses and an agenda for gatherings 0–4 in every language", () => {
    for (const locale of ["nb", "nn", "en"] as const)
      for (const number of [0, 1, 2, 3, 4]) {
        const g = gatheringContent(number, locale);
        expect(g?.number).toBe(number);
        expect(g?.guides.goals.length).toBeGreaterThan(0);
        expect(g?.agenda.length).toBeGreaterThan(0);
        expect(Boolean(g?.participants)).toBe(number > 0);
      }
    // The nynorsk text is its own, not the bokmål one.
    expect(gatheringContent(1, "nn")?.participants?.goals[0]).not.toBe(
      gatheringContent(1, "nb")?.participants?.goals[0],
    );
  });
});

describe.each(dialects)("a gathering's page on %s", (dialect) => {
  let server: TestServer;
  let lead: TestClient;
  let guide: TestClient;
  let coordinator: TestClient;
  let nabo: TestClient;
  let staff: TestClient;
  let programme: string;

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

  const page = (n: number) => `/program/${programme}/samling/${n}`;

  it("is linked from the programme page, and shows the goals, self-study, courses and agenda", async () => {
    const programmePage = (await coordinator.page(`/program/${programme}`)).html;
    expect(programmePage).toContain(`href="${page(2)}"`);
    const html = (await guide.page(page(2))).html;
    const text = textOf(html);
    expect(text).toContain("Samling 2: Prioritering");
    // Each gathering has its own page title, with the programme's name.
    expect(html).toMatch(/<title>Samling 2: Prioritering – [^<]+ – Oppvern<\/title>/);
    expect(programmePage).not.toContain("<title>Veiledningsprogram – Oppvern</title>");
    // The guide reads both parts; the participants' self-study links to the work in Oppvern.
    expect(text).toContain("Del 1 – for veilederne");
    expect(text).toContain("Del 2 – for deltakerne");
    expect(text).toContain("Egenarbeid før samling 3");
    expect(html).toContain('href="/prioritering"');
    // A template link to the programme itself points at this programme.
    expect(html).toContain(`href="/program/${programme}#grupper"`);
    // The courses that belong to it, with their titles, and the resources for this gathering.
    expect(html).toContain('href="/kompetanse/skole/1"');
    expect(text).toContain("Hva er personvern, og hvorfor er det viktig i skolen?");
    expect(html).toContain(`href="/program/${programme}/ressurser?samling=2"`);
    // The suggested agenda, said to be a suggestion.
    expect(text).toContain("Dette er et forslag til agenda.");
    expect(text).toContain("Vi prioriterer i gruppene");
    // A guide cannot change the agenda.
    expect(html).not.toContain('name="agenda"');
  });

  it("shows the owner's people their own part, not the guides'", async () => {
    const text = textOf((await coordinator.page(page(3))).html);
    expect(text).toContain("Del 2 – for deltakerne");
    expect(text).toContain("Sett i gang tiltakene i handlingsplanen");
    expect(text).not.toContain("Del 1 – for veilederne");
    expect(text).not.toContain("kommenter tiltak som mangler ansvarlig");
    // Gathering 0 is the guides' own: the page says so.
    const zero = textOf((await coordinator.page(page(0))).html);
    expect(zero).toContain("Denne samlingen er bare for veilederne.");
    expect(zero).not.toContain("Del 2 – for deltakerne");
    // Gathering 4 has no next gathering.
    expect(textOf((await coordinator.page(page(4))).html)).toContain("Arbeidet videre etter programmet");
  });

  it("is in nynorsk for a nynorsk reader", async () => {
    const text = textOf((await coordinator.page(`${page(1)}?lang=nn`)).html);
    // The choice is kept with the account: back to bokmål for the other tests.
    await coordinator.page(`${page(1)}?lang=nb`);
    expect(text).toContain("Del 2 – for deltakarane");
    expect(text).toContain("Gjer ferdig kartlegginga");
  });

  it("lets the programansvarlig write the agenda, says what to fix and keeps what was typed, and go back to the suggestion", async () => {
    const tooLong = `10.00 ${"x".repeat(200)}`;
    const refused = await lead.post(page(1), { intent: "lagre", agenda: `09.00 Kaffe\n${tooLong}` });
    expect(refused.status).toBe(400);
    const refusedText = textOf(await refused.text());
    expect(refusedText).toContain("Ett av punktene er for langt.");
    expect(refusedText).toContain("09.00 Kaffe");
    const many = Array.from({ length: 21 }, (_, i) => `Punkt ${i + 1}`).join("\n");
    const tooMany = await lead.post(page(1), { intent: "lagre", agenda: many });
    expect(tooMany.status).toBe(400);
    expect(textOf(await tooMany.text())).toContain("Agendaen har for mange punkter.");

    const saved = await lead.post(page(1), {
      intent: "lagre",
      agenda: "09.00 Kaffe og velkommen\n\n  10.00 Kartlegging i gruppene  \n11.30 Lunsj",
    });
    expect(saved.status).toBe(303);
    // Everyone who reads the programme sees the programme's own agenda, blank lines dropped.
    const html = (await coordinator.page(page(1))).html;
    const points = [...html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]);
    expect(points).toEqual(
      expect.arrayContaining(["09.00 Kaffe og velkommen", "10.00 Kartlegging i gruppene", "11.30 Lunsj"]),
    );
    expect(textOf(html)).not.toContain("Dette er et forslag til agenda.");
    expect(textOf(html)).not.toContain("Vi starter kartleggingen i gruppene");
    // The change is in the network's log.
    const logged = await server.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "programme.agenda")
      .execute();
    expect(logged.length).toBeGreaterThan(0);

    // «Bruk forslaget i stedet» sends the field as it stands, and still goes back to the suggestion.
    expect((await lead.post(page(1), { intent: "forslag", agenda: "09.00 Kaffe" })).status).toBe(303);
    expect(textOf((await coordinator.page(page(1))).html)).toContain("Vi starter kartleggingen i gruppene");
  });

  it("answers 404 to people outside the programme, to a gathering that does not exist, and to writing the agenda without the role", async () => {
    // A programme with Demo kommune only: Nabo kommune is in the network, not in this programme.
    const made = await lead.post("/program", [
      ["navn", "Bare Demo kommune"],
      ["nettverk", await organisationIdOf(server, "Demo digitaliseringsnettverk")],
      ["eiere", await organisationIdOf(server, "Demo kommune")],
    ]);
    expect(made.status).toBe(303);
    const own = `${new URL(made.headers.get("location") ?? "", server.url).pathname}/samling/1`;
    expect((await coordinator.get(own)).status).toBe(200);
    for (const [who, client, path] of [
      ["nabo", nabo, own],
      ["ansatt", staff, page(1)],
    ] as const) {
      expect((await client.get(path)).status, `${who} GET`).toBe(404);
      expect((await client.post(path, { agenda: "Kapret" })).status, `${who} POST`).toBe(404);
    }
    expect((await lead.get(`/program/${programme}/samling/5`)).status).toBe(404);
    expect((await lead.get(`/program/finnes-ikke/samling/1`)).status).toBe(404);
    for (const client of [guide, coordinator])
      expect((await client.post(page(2), { agenda: "Kapret" })).status).toBe(404);
    expect(textOf((await lead.page(page(2))).html)).not.toContain("Kapret");
  });
});

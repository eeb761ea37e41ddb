import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
} from "../../../tests/support/test-server.ts";

/** An owner's koordinator takes the owner out of a network (decision 015, "Leaving a network"). */
describe.each(dialects)("an owner leaving a network on %s", (dialect) => {
  let server: TestServer;
  const clients: Record<string, TestClient> = {};
  let network = "";
  let demo = "";
  let nabo = "";
  let programme = "";
  let leavePage = "";

  const as = (who: string) => clients[who] as TestClient;
  const isMember = async (ownerId: string) =>
    (await server.services.db
      .selectFrom("network_member")
      .select("owner_id")
      .where("network_id", "=", network)
      .where("owner_id", "=", ownerId)
      .executeTakeFirst()) !== undefined;
  const liveShared = () =>
    server.services.db
      .selectFrom("shared_assessment")
      .select(["id", "title"])
      .where("owner_id", "=", demo)
      .where("network_id", "=", network)
      .where("withdrawn_at", "is", null)
      .execute();

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    for (const [who, email] of [
      ["lead", "programansvarlig@demo.oppvern.no"],
      ["guide", "veileder@demo.oppvern.no"],
      ["admin", "admin@demo.oppvern.no"],
      ["nabo", "koordinator@nabo.oppvern.no"],
      ["ombud", "personvernombud@demo.oppvern.no"],
      ["demo", "koordinator@demo.oppvern.no"],
      ["leder", "leder@demo.oppvern.no"],
    ] as const) {
      const client = new TestClient(server.url);
      await client.login(email);
      clients[who] = client;
    }
    network = await organisationIdOf(server, "Demo digitaliseringsnettverk");
    demo = await organisationIdOf(server, "Demo kommune");
    nabo = await organisationIdOf(server, "Nabo kommune");
    programme = (
      await server.services.db
        .selectFrom("programme")
        .select("id")
        .where("network_id", "=", network)
        .executeTakeFirstOrThrow()
    ).id;
    leavePage = `/eiere/${demo}/nettverk/${network}/forlat`;
  });
  afterAll(() => server.close());

  it("offers «Gå ut av nettverket» to the koordinator only; the personvernombud sees but does not act", async () => {
    const own = await as("demo").page(`/eiere/${demo}`);
    expect(textOf(own.html)).toContain("Gå ut av nettverket Demo digitaliseringsnettverk");
    expect(own.html).toContain(`href="${leavePage}"`);
    const ombud = await as("ombud").page(`/eiere/${demo}`);
    expect(textOf(ombud.html)).toContain("Demo digitaliseringsnettverk");
    expect(textOf(ombud.html)).toContain("Bare koordinatoren hos eieren kan melde eieren ut av et nettverk.");
    expect(ombud.html).not.toContain(leavePage);
  });

  it("answers 404 to everyone else, by address and by POST, and changes nothing", async () => {
    for (const who of ["ombud", "nabo", "admin", "lead", "guide", "leder"]) {
      expect((await as(who).get(leavePage)).status, who).toBe(404);
      expect((await as(who).post(leavePage, { intent: "forlat" })).status, who).toBe(404);
    }
    // Nabo's own koordinator may leave for Nabo, not for Demo, and not a network that is not there.
    expect((await as("nabo").get(`/eiere/${nabo}/nettverk/${network}/forlat`)).status).toBe(200);
    expect((await as("demo").get(`/eiere/${demo}/nettverk/finnes-ikke/forlat`)).status).toBe(404);
    expect((await new TestClient(server.url).get(leavePage)).status).toBe(302);
    expect(await isMember(demo)).toBe(true);
  });

  it("says on a confirmation page what leaving takes with it, and a POST without the answer does nothing", async () => {
    const shared = await liveShared();
    expect(shared.length).toBeGreaterThan(0);
    const { response, html } = await as("demo").page(leavePage);
    expect(response.status).toBe(200);
    const text = textOf(html);
    expect(text).toContain("Skal Demo kommune gå ut av Demo digitaliseringsnettverk?");
    expect(text).toContain("Veiledning i personvern 2026–2027");
    expect(text).toContain("kommentarene mellom dere og veilederen blir slettet");
    for (const s of shared) expect(text).toContain(s.title);
    expect(text).toContain("Ja, Demo kommune går ut av nettverket");
    expect((await as("demo").post(leavePage, {})).status).toBe(404);
    expect(await isMember(demo)).toBe(true);
  });

  it("takes the owner out of the network, its programme and its shared assessments, and logs each", async () => {
    const db = server.services.db;
    const shared = await liveShared();
    const left = await as("demo").post(leavePage, { intent: "forlat" });
    expect(left.status).toBe(303);
    expect(left.headers.get("location")).toBe(`/eiere/${demo}?forlatt=${network}#nettverk`);
    const page = textOf((await as("demo").page(left.headers.get("location") ?? "")).html);
    expect(page).toContain("Demo kommune har gått ut av Demo digitaliseringsnettverk.");
    expect(page).toContain("Eieren er ikke med i noe nettverk.");

    expect(await isMember(demo)).toBe(false);
    const inProgramme = await db
      .selectFrom("programme_owner")
      .select("owner_id")
      .where("programme_id", "=", programme)
      .where("owner_id", "=", demo)
      .executeTakeFirst();
    expect(inProgramme).toBeUndefined();
    for (const table of ["programme_share", "programme_comment", "programme_group_owner"] as const)
      expect(
        await db
          .selectFrom(table)
          .select("owner_id")
          .where("programme_id", "=", programme)
          .where("owner_id", "=", demo)
          .execute(),
        table,
      ).toEqual([]);
    expect(await liveShared()).toEqual([]);
    const log = await db
      .selectFrom("audit_log")
      .select(["action", "entity_id", "tenant_id"])
      .where("tenant_id", "=", demo)
      .where("action", "in", ["network.leave", "programme.leave", "shared.withdraw"])
      .orderBy("action")
      .execute();
    expect(log.map((r) => r.action)).toEqual([
      "network.leave",
      "programme.leave",
      ...shared.map(() => "shared.withdraw"),
    ]);
    expect(log[0]?.entity_id).toBe(network);

    // The koordinator no longer reads the programme, nor the network's shared assessments.
    expect((await as("demo").get(`/program/${programme}`)).status).toBe(404);
    expect(textOf((await as("demo").page("/ros/delte")).html)).not.toContain(shared[0]?.title ?? "–");
    // Leaving twice is 404: the owner is no longer a member.
    expect((await as("demo").get(leavePage)).status).toBe(404);
    expect((await as("demo").post(leavePage, { intent: "forlat" })).status).toBe(404);
  });

  it("shows the programansvarlig and the guides that the owner left, and when", async () => {
    const networkPage = textOf((await as("lead").page(`/nettverk/${network}`)).html);
    expect(networkPage).toContain("Har gått ut av nettverket");
    expect(networkPage).toMatch(/Demo kommune gikk ut \d+\. \w+ \d{4}\./);
    expect(textOf((await as("guide").page(`/nettverk/${network}`)).html)).toContain("Demo kommune gikk ut");
    // The programme shows it left, as when an owner leaves one programme by itself.
    expect(textOf((await as("lead").page(`/program/${programme}`)).html)).toContain("Demo kommune");
    // Another network's people do not see it: Nabo's koordinator cannot open the network page.
    expect((await as("nabo").get(`/nettverk/${network}`)).status).toBe(404);
  });

  it("comes back by a new invitation: the note that it left goes, and nothing comes back by itself", async () => {
    const orgNumber = (
      await server.services.db
        .selectFrom("organisation")
        .select("org_number")
        .where("id", "=", demo)
        .executeTakeFirstOrThrow()
    ).org_number as string;
    expect(
      (await as("lead").post(`/nettverk/${network}`, { intent: "invite-owner", orgnr: orgNumber })).status,
    ).toBe(200);
    expect(
      (await as("demo").post(`/eiere/${demo}`, { intent: "join-network", networkId: network })).status,
    ).toBe(200);
    expect(await isMember(demo)).toBe(true);
    expect(textOf((await as("lead").page(`/nettverk/${network}`)).html)).not.toContain(
      "Demo kommune gikk ut",
    );
    // Its shared assessments stay withdrawn, and it is not back in the programme until it is taken in.
    expect(await liveShared()).toEqual([]);
    expect((await as("demo").get(`/program/${programme}`)).status).toBe(404);
  });
});

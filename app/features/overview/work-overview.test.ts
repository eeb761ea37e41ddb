import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
  userIdOf,
} from "../../../tests/support/test-server.ts";
import { dayInNorway } from "../../lib/time.ts";

describe.each(dialects)("the signed-in overview on %s", (dialect) => {
  let server: TestServer;
  let koordinator: TestClient;
  let leder: TestClient;
  let ansatt: TestClient;
  let nabo: TestClient;
  const overview = async (client: TestClient) => textOf((await client.page("/?lang=nb")).html);
  const count = async (where: (q: ReturnType<typeof planQuery>) => ReturnType<typeof planQuery>) =>
    Number((await where(planQuery()).executeTakeFirstOrThrow()).n);
  const planQuery = () =>
    server.services.db
      .selectFrom("plan_measure")
      .select((e) => e.fn.countAll<number>().as("n"))
      .where("owner_id", "=", demoId);
  let demoId = "";

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    demoId = await organisationIdOf(server, "Demo kommune");
    koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    leder = new TestClient(server.url);
    await leder.login("leder@demo.oppvern.no");
    ansatt = new TestClient(server.url);
    await ansatt.login("ansatt@demo.oppvern.no");
    nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
  });
  afterAll(() => server.close());

  it("shows the koordinator each step of the cycle with the owner's own figures", async () => {
    const text = await overview(koordinator);
    // The four steps, in order (numbered by the list).
    const at = ["Kartlegge", "Prioritere", "Gjennomføre", "Evaluere"].map((step) =>
      text.indexOf(` ${step} `),
    );
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain("Siste avsluttede kartlegging: «Kartlegging våren 2026»");
    const proposals = await count((q) => q.where("decision", "=", "forslag"));
    expect(proposals).toBeGreaterThan(0);
    expect(text).toContain(`${proposals} forslag til tiltak venter på en beslutning.`);
    const open = await count((q) => q.where("decision", "=", "valgt").where("status", "<>", "ferdig"));
    const done = await count((q) => q.where("decision", "=", "valgt").where("status", "=", "ferdig"));
    expect(text).toContain(`Tiltak i handlingsplanen – ikke ferdige: ${open}, ferdige: ${done}.`);
    // The demo has a service in use whose supplier processes data without a signed agreement.
    expect(text).toMatch(/Tjenester i bruk uten signert databehandleravtale: \d+\./);
  });

  it("counts a measure that passes its due date, and one the person is responsible for", async () => {
    const before = await overview(koordinator);
    const overdue = Number(before.match(/(\d+) har passert fristen/)?.[1] ?? 0);
    const lars = await userIdOf(server, "leder@demo.oppvern.no");
    // A measure not yet past its date, that someone else is responsible for.
    const measure = await server.services.db
      .selectFrom("plan_measure")
      .select("id")
      .where("owner_id", "=", demoId)
      .where("decision", "=", "valgt")
      .where("status", "<>", "ferdig")
      .where((e) => e.or([e("due_on", "is", null), e("due_on", ">=", dayInNorway())]))
      .where((e) => e.or([e("responsible_id", "is", null), e("responsible_id", "<>", lars)]))
      .executeTakeFirstOrThrow();
    const leaderBefore = await overview(leder);
    const mine = Number(leaderBefore.match(/Du er ansvarlig for (\d+) av dem/)?.[1] ?? 0);
    await server.services.db
      .updateTable("plan_measure")
      .set({ due_on: "2000-01-01", responsible_id: lars })
      .where("id", "=", measure.id)
      .execute();
    expect(await overview(leder)).toContain(`Du er ansvarlig for ${mine + 1} av dem.`);
    expect(await overview(koordinator)).toContain(`${overdue + 1} har passert fristen.`);
  });

  it("lists the open rounds that wait for a leader's answers: those with their unit, not the others", async () => {
    const start = (title: string, unit: string) =>
      koordinator.post("/kartlegging", [
        ["tittel", title],
        ["frist", "2099-01-31"],
        ["enhet", unit],
      ]);
    expect(
      (await start("Kartlegging i barnehagen", await organisationIdOf(server, "Solsikken barnehage"))).status,
    ).toBe(303);
    expect(
      (await start("Kartlegging i skolen", await organisationIdOf(server, "Eik barneskole"))).status,
    ).toBe(303);
    const text = await overview(leder);
    expect(text).toContain("Kartlegginger som venter på svar");
    expect(text).toContain("Kartlegging i skolen – svarfrist 31. januar 2099");
    expect(text).not.toContain("Kartlegging i barnehagen");
    // The koordinator answers the owner's part of both.
    const mine = await overview(koordinator);
    expect(mine).toContain("Kartlegging i barnehagen");
    expect(mine).toContain("2 kartlegginger er åpne for svar.");
  });

  it("shows staff the modules assigned to them, and not the owner's work", async () => {
    const text = await overview(ansatt);
    expect(text).toContain("Kurs du skal ta");
    expect(text).toContain("Personvern i skolen, Modul 2 – frist");
    expect(text).not.toContain("Arbeidet med personvern");
    expect(text).not.toContain("Handlingsplanen");
  });

  it("never shows one owner's figures to another", async () => {
    const text = await overview(nabo);
    expect(text).not.toContain("Kartlegging i skolen");
    expect(text).not.toMatch(/\d+ forslag til tiltak venter/);
    expect(text).not.toContain("databehandleravtale");
  });
});

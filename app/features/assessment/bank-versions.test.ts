import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
  userIdOf,
} from "../../../tests/support/test-server.ts";
import { loadBankFromDisk, type Question } from "./bank-schema.ts";

const v1 = loadBankFromDisk("content/question-bank/2026.1");
const v2 = loadBankFromDisk("content/question-bank/2026.2");
const area = (bank: typeof v1, id: string) => bank.areas.find((a) => a.id === id);
const question = (bank: typeof v1, id: string) =>
  bank.areas.flatMap((a) => a.sporsmal).find((q) => q.id === id) as Question;
// A school's unit question whose nynorsk wording 2026.2 corrected (2026.1 said "born").
const corrected =
  v1.areas
    .flatMap((a) => a.sporsmal)
    .find(
      (q) =>
        q.niva === "enhet" &&
        q.gjelder.includes("skole") &&
        q.tekst.nn !== question(v2, q.id).tekst.nn &&
        !q.tekst.nn.includes("«"),
    ) ?? null;

describe.each(dialects)("question bank versions on %s", (dialect) => {
  let server: TestServer;
  let koordinator: TestClient;
  let leder: TestClient;
  let ownerId = "";
  let eik = "";
  let oldRound = "";
  let newRound = "";

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    leder = new TestClient(server.url);
    await leder.login("leder@demo.oppvern.no");
    ownerId = await organisationIdOf(server, "Demo kommune");
    eik = await organisationIdOf(server, "Eik barneskole");
    // A round answered and closed on 2026.1 before 2026.2 came: the owner said level 1 on styring-01.
    oldRound = "runde-2026-1";
    const at = new Date(Date.now() - 60_000).toISOString();
    const db = server.services.db;
    await db
      .insertInto("assessment_round")
      .values({
        id: oldRound,
        owner_id: ownerId,
        title: "Kartlegging på 2026.1",
        bank_version: "2026.1",
        deadline: null,
        status: "closed",
        created_by: null,
        created_at: at,
        closed_at: at,
      })
      .execute();
    await db.insertInto("assessment_round_unit").values({ round_id: oldRound, unit_id: eik }).execute();
    await db
      .insertInto("assessment_answer")
      .values({
        round_id: oldRound,
        scope: "eier",
        question_id: "styring-01",
        user_id: await userIdOf(server, "koordinator@demo.oppvern.no"),
        level: 1,
        updated_at: at,
      })
      .execute();
  });
  afterAll(() => server.close());

  it("has a corrected nynorsk question to show", () => {
    expect(corrected, "2026.2 should correct the nynorsk of at least one school question").not.toBeNull();
  });

  it("starts a new round on the newest version, 2026.2", async () => {
    const response = await koordinator.post("/kartlegging", [
      ["tittel", "Kartlegging på 2026.2"],
      ["frist", "2099-01-31"],
      ["enhet", eik],
    ]);
    expect(response.status).toBe(303);
    newRound = (response.headers.get("location") ?? "").split("/")[2]?.split("?")[0] ?? "";
    const row = await server.services.db
      .selectFrom("assessment_round")
      .select("bank_version")
      .where("id", "=", newRound)
      .executeTakeFirstOrThrow();
    expect(row.bank_version).toBe("2026.2");
  });

  it("shows the owner's area intro from the round's own version", async () => {
    const old = textOf((await koordinator.page(`/kartlegging/${oldRound}/eier/styring?lang=nn`)).html);
    const fresh = textOf((await koordinator.page(`/kartlegging/${newRound}/eier/styring?lang=nn`)).html);
    const before = area(v1, "styring")?.beskrivelse.nn ?? "?";
    const after = area(v2, "styring")?.beskrivelse.nn ?? "?";
    expect(before).not.toBe(after);
    expect(old).toContain(before);
    expect(old).not.toContain(after);
    expect(fresh).toContain(after);
    expect(fresh).not.toContain(before);
  });

  it("shows a unit leader the question wording of the round's own version", async () => {
    if (!corrected) return;
    const areaId = v1.areas.find((a) => a.sporsmal.includes(corrected))?.id ?? "";
    const old = textOf((await leder.page(`/kartlegging/${oldRound}/${eik}/${areaId}?lang=nn`)).html);
    const fresh = textOf((await leder.page(`/kartlegging/${newRound}/${eik}/${areaId}?lang=nn`)).html);
    expect(old).toContain(corrected.tekst.nn);
    expect(fresh).toContain(question(v2, corrected.id).tekst.nn);
    expect(fresh).not.toContain(corrected.tekst.nn);
  });

  it("compares a 2026.2 round with the 2026.1 round before it, question by question", async () => {
    await server.services.db
      .insertInto("assessment_answer")
      .values({
        round_id: newRound,
        scope: "eier",
        question_id: "styring-01",
        user_id: await userIdOf(server, "koordinator@demo.oppvern.no"),
        level: 4,
        updated_at: new Date().toISOString(),
      })
      .execute();
    const page = textOf((await koordinator.page(`/kartlegging/${newRound}/resultat?lang=nb`)).html);
    expect(page).toContain("Endring siden «Kartlegging på 2026.1»");
    expect(page).toContain("Endring per spørsmål (1)");
    expect(page).toContain(question(v2, "styring-01").tekst.nb);
  });

  it("keeps another owner's user out of the old round", async () => {
    const nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
    expect((await nabo.get(`/kartlegging/${oldRound}/eier/styring`)).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
  userIdOf,
} from "../../../tests/support/test-server.ts";
import { loadNewestBankFromDisk } from "./bank-schema.ts";
import { closeRound, createRound, saveAnswer } from "./rounds.server.ts";

const bank = loadNewestBankFromDisk();
const ownerQuestions = bank.areas.flatMap((a) => a.sporsmal.filter((q) => q.niva === "eier"));

// Many people save at once (each change to an answer saves it): the answers arriving in the same
// moment are written together (one statement on PostgreSQL, one commit on SQLite). Each person must
// still get the result of their own answer, exactly as if it had been saved alone.
describe.each(dialects)("answers saved at the same moment on %s", (dialect) => {
  let server: TestServer;
  let ownerId = "";
  let userId = "";
  const open = async () =>
    (
      await createRound(server.services.db, {
        ownerId,
        title: "Samtidige svar",
        deadline: null,
        unitIds: [],
        bankVersion: bank.versjon,
        actorUserId: userId,
      })
    ).id;
  const stored = (roundId: string) =>
    server.services.db
      .selectFrom("assessment_answer")
      .select(["question_id", "level", "comment"])
      .where("round_id", "=", roundId)
      .orderBy("question_id")
      .execute();
  const answer = (roundId: string, questionId: string, level: number, comment = "", user = userId) =>
    saveAnswer(
      server.services.db,
      { roundId, scope: "eier", questionId, userId: user },
      { level, notRelevant: false, reason: "", comment, evidenceUrl: "" },
    );

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    ownerId = await organisationIdOf(server, "Demo kommune");
    userId = await userIdOf(server, "koordinator@demo.oppvern.no");
  });
  afterAll(() => server.close());

  it("stores every answer sent at once, and each is told it was saved", async () => {
    const roundId = await open();
    const questions = ownerQuestions.slice(0, 40);
    // The first one's comment is the word NULL, which must stay text, not become a missing value.
    const results = await Promise.all(
      questions.map((q, i) => answer(roundId, q.id, (i % 5) + 1, i === 0 ? "NULL" : "")),
    );
    expect(results.every((saved) => saved === true)).toBe(true);
    const rows = await stored(roundId);
    expect(rows).toHaveLength(40);
    const levelOf = new Map(rows.map((r) => [r.question_id, r.level]));
    questions.forEach((q, i) => {
      expect(levelOf.get(q.id)).toBe((i % 5) + 1);
    });
    expect(rows.find((r) => r.question_id === questions[0]?.id)?.comment).toBe("NULL");
  });

  it("keeps the last of several changes to the same answer sent at once", async () => {
    // Written as it was typed, whatever the characters (the values travel as arrays on PostgreSQL).
    const tricky = 'Til slutt: "ja", {nesten} alt\\ NULL, æøå';
    const roundId = await open();
    const q = ownerQuestions[0]?.id ?? "";
    const results = await Promise.all([
      answer(roundId, q, 1, "først"),
      answer(roundId, q, 2, "så"),
      answer(roundId, q, 4, tricky),
    ]);
    expect(results).toEqual([true, true, true]);
    expect(await stored(roundId)).toEqual([{ question_id: q, level: 4, comment: tricky }]);
  });

  it("refuses an answer to a closed round among answers to an open one", async () => {
    const closed = await open();
    await closeRound(server.services.db, ownerId, closed, userId);
    const roundId = await open();
    const [a, b] = ownerQuestions;
    const results = await Promise.all([
      answer(roundId, a?.id ?? "", 3),
      answer(closed, a?.id ?? "", 3),
      answer(roundId, b?.id ?? "", 5),
    ]);
    expect(results).toEqual([true, false, true]);
    expect(await stored(closed)).toEqual([]);
    const levels = new Map((await stored(roundId)).map((r) => [r.question_id, r.level]));
    expect(levels).toEqual(
      new Map([
        [a?.id, 3],
        [b?.id, 5],
      ]),
    );
  });

  it("lets an answer that cannot be stored fail alone: the others of the same moment are saved", async () => {
    const roundId = await open();
    const [a, b] = ownerQuestions;
    const outcomes = await Promise.allSettled([
      answer(roundId, a?.id ?? "", 2),
      // A person who does not exist (the answer refers to its user).
      answer(roundId, b?.id ?? "", 2, "", "ingen-slik-bruker"),
      answer(roundId, b?.id ?? "", 4),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const levels = new Map((await stored(roundId)).map((r) => [r.question_id, r.level]));
    expect(levels).toEqual(
      new Map([
        [a?.id, 2],
        [b?.id, 4],
      ]),
    );
  });
});

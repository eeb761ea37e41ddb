import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
  userIdOf,
} from "../../../tests/support/test-server.ts";
import { loadNewestBankFromDisk } from "./bank-schema.ts";
import {
  createRound,
  effectiveAnswers,
  findRoundWithScopes,
  listAnswers,
  listFinals,
  roundCounts,
  saveAnswer,
  saveFinal,
} from "./rounds.server.ts";

const bank = loadNewestBankFromDisk();
const owner = bank.areas.flatMap((a) => a.sporsmal.filter((q) => q.niva === "eier")).map((q) => q.id);
const kindergartenOnly = bank.areas
  .flatMap((a) =>
    a.sporsmal.filter(
      (q) => q.niva === "enhet" && q.gjelder.includes("barnehage") && !q.gjelder.includes("skole"),
    ),
  )
  .map((q) => q.id);
const school = bank.areas
  .flatMap((a) => a.sporsmal.filter((q) => q.niva === "enhet" && q.gjelder.includes("skole")))
  .map((q) => q.id);

// The round overview counts, per part, the questions answered and those where people still
// disagree, in SQL (a round of an owner with 50 units holds thousands of answers). Its figures
// must be those the reconciling page gets from every answer (effectiveAnswers).
describe.each(dialects)("a round's progress per part on %s", (dialect) => {
  let server: TestServer;
  let ownerId = "";
  let unitId = "";
  let koordinator = "";
  let leder = "";
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    ownerId = await organisationIdOf(server, "Demo kommune");
    unitId = await organisationIdOf(server, "Eik barneskole");
    koordinator = await userIdOf(server, "koordinator@demo.oppvern.no");
    leder = await userIdOf(server, "leder@demo.oppvern.no");
  });
  afterAll(() => server.close());

  it("reads a round with its owner and parts, one part when asked, and never another owner's", async () => {
    const db = server.services.db;
    const kindergarten = await organisationIdOf(server, "Solsikken barnehage");
    const { id: roundId } = await createRound(db, {
      ownerId,
      title: "Deler",
      deadline: null,
      unitIds: [unitId, kindergarten],
      bankVersion: bank.versjon,
      actorUserId: koordinator,
    });
    const all = await findRoundWithScopes(db, ownerId, roundId);
    expect(all?.round.title).toBe("Deler");
    expect(all?.owner.name).toBe("Demo kommune");
    expect(all?.scopes.map((s) => [s.name, s.kind])).toEqual([
      ["Demo kommune", "eier"],
      ["Eik barneskole", "skole"],
      ["Solsikken barnehage", "barnehage"],
    ]);
    expect((await findRoundWithScopes(db, ownerId, roundId, "eier"))?.scopes.map((s) => s.scope)).toEqual([
      "eier",
    ]);
    expect(
      (await findRoundWithScopes(db, ownerId, roundId, kindergarten))?.scopes.map((s) => s.name),
    ).toEqual(["Solsikken barnehage"]);
    // A unit that is not in the round is no part of it; the round is found all the same.
    const outside = await organisationIdOf(server, "Fjellsida ungdomsskole");
    expect((await findRoundWithScopes(db, ownerId, roundId, outside))?.scopes).toEqual([]);
    // Another owner's id with this round: nothing at all.
    const nabo = await organisationIdOf(server, "Nabo kommune");
    expect(await findRoundWithScopes(db, nabo, roundId)).toBeNull();
  });

  it("counts answered and open questions per part as the reconciling page does", async () => {
    const db = server.services.db;
    const { id: roundId } = await createRound(db, {
      ownerId,
      title: "Framdrift per del",
      deadline: null,
      unitIds: [unitId],
      bankVersion: bank.versjon,
      actorUserId: koordinator,
    });
    const answer = (
      scope: string,
      questionId: string,
      userId: string,
      level: number | null,
      notRelevant = false,
    ) =>
      saveAnswer(
        db,
        { roundId, scope, questionId, userId },
        { level, notRelevant, reason: notRelevant ? "Vi har ikke dette" : "", comment: "", evidenceUrl: "" },
      );
    const final = (questionId: string, level: number) =>
      saveFinal(
        db,
        { roundId, scope: "eier", questionId, userId: koordinator },
        { level, notRelevant: false, reason: "", comment: "" },
      );
    const [o1, o2, o3, o4, o5, o6] = owner as [string, string, string, string, string, string];
    await answer("eier", o1, koordinator, 3); // one answer: agreed
    await answer("eier", o2, koordinator, 2); // two that differ: open
    await answer("eier", o2, leder, 4);
    await answer("eier", o3, koordinator, 3); // a level and "not relevant": open, then reconciled
    await answer("eier", o3, leder, null, true);
    await final(o3, 3);
    await answer("eier", o4, koordinator, null, true); // both "not relevant": agreed
    await answer("eier", o4, leder, null, true);
    await answer("eier", o5, koordinator, null); // blank: not answered
    await final(o6, 1); // a final answer with no answers behind it
    const [s1, s2] = school as [string, string];
    await answer(unitId, s1, leder, 5);
    await answer(unitId, s2, leder, 1);
    await answer(unitId, s2, koordinator, 2);
    // An answer to a kindergarten question in the school's part (as after the unit changed kind):
    // the part does not show it, so it does not count.
    if (!kindergartenOnly[0]) throw new Error("the bank needs a question for kindergartens only");
    await new Promise((r) => setTimeout(r, 5)); // a later time stamp than the answers before
    await answer(unitId, kindergartenOnly[0] ?? "", leder, 2);
    await answer(unitId, kindergartenOnly[0] ?? "", koordinator, 4);

    const parts = [
      { scopes: ["eier"], questionIds: owner },
      { scopes: [unitId], questionIds: school },
    ];
    const { counts, last } = await roundCounts(db, roundId, parts, { shown: "eier", userId: leder });
    expect(counts.get("eier")).toEqual({ answered: 5, open: 1 });
    expect(counts.get(unitId)).toEqual({ answered: 2, open: 1 });
    // The leder answered the kindergarten question last: the overview takes them back there.
    expect(last).toEqual({ scope: unitId, question_id: kindergartenOnly[0] });

    // The same as counted from every answer, and as the per-question states of the part shown.
    const effective = effectiveAnswers(await listAnswers(db, roundId), await listFinals(db, roundId));
    for (const { scopes, questionIds } of parts) {
      const scope = scopes[0] ?? "";
      const shown = new Set(questionIds.map((q) => `${scope}|${q}`));
      const sources = [...effective].filter(([key]) => shown.has(key)).map(([, e]) => e.source);
      expect(counts.get(scope)).toEqual({
        answered: sources.length,
        open: sources.filter((s) => s === "open").length,
      });
      const { states } = await roundCounts(db, roundId, parts, { shown: scope, userId: koordinator });
      const shownStates = [...states].filter(([q]) => shown.has(`${scope}|${q}`)).map(([, state]) => state);
      expect(shownStates.sort()).toEqual([...sources].sort());
    }
    // Someone who has answered nothing has no question to go back to.
    const other = await userIdOf(server, "personvernombud@demo.oppvern.no");
    expect((await roundCounts(db, roundId, parts, { userId: other })).last).toBeNull();
  });

  // The overview keeps the parts' counts for the round's revision (decision 029): after every kind
  // of change, the counts it shows must be those counted afresh.
  it("shows fresh counts after every change, though it keeps them between changes", async () => {
    const db = server.services.db;
    const { id: roundId } = await createRound(db, {
      ownerId,
      title: "Teljing som blir halden",
      deadline: null,
      unitIds: [unitId],
      bankVersion: bank.versjon,
      actorUserId: koordinator,
    });
    const parts = [
      { scopes: ["eier"], questionIds: owner },
      { scopes: [unitId], questionIds: school },
    ];
    const revision = async () => (await findRoundWithScopes(db, ownerId, roundId))?.round.revision ?? -1;
    /** What the overview shows now (with the revision it reads), checked against a fresh count. */
    const shown = async () => {
      const kept = await roundCounts(db, roundId, parts, { userId: leder, revision: await revision() });
      const fresh = await roundCounts(db, roundId, parts, { userId: leder });
      expect(kept.counts).toEqual(fresh.counts);
      return { eier: kept.counts.get("eier") ?? null, unit: kept.counts.get(unitId) ?? null };
    };
    const answer = (questionId: string, userId: string, level: number | null, comment = "") =>
      saveAnswer(
        db,
        { roundId, scope: "eier", questionId, userId },
        { level, notRelevant: false, reason: "", comment, evidenceUrl: "" },
      );
    const [o1, o2] = owner as [string, string];

    expect(await shown()).toEqual({ eier: null, unit: null });
    await answer(o1, koordinator, 2);
    expect(await shown()).toEqual({ eier: { answered: 1, open: 0 }, unit: null });
    await answer(o1, leder, 4); // another person differs: open
    expect(await shown()).toEqual({ eier: { answered: 1, open: 1 }, unit: null });
    await saveFinal(
      db,
      { roundId, scope: "eier", questionId: o1, userId: koordinator },
      { level: 4, notRelevant: false, reason: "", comment: "" },
    );
    expect(await shown()).toEqual({ eier: { answered: 1, open: 0 }, unit: null });
    // A new comment changes no count, and the round's revision stays where it was.
    const before = await revision();
    await answer(o1, leder, 4, "Vi har rutinen skriftleg");
    expect(await revision()).toBe(before);
    // A changed level withdraws the final answer (a trigger of its own): open again.
    await answer(o1, koordinator, 1);
    expect(await revision()).toBeGreaterThan(before);
    expect(await shown()).toEqual({ eier: { answered: 1, open: 1 }, unit: null });
    await answer(o2, leder, 3);
    await saveAnswer(
      db,
      { roundId, scope: unitId, questionId: school[0] ?? "", userId: leder },
      { level: 5, notRelevant: false, reason: "", comment: "", evidenceUrl: "" },
    );
    expect(await shown()).toEqual({ eier: { answered: 2, open: 1 }, unit: { answered: 1, open: 0 } });
    // An answer taken away (as when a person's answers are deleted).
    await db
      .deleteFrom("assessment_answer")
      .where("round_id", "=", roundId)
      .where("question_id", "=", o2)
      .execute();
    expect(await shown()).toEqual({ eier: { answered: 1, open: 1 }, unit: { answered: 1, open: 0 } });
    // The unit's questions are another kind's now: other lists, counted afresh.
    const asKindergarten = [
      parts[0] as (typeof parts)[0],
      { scopes: [unitId], questionIds: kindergartenOnly },
    ];
    const kept = await roundCounts(db, roundId, asKindergarten, {
      userId: leder,
      revision: await revision(),
    });
    expect(kept.counts.get(unitId)).toBeUndefined();
  });
});

import { createHash, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { currentBank, getBank } from "../assessment/bank.server.ts";
import { storeAreaScores } from "../assessment/results.server.ts";
import { areasFor, OWNER_SCOPE, roundScopes } from "../assessment/rounds.server.ts";

/** A level 1–5 that is the same every time for the same owner and question, around `base`. */
function level(seed: string, base: number): number {
  const n = createHash("sha256").update(seed).digest()[0] ?? 0;
  return Math.min(5, Math.max(1, base + (n % 3) - 1));
}

/**
 * Last spring's round: the demo's earlier round for every owner. It answered 2026.1, as real rounds
 * from before 2026.2 did, so the demo shows an old round's texts and compares it with a new round.
 */
const SPRING_2026 = {
  title: "Kartlegging våren 2026",
  created: "2026-03-02T08:00:00.000Z",
  deadline: "2026-05-15",
  closed: "2026-05-29T14:00:00.000Z",
  bankVersion: "2026.1",
};

/**
 * A closed earlier round for each owner, so that the demo shows a comparison with the previous
 * round and the anonymous comparison across owners. The answers are decided final answers.
 */
export async function seedDemoAssessments(
  db: Kysely<Database>,
  owners: { id: string; name: string; base: number; unitIds: string[] }[],
  decidedBy: string | null,
  round: {
    title: string;
    created: string;
    deadline: string;
    closed: string;
    bankVersion?: string;
  } = SPRING_2026,
) {
  const bank = (round.bankVersion ? getBank(round.bankVersion) : null) ?? currentBank();
  const { created, closed } = round;
  for (const owner of owners) {
    const id = randomUUID();
    await db
      .insertInto("assessment_round")
      .values({
        id,
        owner_id: owner.id,
        title: round.title,
        bank_version: bank.versjon,
        deadline: round.deadline,
        status: "closed",
        created_by: decidedBy,
        created_at: created,
        closed_at: closed,
      })
      .execute();
    if (owner.unitIds.length > 0)
      await db
        .insertInto("assessment_round_unit")
        .values(owner.unitIds.map((unit_id) => ({ round_id: id, unit_id })))
        .execute();
    const finals = [];
    for (const scope of await roundScopes(db, owner.id, id))
      for (const { questions } of areasFor(bank, scope.kind))
        for (const q of questions)
          finals.push({
            round_id: id,
            scope: scope.scope,
            question_id: q.id,
            level: level(
              `${owner.name}|${scope.scope === OWNER_SCOPE ? "" : scope.name}|${q.id}`,
              owner.base,
            ),
            decided_by: decidedBy,
            decided_at: closed,
          });
    for (let i = 0; i < finals.length; i += 200)
      await db
        .insertInto("assessment_final")
        .values(finals.slice(i, i + 200))
        .execute();
    await storeAreaScores(db, owner.id, id, bank, closed);
  }
}

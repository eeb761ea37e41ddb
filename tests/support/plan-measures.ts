import type { Kysely } from "kysely";
import type { Database } from "../../app/db/schema.ts";
import { findQuestion, getBank } from "../../app/features/assessment/bank.server.ts";
import { proposalText } from "../../app/features/plan/proposal-text.ts";

/**
 * An owner's chosen measures that came from a round, in the plan's order, each with the words its
 * question proposes in bokmål and nynorsk (null when no question of its round's bank matches).
 */
export async function chosenWithProposals(db: Kysely<Database>, ownerId: string) {
  const chosen = await db
    .selectFrom("plan_measure")
    .innerJoin("assessment_round", "assessment_round.id", "plan_measure.round_id")
    .select([
      "plan_measure.id",
      "plan_measure.title",
      "plan_measure.description",
      "plan_measure.question_id",
      "assessment_round.bank_version",
    ])
    .where("plan_measure.owner_id", "=", ownerId)
    .where("plan_measure.decision", "=", "valgt")
    .orderBy("plan_measure.rank")
    .orderBy("plan_measure.id")
    .execute();
  return chosen.map((c) => {
    const bank = getBank(c.bank_version);
    const found = bank && c.question_id ? findQuestion(bank, c.question_id) : null;
    return {
      ...c,
      nb: found ? proposalText(found.question, "nb") : null,
      nn: found ? proposalText(found.question, "nn") : null,
    };
  });
}

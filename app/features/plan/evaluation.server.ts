import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { parseList } from "../../lib/forms.ts";
import { getBank } from "../assessment/bank.server.ts";
import type { Bank } from "../assessment/bank-schema.ts";
import { roundResults } from "../assessment/results.server.ts";
import { listRounds } from "../assessment/rounds.server.ts";
import { questionOfMeasure } from "./measure-question.server.ts";
import { type ListedMeasure, listMeasures, planOrder } from "./plan.server.ts";

type Db = Kysely<Database>;
type Round = Awaited<ReturnType<typeof listRounds>>[number];

/** The lowest level each part gave each question in a round, by "scope|question". */
async function levelsOf(db: Db, ownerId: string, round: Round, bank: Bank) {
  const levels = new Map<string, number>();
  for (const row of (await roundResults(db, ownerId, round.id, bank)).rows)
    if (row.answer.level !== null && !row.answer.notRelevant)
      levels.set(`${row.scope.scope}|${row.question.id}`, row.answer.level);
  return levels;
}

/** The lowest level among the parts a measure was for: the part furthest from good decides. */
function lowest(levels: Map<string, number>, scopes: string[], questionId: string) {
  const found = scopes.map((s) => levels.get(`${s}|${questionId}`)).filter((l) => l !== undefined);
  return found.length > 0 ? Math.min(...found) : null;
}

/**
 * The evaluation of the plan: every measure in it, done or not, and for those that came from a
 * round (the baseline), the level of their question then and in the latest round closed after it
 * (the follow-up), for the same parts. A question the bank has renamed since is followed by its
 * new id. Without a follow-up round, only the measures. Each row also has the question (with its
 * area) the measure was proposed from, in its round's bank; null for a measure the owner wrote.
 */
export async function evaluatePlan(db: Db, ownerId: string) {
  const [rounds, measures] = await Promise.all([
    listRounds(db, ownerId),
    listMeasures(db, ownerId, ["valgt"]),
  ]);
  const closed = rounds
    .filter((r) => r.status === "closed" && r.closed_at)
    .sort((a, b) => (a.closed_at ?? "").localeCompare(b.closed_at ?? ""));
  const sources = new Set(measures.map((m) => m.round_id));
  const baseline = closed.filter((r) => sources.has(r.id)).at(-1) ?? null;
  const followUp = baseline
    ? (closed.filter((r) => (r.closed_at ?? "") > (baseline.closed_at ?? "")).at(-1) ?? null)
    : null;
  const baseBank = baseline ? getBank(baseline.bank_version) : null;
  const followBank = followUp ? getBank(followUp.bank_version) : null;
  const [before, after] = await Promise.all([
    baseline && baseBank ? levelsOf(db, ownerId, baseline, baseBank) : null,
    followUp && followBank ? levelsOf(db, ownerId, followUp, followBank) : null,
  ]);
  const questionOf = questionOfMeasure(rounds);
  const rows = planOrder(measures).map((m: ListedMeasure) => {
    const fromBaseline = baseline !== null && m.round_id === baseline.id && m.question_id !== null;
    const scopes = parseList(m.scopes);
    const question = m.question_id ?? "";
    return {
      measure: m,
      found: questionOf(m),
      before: fromBaseline && before ? lowest(before, scopes, question) : null,
      after:
        fromBaseline && after && followBank
          ? lowest(after, scopes, followBank.erstatter[question] ?? question)
          : null,
    };
  });
  return { baseline, followUp, rows };
}

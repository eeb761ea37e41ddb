import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Area, Bank, Question } from "./bank-schema.ts";
import {
  areasFor,
  type Effective,
  effectiveAnswers,
  effectiveFor,
  listLevels,
  roundScopes,
  type Scope,
  score,
} from "./rounds.server.ts";

type Db = Kysely<Database>;

/** The fewest owners an anonymous comparison may be built from. */
export const MIN_OWNERS_FOR_COMPARISON = 5;

export interface Gap {
  scope: Scope;
  area: Area;
  question: Question;
  level: number;
}

export interface RoundResults {
  overall: number | null;
  /** How many of the round's questions have an answer that counts, of how many. */
  coverage: { answered: number; total: number };
  /** One row per area of the bank that the round covers, in bank order. */
  areas: { area: Area; score: number | null; answered: number; total: number }[];
  /** Scope × area scores (the heatmap). */
  matrix: { scope: Scope; scores: (number | null)[] }[];
  /** Relevant questions answered 1 or 2, most important first. */
  gaps: Gap[];
  /** Every question with its answer per scope, for the reports. */
  rows: { scope: Scope; area: Area; question: Question; answer: Effective }[];
}

/**
 * Scores a round from the answers that count (see effectiveAnswers). `scopes` are all the round's
 * parts when the caller has read them already (a round page reads them with the round); otherwise
 * they are read here.
 */
export async function roundResults(
  db: Db,
  ownerId: string,
  roundId: string,
  bank: Bank,
  scopes?: Scope[],
): Promise<RoundResults> {
  const [parts, [answers, finals]] = await Promise.all([
    scopes ?? roundScopes(db, ownerId, roundId),
    listLevels(db, roundId),
  ]);
  const effective = effectiveAnswers(answers, finals);
  const rows: RoundResults["rows"] = [];
  // One pass over parts, areas and questions: each part × area cell is scored as it is built,
  // and each area collects its rows, rather than filtering the rows for every cell.
  const byArea = new Map<string, RoundResults["rows"]>();
  const cells = new Map<Scope, Map<string, number | null>>();
  for (const scope of parts) {
    const scores = new Map<string, number | null>();
    cells.set(scope, scores);
    for (const { area, questions } of areasFor(bank, scope.kind)) {
      const cell: RoundResults["rows"] = [];
      for (const question of questions)
        cell.push({ scope, area, question, answer: effectiveFor(effective, scope.scope, question.id) });
      scores.set(area.id, score(cell));
      rows.push(...cell);
      const list = byArea.get(area.id);
      if (list) list.push(...cell);
      else byArea.set(area.id, cell.slice());
    }
  }
  const areas = bank.areas
    .map((area) => {
      const mine = byArea.get(area.id) ?? [];
      let answered = 0;
      for (const r of mine) if (r.answer.source !== "none") answered++;
      return { area, score: score(mine), answered, total: mine.length };
    })
    .filter((a) => a.total > 0);
  const matrix = parts.map((scope) => ({
    scope,
    scores: areas.map((a) => cells.get(scope)?.get(a.area.id) ?? null),
  }));
  const gaps = rows
    .filter((r) => !r.answer.notRelevant && r.answer.level !== null && r.answer.level <= 2)
    .map((r) => ({ scope: r.scope, area: r.area, question: r.question, level: r.answer.level as number }))
    .sort((a, b) => b.question.vekt - a.question.vekt || a.level - b.level);
  const coverage = {
    answered: areas.reduce((n, a) => n + a.answered, 0),
    total: areas.reduce((n, a) => n + a.total, 0),
  };
  return { overall: score(rows), coverage, areas, matrix, gaps, rows };
}

/**
 * Keeps a closed round's area scores for the anonymous comparison. `scopes` are all the round's
 * parts when the caller has read them already.
 */
export async function storeAreaScores(
  db: Db,
  ownerId: string,
  roundId: string,
  bank: Bank,
  closedAt: string,
  scopes?: Scope[],
) {
  const results = await roundResults(db, ownerId, roundId, bank, scopes);
  const values = results.areas
    .filter((a) => a.score !== null)
    .map((a) => ({
      round_id: roundId,
      owner_id: ownerId,
      area_id: a.area.id,
      score: a.score as number,
      closed_at: closedAt,
    }));
  await db.deleteFrom("assessment_area_score").where("round_id", "=", roundId).execute();
  if (values.length > 0) await db.insertInto("assessment_area_score").values(values).execute();
  forgetComparison();
}

const quantile = (sorted: number[], q: number) => {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return Math.round((sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo));
};

type Comparison = Map<string, { owners: number; q1: number; median: number; q3: number }>;

/** The comparison changes only when a round closes: it is kept for a minute (and dropped at a close here). */
const COMPARISON_TTL_MS = 60_000;
let cached: { at: number; value: Promise<Comparison> } | null = null;

/**
 * Median and quartiles per area over every owner's latest closed round, never showing an area
 * with fewer than MIN_OWNERS_FOR_COMPARISON owners, so that no single owner can be recognised.
 */
export function comparison(db: Db): Promise<Comparison> {
  if (cached && Date.now() - cached.at < COMPARISON_TTL_MS) return cached.value;
  const value = computeComparison(db);
  cached = { at: Date.now(), value };
  value.catch(() => {
    cached = null;
  });
  return value;
}

export function forgetComparison() {
  cached = null;
}

async function computeComparison(db: Db): Promise<Comparison> {
  // One ordered pass: the first row per owner and area is the owner's latest closed round.
  const rows = await db
    .selectFrom("assessment_area_score")
    .select(["owner_id", "area_id", "score"])
    .orderBy("owner_id")
    .orderBy("area_id")
    .orderBy("closed_at", "desc")
    .orderBy("round_id", "desc")
    .execute();
  return areaSpread(rows);
}

/**
 * Median and quartiles per area of the owners' latest scores, leaving out an area with fewer than
 * MIN_OWNERS_FOR_COMPARISON owners. `rows` are ordered by owner, area and newest first, so the first
 * row per owner and area is the owner's latest closed round.
 */
export function areaSpread(rows: { owner_id: string; area_id: string; score: number }[]): Comparison {
  const byArea = new Map<string, number[]>();
  let previous = "";
  for (const r of rows) {
    const key = `${r.owner_id}|${r.area_id}`;
    if (key === previous) continue;
    previous = key;
    const list = byArea.get(r.area_id);
    if (list) list.push(Number(r.score));
    else byArea.set(r.area_id, [Number(r.score)]);
  }
  const result: Comparison = new Map();
  for (const [area, values] of byArea) {
    if (values.length < MIN_OWNERS_FOR_COMPARISON) continue;
    const sorted = values.sort((a, b) => a - b);
    result.set(area, {
      owners: sorted.length,
      q1: quantile(sorted, 0.25),
      median: quantile(sorted, 0.5),
      q3: quantile(sorted, 0.75),
    });
  }
  return result;
}

/** The owner's closed round before this one, if any. */
export function previousRound(db: Db, ownerId: string, createdAt: string) {
  return db
    .selectFrom("assessment_round")
    .selectAll()
    .where("owner_id", "=", ownerId)
    .where("status", "=", "closed")
    .where("created_at", "<", createdAt)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
}

/**
 * Questions whose answer changed since an earlier round, per part (owner or unit). A newer bank
 * version maps old question ids to new ones (`erstatter`), so renamed questions still compare.
 */
export function questionChanges(now: RoundResults, before: RoundResults, erstatter: Record<string, string>) {
  const earlier = new Map<string, number | null>();
  for (const r of before.rows) {
    if (r.answer.level === null) continue;
    earlier.set(`${r.scope.scope}|${erstatter[r.question.id] ?? r.question.id}`, r.answer.level);
  }
  return now.rows
    .filter((r) => r.answer.level !== null && earlier.has(`${r.scope.scope}|${r.question.id}`))
    .map((r) => ({
      scope: r.scope,
      area: r.area,
      question: r.question,
      before: earlier.get(`${r.scope.scope}|${r.question.id}`) as number,
      now: r.answer.level as number,
    }))
    .filter((c) => c.before !== c.now)
    .sort((a, b) => Math.abs(b.now - b.before) - Math.abs(a.now - a.before));
}

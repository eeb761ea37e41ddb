import type { PlanMeasureTable } from "../../db/schema.ts";

// The pure rules of prioritising, shared by the pages and by scripts outside the app build.

export const EFFORTS = ["liten", "middels", "stor"] as const;
export type Effort = (typeof EFFORTS)[number];
export const CONSEQUENCES = [1, 2, 3] as const;
export const DECISIONS = ["forslag", "valgt", "valgt-bort"] as const;
export const STATUSES = ["ikke-startet", "pagar", "ferdig"] as const;

/** Small work counts once, medium twice, large three times against the benefit. */
const EFFORT_COST: Record<Effort, number> = { liten: 1, middels: 2, stor: 3 };

/**
 * How much a measure is worth doing first: weight × gap × consequence ÷ effort, with one decimal.
 * The most is 3 × 4 × 3 ÷ 1 = 36 (an important question, not in place at all, grave if nothing is
 * done, and quick to mend); the least is 1 × 1 × 1 ÷ 3 ≈ 0.3.
 */
export function priority(m: Pick<PlanMeasureTable, "weight" | "gap" | "consequence" | "effort">): number {
  return Math.round(((m.weight * m.gap * m.consequence) / EFFORT_COST[m.effort]) * 10) / 10;
}

/**
 * The order of proposals: the highest priority first; among equals, in the order of the question
 * bank's ids, so that sorting again always gives the same order.
 */
export const byPriority = (
  a: Pick<PlanMeasureTable, "weight" | "gap" | "consequence" | "effort" | "question_id" | "id">,
  b: Pick<PlanMeasureTable, "weight" | "gap" | "consequence" | "effort" | "question_id" | "id">,
) =>
  priority(b) - priority(a) ||
  (a.question_id ?? "~").localeCompare(b.question_id ?? "~") ||
  a.id.localeCompare(b.id);

/** How far an answer is from good (level 5): 4 for level 1, down to 2 for level 3. */
export const gapOf = (level: number) => 5 - level;

/** Answers at this level or lower become proposals. */
export const PROPOSE_AT_OR_BELOW = 3;

/** A priority as people write it: 4,5 in Norwegian, 4.5 in English (cheaper than Intl per card). */
export const formatPriority = (value: number, locale: string) =>
  locale === "en" ? String(value) : String(value).replace(".", ",");

/** A measure not done whose due date has passed (`today` as YYYY-MM-DD, in Norway). */
export const isOverdue = (m: Pick<PlanMeasureTable, "status" | "due_on">, today: string) =>
  m.status !== "ferdig" && m.due_on !== null && m.due_on < today;

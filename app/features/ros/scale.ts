/**
 * The 5 × 5 scale of a risk assessment. A risk's score is likelihood × consequence (1–25); the
 * score falls in one of four levels, which the matrix colours and the page names in words.
 */
export const SCALE = [1, 2, 3, 4, 5] as const;
export type ScaleValue = (typeof SCALE)[number];

export const RISK_LEVELS = ["lav", "middels", "hoy", "svart-hoy"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** 1–4 low, 5–9 medium, 10–16 high, 20–25 very high. */
export function riskLevel(score: number): RiskLevel {
  if (score >= 20) return "svart-hoy";
  if (score >= 10) return "hoy";
  if (score >= 5) return "middels";
  return "lav";
}

export interface Rated {
  likelihood: number;
  consequence: number;
  likelihood_after: number | null;
  consequence_after: number | null;
}

/** The score before the measure. */
export const scoreBefore = (r: Rated) => r.likelihood * r.consequence;

/** The score once the measure is done: as before when the team has not judged it. */
export const scoreAfter = (r: Rated) =>
  (r.likelihood_after ?? r.likelihood) * (r.consequence_after ?? r.consequence);

/** How many risks sit in each cell: counts[consequence - 1][likelihood - 1]. */
export function matrixCounts(risks: Rated[], when: "before" | "after"): number[][] {
  const counts = SCALE.map(() => SCALE.map(() => 0));
  for (const r of risks) {
    const l = when === "after" ? (r.likelihood_after ?? r.likelihood) : r.likelihood;
    const c = when === "after" ? (r.consequence_after ?? r.consequence) : r.consequence;
    const row = counts[c - 1];
    if (row) row[l - 1] = (row[l - 1] ?? 0) + 1;
  }
  return counts;
}

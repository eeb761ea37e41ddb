import type { DpiaConclusion } from "../../db/schema.ts";

/**
 * The nine criteria of the EDPB guidelines on DPIA (WP248 rev.01) for processing likely to result
 * in a high risk. Two or more usually mean a DPIA is needed. The ids are stored; the texts that say
 * what each means in a school or kindergarten are in the message files (dpia.criterion.<id>).
 */
export const CRITERIA = [
  "evaluering",
  "automatisk-avgjorelse",
  "overvaking",
  "sensitive",
  "stor-skala",
  "sammenstilling",
  "sarbare",
  "ny-teknologi",
  "hindrer-rettigheter",
] as const;
export type Criterion = (typeof CRITERIA)[number];

/**
 * The items of Datatilsynet's list of processing that always requires a DPIA (art. 35(4)) that a
 * school or kindergarten owner is most likely to meet. Texts: dpia.listItem.<id>.
 */
export const LIST_ITEMS = [
  "laering",
  "biometri",
  "lokasjon",
  "ansatte",
  "ny-teknologi",
  "forskning",
  "tredjepart",
] as const;
export type ListItem = (typeof LIST_ITEMS)[number];

/** Any item of the list, or two criteria: needed. One criterion: consider it. None: normally not. */
export function conclusionOf(criteria: readonly string[], listItems: readonly string[]): DpiaConclusion {
  if (listItems.length > 0 || criteria.length >= 2) return "trengs";
  return criteria.length === 1 ? "vurder" : "ikke";
}

export const SCALE = [1, 2, 3, 4, 5] as const;

export type RiskLevel = "lav" | "middels" | "hoy" | "svart-hoy";

/** Likelihood × consequence (each 1–5) read as a level: up to 4 low, up to 9 medium, up to 16 high. */
export function riskLevel(score: number): RiskLevel {
  if (score <= 4) return "lav";
  if (score <= 9) return "middels";
  if (score <= 16) return "hoy";
  return "svart-hoy";
}

/** A high or very high risk left after the measures means asking Datatilsynet first (art. 36). */
export const isHigh = (score: number) => score >= 10;

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
 * school or kindergarten owner is most likely to meet, checked against the list in December 2026
 * (docs/decisions/016-registers.md says where). Several apply only together with one more of the
 * criteria above, which their texts say. Texts: dpia.listItem.<id>.
 */
export const LIST_ITEMS = [
  "laering",
  "utvikling",
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

/** The same 5 × 5 scale and levels as a risk assessment (ROS). */
export { type RiskLevel, riskLevel, SCALE } from "../ros/scale.ts";

/** A high or very high risk left after the measures means asking Datatilsynet first (art. 36). */
export const isHigh = (score: number) => score >= 10;

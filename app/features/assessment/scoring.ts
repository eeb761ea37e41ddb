import type { Area, Question } from "./bank-schema.ts";

// Pure rules of the assessment, shared by the server and by scripts that run outside the app
// build (scripts/seed-national.ts).

export type ScopeKind = "eier" | "barnehage" | "skole";

/**
 * The questions a scope answers: owner-level questions for the owner, unit-level ones for a unit,
 * limited to those that apply to a school or a kindergarten (other unit kinds get the school's).
 */
export function questionsFor(area: Area, kind: ScopeKind): Question[] {
  if (kind === "eier") return area.sporsmal.filter((q) => q.niva === "eier");
  return area.sporsmal.filter((q) => q.niva === "enhet" && q.gjelder.includes(kind));
}

/** The audience of a unit kind: kindergartens answer the kindergarten questions, all others the school's. */
export const unitAudience = (unitKind: string): "barnehage" | "skole" =>
  unitKind === "barnehage" ? "barnehage" : "skole";

export interface Effective {
  level: number | null;
  notRelevant: boolean;
  /** "final" when the koordinator decided, "agreed" when everyone who answered agrees, "open" otherwise. */
  source: "final" | "agreed" | "open" | "none";
}

/** Weighted score 0–100 of the answered, relevant questions; null when none is answered. */
export function score(items: { question: Question; answer: Effective }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { question, answer } of items) {
    if (answer.notRelevant || answer.level === null) continue;
    sum += question.vekt * ((answer.level - 1) / 4);
    weights += question.vekt;
  }
  return weights === 0 ? null : Math.round((sum / weights) * 100);
}

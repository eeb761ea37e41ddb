/** The programme evaluation's statements and choices, shared by the page and the server (decision 028). */

/** The statements, answered 1–5 (helt uenig … helt enig) or 0 (vet ikke). Texts: `programmeEvaluation.q.<key>`. */
export const STATEMENTS = ["gatherings", "guide", "duties", "plan", "tool", "worth"] as const;
export type Statement = (typeof STATEMENTS)[number];
/** The choices: 1–5, and 0 for "vet ikke". */
export const CHOICES = [1, 2, 3, 4, 5, 0] as const;
/** Results show only from this many answers (decision 028). */
export const THRESHOLD = 5;

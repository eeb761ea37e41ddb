import { z } from "zod";
import type { AnswerValue } from "./rounds.server.ts";

/** The fields of one question in the answer form are suffixed with the question id. */
export const fieldName = (field: "niva" | "grunn" | "kommentar" | "bevis" | "fil", questionId: string) =>
  `${field}-${questionId}`;

/** One answer as posted: level 1–5, "ir" (not relevant, with a reason) or empty (not answered). */
export const ZAnswer = z
  .object({
    niva: z.enum(["", "1", "2", "3", "4", "5", "ir"], { error: "assessment.error.level" }),
    grunn: z.string().trim().max(1000, "assessment.error.reasonLong"),
    kommentar: z.string().trim().max(2000, "assessment.error.commentLong"),
    bevis: z
      .string()
      .trim()
      .max(500, "assessment.error.evidenceLong")
      .refine((v) => v === "" || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(v), "assessment.error.evidence"),
  })
  .superRefine((a, ctx) => {
    if (a.niva === "ir" && a.grunn === "")
      ctx.addIssue({ code: "custom", path: ["grunn"], message: "assessment.error.reason" });
  });

export type AnswerInput = z.infer<typeof ZAnswer>;

/** Reads one question's fields from a posted form. */
export function answerFields(form: FormData | URLSearchParams, questionId: string) {
  const get = (f: "niva" | "grunn" | "kommentar" | "bevis") =>
    String(form.get(fieldName(f, questionId)) ?? "");
  return { niva: get("niva"), grunn: get("grunn"), kommentar: get("kommentar"), bevis: get("bevis") };
}

/** What to fix in one question's answer: the first message per field, keyed by the field's name. */
export function answerErrors(error: z.ZodError, questionId: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[fieldName(issue.path[0] as "niva", questionId)] ??= issue.message;
  return errors;
}

/** True when the person has written nothing for the question: nothing to save. */
export const isBlank = (a: AnswerInput) =>
  a.niva === "" && a.grunn === "" && a.kommentar === "" && a.bevis === "";

export function toAnswerValue(a: AnswerInput): AnswerValue {
  return {
    level: a.niva === "" || a.niva === "ir" ? null : Number(a.niva),
    notRelevant: a.niva === "ir",
    reason: a.grunn,
    comment: a.kommentar,
    evidenceUrl: a.bevis,
  };
}

/** The stored answer as form values. */
export function fromAnswerValue(a: {
  level: number | null;
  not_relevant: number;
  reason: string;
  comment: string;
  evidence_url: string;
}) {
  return {
    niva: a.not_relevant ? "ir" : a.level === null ? "" : String(a.level),
    grunn: a.reason,
    kommentar: a.comment,
    bevis: a.evidence_url,
  };
}

import { z } from "zod";
import { dateField } from "../../lib/forms.ts";

const text = (max: number) => z.string().trim().max(max, "ros.tooLong");

export const ASSESSMENT_STATUSES = ["utkast", "ferdig"] as const;

/** A risk assessment's frame: what is assessed, by whom, when, and when to look at it again. */
export const ZAssessment = z
  .object({
    tittel: text(200).min(1, "ros.titleRequired"),
    omfang: text(4000).min(1, "ros.scopeRequired"),
    behandling: z.string().default(""),
    tjeneste: z.string().default(""),
    deltakere: text(2000).default(""),
    vurdert: dateField("ros.dateFormat").default(""),
    revisjon: dateField("ros.dateFormat").default(""),
    status: z.enum(ASSESSMENT_STATUSES, { error: "ros.statusRequired" }).default("utkast"),
    version: z.coerce.number().int().min(0).default(0),
  })
  .superRefine((v, ctx) => {
    if (v.status === "ferdig" && v.vurdert === "")
      ctx.addIssue({ code: "custom", path: ["vurdert"], message: "ros.doneNeedsDate" });
    if (v.vurdert !== "" && v.revisjon !== "" && v.revisjon <= v.vurdert)
      ctx.addIssue({ code: "custom", path: ["revisjon"], message: "ros.reviewAfterAssessed" });
  });
export type AssessmentValues = z.infer<typeof ZAssessment>;

const level = (message: string) =>
  z.coerce.number({ error: message }).int(message).min(1, message).max(5, message);
/** A level the team may leave open: "" is not judged yet. */
const optionalLevel = (message: string) =>
  z.union([z.literal("").transform(() => null), level(message)]).default(null);

/** One risk: what could happen, why, how likely and how bad, and the measure with its effect. */
export const ZRisk = z
  .object({
    trussel: text(300).min(1, "ros.threatRequired"),
    arsak: text(4000).default(""),
    eksisterende: text(4000).default(""),
    sannsynlighet: level("ros.likelihoodRequired"),
    konsekvens: level("ros.consequenceRequired"),
    tiltak: text(4000).default(""),
    sannsynlighetEtter: optionalLevel("ros.likelihoodRequired"),
    konsekvensEtter: optionalLevel("ros.consequenceRequired"),
  })
  .superRefine((v, ctx) => {
    const after = [v.sannsynlighetEtter, v.konsekvensEtter];
    // Half a judgement after the measure cannot be placed in the matrix.
    if (after.some((x) => x === null) && after.some((x) => x !== null)) {
      const path = v.sannsynlighetEtter === null ? "sannsynlighetEtter" : "konsekvensEtter";
      ctx.addIssue({ code: "custom", path: [path], message: "ros.afterBoth" });
    }
    if (after.every((x) => x !== null) && v.tiltak === "")
      ctx.addIssue({ code: "custom", path: ["tiltak"], message: "ros.afterNeedsMeasure" });
    // A measure lowers a risk or leaves it; a higher score after it is a slip of the hand.
    if (v.sannsynlighetEtter !== null && v.sannsynlighetEtter > v.sannsynlighet)
      ctx.addIssue({ code: "custom", path: ["sannsynlighetEtter"], message: "ros.afterHigher" });
    if (v.konsekvensEtter !== null && v.konsekvensEtter > v.konsekvens)
      ctx.addIssue({ code: "custom", path: ["konsekvensEtter"], message: "ros.afterHigher" });
  });
export type RiskValues = z.infer<typeof ZRisk>;

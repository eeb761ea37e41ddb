import { z } from "zod";
import { dateField } from "../../lib/forms.ts";
import { DECISIONS, EFFORTS, STATUSES } from "./priority.ts";

const text = (max: number) => z.string().trim().max(max, "plan.tooLong");
const consequence = z.coerce
  .number({ error: "plan.consequenceRequired" })
  .int()
  .min(1, "plan.consequenceRequired")
  .max(3, "plan.consequenceRequired");

/** The team's decision on a proposal: into the plan, left out for now, or back to undecided. */
export const ZDecision = z
  .object({
    beslutning: z.enum(DECISIONS, { error: "plan.decisionRequired" }),
    konsekvens: consequence,
    begrunnelse: text(2000).default(""),
  })
  .superRefine((v, ctx) => {
    // Leaving a gap unmended is a choice the owner must be able to explain later.
    if (v.beslutning === "valgt-bort" && v.begrunnelse === "")
      ctx.addIssue({ code: "custom", path: ["begrunnelse"], message: "plan.reasonRequired" });
  });
export type Decision = z.infer<typeof ZDecision>;

/** A measure in the plan: what, who, when, how far it has come. */
export const ZMeasure = z
  .object({
    tittel: text(300).min(1, "plan.titleRequired"),
    beskrivelse: text(4000).default(""),
    ansvarlig: z.string().default(""),
    frist: dateField("plan.dateFormat").default(""),
    status: z.enum(STATUSES, { error: "plan.statusRequired" }).default("ikke-startet"),
    innsats: z.enum(EFFORTS, { error: "plan.effortRequired" }),
    konsekvens: consequence,
    fremdrift: text(4000).default(""),
    behandling: z.string().default(""),
    system: z.string().default(""),
    dpia: z.string().default(""),
    begrunnelse: text(2000).default(""),
    effekt: text(4000).default(""),
    version: z.coerce.number().int().min(0).default(0),
  })
  .superRefine((v, ctx) => {
    if (v.status === "ferdig" && v.fremdrift === "")
      ctx.addIssue({ code: "custom", path: ["fremdrift"], message: "plan.doneNoteRequired" });
  });
export type MeasureValues = z.infer<typeof ZMeasure>;

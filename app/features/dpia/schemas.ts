import { z } from "zod";
import { CRITERIA, LIST_ITEMS } from "./criteria.ts";

const text = (max: number) => z.string().trim().max(max, "dpia.error.tooLong");
const version = z.coerce.number().int().min(0).default(0);
const score = (message: string) =>
  z.coerce.number({ error: message }).int(message).min(1, message).max(5, message);

/** The screening: what the DPIA is about, and which criteria and items of the list apply. */
export const ZScreening = z.object({
  tittel: text(300).min(1, "dpia.error.titleRequired"),
  behandling: z.string().default(""),
  tjeneste: z.string().default(""),
  kriterier: z.array(z.enum(CRITERIA, { error: "dpia.error.unknownChoice" })).default([]),
  liste: z.array(z.enum(LIST_ITEMS, { error: "dpia.error.unknownChoice" })).default([]),
  begrunnelse: text(4000).default(""),
  version,
});
export type TScreening = z.infer<typeof ZScreening>;

/** The systematic description (art. 35(7)(a)): what, why, who, which data, which systems, how long. */
export const ZDescription = z.object({
  hva: text(4000).min(1, "dpia.error.whatRequired"),
  hvorfor: text(4000).min(1, "dpia.error.purposeRequired"),
  hvem: text(4000).default(""),
  opplysninger: text(4000).default(""),
  systemer: text(4000).default(""),
  lagring: text(4000).default(""),
  version,
});
export type TDescription = z.infer<typeof ZDescription>;

/** Necessity and proportionality (art. 35(7)(b)). */
export const ZNecessity = z.object({
  nodvendighet: text(6000).min(1, "dpia.error.necessityRequired"),
  forholdsmessighet: text(6000).default(""),
  version,
});
export type TNecessity = z.infer<typeof ZNecessity>;

/** One risk to the data subjects, before and after its measure. */
export const ZRisk = z
  .object({
    trussel: text(1000).min(1, "dpia.error.threatRequired"),
    sannsynlighet: score("dpia.error.likelihoodRequired"),
    konsekvens: score("dpia.error.consequenceRequired"),
    tiltak: text(2000).default(""),
    "sannsynlighet-etter": score("dpia.error.likelihoodRequired"),
    "konsekvens-etter": score("dpia.error.consequenceRequired"),
    version,
  })
  .superRefine((v, ctx) => {
    // A measure does not make a risk more likely or worse; a higher figure after is a slip.
    if (v["sannsynlighet-etter"] > v.sannsynlighet)
      ctx.addIssue({ code: "custom", path: ["sannsynlighet-etter"], message: "dpia.error.afterHigher" });
    if (v["konsekvens-etter"] > v.konsekvens)
      ctx.addIssue({ code: "custom", path: ["konsekvens-etter"], message: "dpia.error.afterHigher" });
  });
export type TRisk = z.infer<typeof ZRisk>;

/** The measures as a whole (art. 35(7)(d)). */
export const ZMeasures = z.object({
  tiltak: text(8000).min(1, "dpia.error.measuresRequired"),
  version,
});

/** The DPO's advice (art. 35(2)). */
export const ZAdvice = z.object({
  rad: text(8000).min(1, "dpia.error.adviceRequired"),
  version,
});

/** Forms that only carry the version they were read at (asking for advice, approving). */
export const ZVersionOnly = z.object({ version });

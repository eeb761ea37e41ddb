import { z } from "zod";
import { type ContentSource, contentData } from "../../lib/content-source.ts";

/**
 * A processing template: content/processing-templates/<id>.yaml. A starting point for one entry in
 * the owner's record of processing (GDPR art. 30), which the owner copies and adapts.
 */

/** GDPR art. 6 nr. 1 letters. */
export const ART6 = ["a", "b", "c", "d", "e", "f"] as const;
/** GDPR art. 9 nr. 2 letters. */
export const ART9 = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"] as const;
export const DATA_SUBJECTS = ["elever", "barn", "foresatte", "ansatte", "andre"] as const;
export const TEMPLATE_AUDIENCES = ["skole", "barnehage"] as const;

const text = z.string().trim().min(1, "kan ikke være tom");
const ZBoth = z.object({ nb: text, nn: text }, { error: "må ha både nb og nn" });

export const ZProcessingTemplate = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Which kind of unit the processing belongs to. */
  gjelder: z.array(z.enum(TEMPLATE_AUDIENCES)).min(1),
  navn: ZBoth,
  /** The purpose: why the data is processed, in one to three sentences. */
  formal: ZBoth,
  /** GDPR art. 6 nr. 1 letter; most public school work is c or e. */
  rettsgrunnlag: z.enum(ART6),
  /** GDPR art. 9 nr. 2 letter, required when the data types include a special category. */
  art9: z.enum(ART9).nullable().default(null),
  /** The national legal basis, e.g. "Opplæringslova § 11-6". */
  nasjonaltGrunnlag: ZBoth,
  registrerte: z.array(z.enum(DATA_SUBJECTS)).min(1),
  /** Catalogue ids (content/catalogue). */
  opplysninger: z.array(z.string()).min(1),
  mottakere: ZBoth,
  /** Transfer to a country outside the EEA. */
  tredjeland: z.boolean().default(false),
  lagring: ZBoth,
  systemer: ZBoth,
  sikkerhet: ZBoth,
});
export type ProcessingTemplate = z.infer<typeof ZProcessingTemplate>;

export function parseTemplates(files: { name: string; source: ContentSource }[]): ProcessingTemplate[] {
  const problems: string[] = [];
  const templates: ProcessingTemplate[] = [];
  for (const file of files) {
    const result = ZProcessingTemplate.safeParse(contentData(file.source));
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push(`${file.name}: ${issue.path.join(".") || "(malen)"}: ${issue.message}`);
      continue;
    }
    if (`${result.data.id}.yaml` !== file.name.split("/").pop())
      problems.push(`${file.name}: filnavnet må være ${result.data.id}.yaml`);
    templates.push(result.data);
  }
  if (problems.length > 0) throw new Error(`Malene har feil:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return templates;
}

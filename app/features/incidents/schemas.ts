import { z } from "zod";
import { dateField, formObject } from "../../lib/forms.ts";
import { dayInNorway } from "../../lib/time.ts";
import { DATA_SUBJECTS } from "../processing/template-schema.ts";

export { DATA_SUBJECTS };
/** Roughly how many people the data was about: the reporter's guess is enough. */
export const AFFECTED = ["en", "noen", "mange", "svaert-mange", "vet-ikke"] as const;
export const SENSITIVE = ["ja", "nei", "vet-ikke"] as const;
export const STATUSES = ["ny", "behandles", "lukket"] as const;
/** Datatilsynet sorts breaches into these three; one breach can be several. */
export const BREACH_KINDS = ["konfidensialitet", "integritet", "tilgjengelighet"] as const;
/** No risk to the people (no notice), a risk (notify Datatilsynet), a high risk (also tell the people). */
export const RISKS = ["ingen", "risiko", "hoy"] as const;
export const INFORMED = ["ja", "nei"] as const;

const text = (max: number) => z.string().trim().max(max, "incident.tooLong");
const isoDate = dateField("incident.dateFormat");

/** A date no later than today in Norway. */
const pastDate = isoDate.refine((v) => v === "" || v <= dayInNorway(), "incident.dateInFuture");

/** The report any staff member sends: what happened, and as much else as they know. */
export const ZIncidentReport = z.object({
  hva: text(4000).min(1, "incident.whatRequired"),
  enhet: z.string().default(""),
  dato: pastDate.default(""),
  registrerte: z.array(z.enum(DATA_SUBJECTS, { error: "incident.unknownSubject" })).default([]),
  antall: z.enum(AFFECTED, { error: "incident.affectedRequired" }),
  sensitive: z.enum(SENSITIVE, { error: "incident.sensitiveRequired" }),
  gjort: text(4000).default(""),
});
export type IncidentReport = z.infer<typeof ZIncidentReport>;

/**
 * The koordinator's handling. It can be saved bit by bit; to close it, the log must say what the
 * law asks for: the kind of breach, the risk and why, the notice to Datatilsynet or why none was
 * needed, whether the people were told (when the risk is high), and what was done.
 */
export const ZIncidentHandling = z
  .object({
    status: z.enum(STATUSES, { error: "incident.statusRequired" }),
    brudd: z.array(z.enum(BREACH_KINDS, { error: "incident.unknownKind" })).default([]),
    risiko: z.union([z.enum(RISKS), z.literal("")], { error: "incident.riskRequired" }).default(""),
    vurdering: text(8000).default(""),
    meldt: pastDate.default(""),
    referanse: text(200).default(""),
    ikkeMeldtGrunn: text(4000).default(""),
    senGrunn: text(4000).default(""),
    informert: z.union([z.enum(INFORMED), z.literal("")], { error: "incident.informedRequired" }).default(""),
    informertNotat: text(4000).default(""),
    tiltak: text(8000).default(""),
    version: z.coerce.number().int().min(1),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.status !== "lukket") return;
    if (v.brudd.length === 0) need("brudd", "incident.close.kindRequired");
    if (v.risiko === "") need("risiko", "incident.close.riskRequired");
    if (v.vurdering === "") need("vurdering", "incident.close.assessmentRequired");
    if (v.risiko === "ingen" && v.ikkeMeldtGrunn === "")
      need("ikkeMeldtGrunn", "incident.close.reasonRequired");
    if ((v.risiko === "risiko" || v.risiko === "hoy") && v.meldt === "")
      need("meldt", "incident.close.noticeRequired");
    if (v.risiko === "hoy" && v.informert === "") need("informert", "incident.close.informedRequired");
    if (v.risiko === "hoy" && v.informertNotat === "")
      need("informertNotat", "incident.close.informedNoteRequired");
    if (v.tiltak === "") need("tiltak", "incident.close.measuresRequired");
  });
export type IncidentHandling = z.infer<typeof ZIncidentHandling>;

/** The posted form as an object for Zod, with the checkbox groups as arrays. */
export const incidentFormObject = (form: FormData) => formObject(form, ["registrerte", "brudd"]);

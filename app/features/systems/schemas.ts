import { z } from "zod";
import { dateField } from "../../lib/forms.ts";

export const PROCESSOR = ["ja", "nei", "usikker"] as const;
export const DPA_STATUSES = ["mangler", "under-arbeid", "signert", "ikke-nodvendig"] as const;
export const TRANSFERS = ["nei", "ja", "usikker"] as const;
export const DPIA = ["ikke-vurdert", "ikke-nodvendig", "nodvendig", "gjennomfort"] as const;
export const SERVICE_STATUSES = ["vurderes", "i-bruk", "avvist", "faset-ut"] as const;
export const SCOPES = ["alle", "valgte"] as const;

/** The fields that are dates, shown again the way the date picker reads them. */
export const DATE_FIELDS = ["dbaSignert", "dbaGjennomgang", "rosDato"] as const;
/** The units that use the service: checkboxes, so a list. */
export const MULTI_FIELDS = ["enheter"] as const;

const text = (max: number) => z.string().trim().max(max, "systems.tooLong");
const date = dateField("systems.dateFormat").default("");

/** A digital service in the register. Messages are catalogue keys; what is only unwise is a warning, not an error. */
export const ZService = z
  .object({
    navn: text(200).min(1, "systems.nameRequired"),
    leverandor: text(200).min(1, "systems.supplierRequired"),
    formal: text(4000).default(""),
    omfang: z.enum(SCOPES, { error: "systems.scopeRequired" }),
    enheter: z.array(z.string()).default([]),
    opplysninger: text(4000).default(""),
    databehandler: z.enum(PROCESSOR, { error: "systems.processorRequired" }),
    dba: z.enum(DPA_STATUSES, { error: "systems.dpaRequired" }),
    dbaSignert: date,
    dbaGjennomgang: date,
    overforing: z.enum(TRANSFERS, { error: "systems.transferRequired" }),
    overforingNotat: text(2000).default(""),
    rosDato: date,
    rosNotat: text(2000).default(""),
    dpia: z.enum(DPIA, { error: "systems.dpiaRequired" }),
    status: z.enum(SERVICE_STATUSES, { error: "systems.statusRequired" }),
    begrunnelse: text(2000).default(""),
    version: z.coerce.number().int().min(0).default(0),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.omfang === "valgte" && v.enheter.length === 0) issue("enheter", "systems.unitsRequired");
    if (v.dba === "signert" && v.dbaSignert === "") issue("dbaSignert", "systems.signedDateRequired");
    if (v.dbaSignert && v.dbaGjennomgang && v.dbaGjennomgang < v.dbaSignert)
      issue("dbaGjennomgang", "systems.reviewBeforeSigned");
    if (v.overforing === "ja" && v.overforingNotat === "")
      issue("overforingNotat", "systems.transferNoteRequired");
    // Turning a service down is a choice the owner must be able to explain to the schools later.
    if (v.status === "avvist" && v.begrunnelse === "") issue("begrunnelse", "systems.reasonRequired");
  });
export type ServiceValues = z.infer<typeof ZService>;

/** What a new service's form starts with. */
export const NEW_SERVICE: Record<string, string | string[]> = {
  omfang: "alle",
  enheter: [],
  databehandler: "usikker",
  dba: "mangler",
  overforing: "usikker",
  dpia: "ikke-vurdert",
  status: "vurderes",
};

import { z } from "zod";
import { formObject } from "../../lib/forms.ts";
import { ART6, ART9, DATA_SUBJECTS } from "./template-schema.ts";

export const STATUSES = ["utkast", "aktiv", "avsluttet"] as const;

const long = (max: number) => z.string().trim().max(max, "processing.tooLong");
const required = (max: number) => long(max).min(1, "form.required");

/**
 * The processing form. Messages are message-catalogue keys. Multi-value fields (registrerte,
 * opplysninger) arrive as arrays; see readProcessingForm.
 */
export const ZProcessingForm = z
  .object({
    navn: required(200),
    enhet: z.string({ error: "processing.unknownUnit" }).default(""),
    formal: required(4000),
    rettsgrunnlag: z.enum(ART6, { error: "processing.legalBasisRequired" }),
    art9: z.union([z.enum(ART9), z.literal("")], { error: "processing.art9Unknown" }).default(""),
    nasjonaltGrunnlag: required(2000),
    registrerte: z
      .array(z.enum(DATA_SUBJECTS, { error: "processing.subjectsRequired" }))
      .min(1, "processing.subjectsRequired"),
    opplysninger: z.array(z.string().regex(/^[a-z0-9-]+$/, "processing.unknownDataType")).default([]),
    andreOpplysninger: long(4000).default(""),
    mottakere: required(4000),
    tredjeland: z.enum(["nei", "ja"], { error: "processing.thirdCountryRequired" }),
    tredjelandDetaljer: long(2000).default(""),
    lagring: required(4000),
    systemer: required(2000),
    sikkerhet: required(4000),
    status: z.enum(STATUSES, { error: "processing.statusRequired" }),
    gjennomgang: z
      .union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "processing.dateFormat")])
      .default(""),
  })
  .superRefine((v, ctx) => {
    if (v.opplysninger.length === 0 && v.andreOpplysninger.trim() === "")
      ctx.addIssue({ code: "custom", path: ["opplysninger"], message: "processing.dataRequired" });
    if (v.tredjeland === "ja" && v.tredjelandDetaljer.trim() === "")
      ctx.addIssue({
        code: "custom",
        path: ["tredjelandDetaljer"],
        message: "processing.thirdCountryDetails",
      });
  });
export type ProcessingValues = z.infer<typeof ZProcessingForm>;

export const MULTI_FIELDS = ["registrerte", "opplysninger"] as const;

/** The posted form as an object for Zod, with the multi-value fields as arrays. */
export const processingFormObject = (form: FormData) => {
  const raw = formObject(form, MULTI_FIELDS);
  delete raw.version;
  return raw;
};

import type { Kysely } from "kysely";
import { data } from "react-router";
import type { CatalogueChoice } from "../../components/processing-form.tsx";
import type { Database } from "../../db/schema.ts";
import type { Locale } from "../../i18n/locales.ts";
import { parseList } from "../../lib/forms.ts";
import { catalogueLocale, getCatalogue, getCatalogueEntry } from "../classifier/catalogue.server.ts";
import { listUnits } from "../orgs/owners.server.ts";
import { findSpecialData, otherLinesOf, type ProcessingRow } from "./processing.server.ts";
import { type ProcessingValues, processingFormObject, ZProcessingForm } from "./schemas.ts";

/** What the processing form needs besides its values: the owner's units and the catalogue. */
export async function formOptions(db: Kysely<Database>, ownerId: string, locale: Locale) {
  const lang = catalogueLocale(locale);
  const units = (await listUnits(db, ownerId)).map((u) => ({ id: u.id, name: u.name }));
  const catalogue: CatalogueChoice[] = getCatalogue()
    .filter((e) => e.kategori !== "ikke")
    .map((e) => ({ id: e.id, name: e.navn[lang], kategori: e.kategori }))
    .sort((a, b) => a.name.localeCompare(b.name, "nb"));
  return { units, catalogue };
}

/** A saved processing as form values. */
export function rowToValues(row: ProcessingRow): Record<string, string | string[]> {
  return {
    navn: row.name,
    enhet: row.unit_id ?? "",
    formal: row.purpose,
    rettsgrunnlag: row.legal_basis,
    art9: row.art9_condition ?? "",
    nasjonaltGrunnlag: row.national_basis,
    registrerte: parseList(row.data_subjects),
    opplysninger: parseList(row.data_types),
    andreOpplysninger: row.other_data_types,
    mottakere: row.recipients,
    tredjeland: row.third_country ? "ja" : "nei",
    tredjelandDetaljer: row.third_country === "–" ? "" : row.third_country,
    lagring: row.retention,
    systemer: row.systems,
    sikkerhet: row.security,
    status: row.status,
    gjennomgang: row.review_date ?? "",
  };
}

export function findingsFor(values: Record<string, string | string[]>, locale: Locale) {
  const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
  const other = typeof values.andreOpplysninger === "string" ? values.andreOpplysninger : "";
  return findSpecialData(list(values.opplysninger), otherLinesOf(other), locale);
}

export type FormFailure = {
  ok: false;
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
  message?: string;
};

/**
 * Validates a posted processing form: the fields (Zod), the catalogue ids, the unit, and that
 * special-category data has an art. 9 condition. On failure: 400 with what the user typed.
 */
export function validateProcessing(
  form: FormData,
  units: { id: string }[],
  locale: Locale,
): { ok: true; values: ProcessingValues; raw: Record<string, string | string[]> } | FormFailure {
  const raw = processingFormObject(form);
  const result = ZProcessingForm.safeParse(raw);
  const errors: Record<string, string> = {};
  if (!result.success) {
    for (const issue of result.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  }
  const chosen = Array.isArray(raw.opplysninger) ? raw.opplysninger : [];
  if (chosen.some((id) => !getCatalogueEntry(id))) errors.opplysninger ??= "processing.unknownDataType";
  const unit = typeof raw.enhet === "string" ? raw.enhet : "";
  if (unit && !units.some((u) => u.id === unit)) errors.enhet ??= "processing.unknownUnit";
  const special = findingsFor(raw, locale).filter((f) => f.kategori === "saerlig");
  if (special.length > 0 && !raw.art9) errors.art9 ??= "processing.art9Required";
  if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors, values: raw };
  return { ok: true, values: result.data, raw };
}

export const failure = (f: FormFailure) => data(f, { status: 400 });

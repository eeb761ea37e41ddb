import type { Locale } from "../../i18n/locales.ts";
import { createT, type MessageKey } from "../../i18n/translate.ts";
import { parseList } from "../../lib/forms.ts";
import { dayInNorway } from "../../lib/time.ts";
import { catalogueLocale, getCatalogueEntry } from "../classifier/catalogue.server.ts";
import { reportOf } from "../exports/render.server.ts";
import { onDay, type Report, type When } from "../exports/report.ts";
import { findSpecialData, otherLinesOf, type ProcessingRow } from "./processing.server.ts";

type Row = ProcessingRow & { unit_name: string | null };

export interface RecordField {
  label: string;
  value: string | When;
}
export interface RecordEntry {
  name: string;
  fields: RecordField[];
}

/** The record of processing as labelled fields, in the reader's language: the same content in every format. */
export function recordEntries(rows: Row[], locale: Locale): RecordEntry[] {
  const t = createT(locale);
  const lang = catalogueLocale(locale);
  return rows.map((r) => {
    const types = parseList(r.data_types);
    const findings = findSpecialData(types, otherLinesOf(r.other_data_types), locale);
    const special = findings
      .filter((f) => f.kategori !== "ekstra_varsomhet")
      .map((f) =>
        f.kategori === "saerlig"
          ? `${f.label} (${f.kinds.map((k) => t(`classifier.kind.${k}` as MessageKey)).join(", ")})`
          : `${f.label} (${t("processing.findingUncertain")})`,
      );
    const care = findings.filter((f) => f.kategori === "ekstra_varsomhet").map((f) => f.label);
    const field = (key: MessageKey, value: string | null | undefined) => ({
      label: t(key),
      value: value?.trim() || "–",
    });
    return {
      name: r.name,
      fields: [
        field("processing.field.unit", r.unit_name ?? t("processing.wholeOwner")),
        field("processing.field.purpose", r.purpose),
        field("processing.field.legalBasis", t(`processing.art6.${r.legal_basis}` as MessageKey)),
        field(
          "processing.field.art9",
          r.art9_condition ? t(`processing.art9.${r.art9_condition}` as MessageKey) : null,
        ),
        field("processing.field.nationalBasis", r.national_basis),
        field(
          "processing.field.subjects",
          parseList(r.data_subjects)
            .map((s) => t(`processing.subject.${s}` as MessageKey))
            .join(", "),
        ),
        field(
          "processing.field.dataTypes",
          [
            ...types.map((id) => getCatalogueEntry(id)?.navn[lang] ?? id),
            ...otherLinesOf(r.other_data_types),
          ].join(", "),
        ),
        field("processing.export.special", special.join("; ")),
        field("processing.export.extraCare", care.join(", ")),
        field("processing.field.recipients", r.recipients),
        field(
          "processing.field.thirdCountry",
          r.third_country ? r.third_country : t("processing.thirdCountryNo"),
        ),
        field("processing.field.retention", r.retention),
        field("processing.field.systems", r.systems),
        field("processing.field.security", r.security),
        field("processing.field.status", t(`processing.status.${r.status}` as MessageKey)),
        { label: t("processing.field.reviewDate"), value: onDay(r.review_date?.trim(), "–") },
        { label: t("processing.export.updated"), value: onDay(dayInNorway(r.updated_at)) },
      ],
    };
  });
}

/** The record of processing (art. 30): each processing under its name, with every field of the record. */
export function recordReport(owner: string, entries: RecordEntry[], locale: Locale): Report {
  const t = createT(locale);
  const labels = entries[0]?.fields.map((f) => f.label) ?? [];
  return reportOf(t("processing.title"), {
    owner,
    locale,
    sections: [
      {
        blocks: [
          {
            kind: "records",
            sheet: t("processing.title"),
            titleLabel: t("processing.field.name"),
            fields: labels.map((label) => ({ label })),
            records: entries.map((e) => ({ title: e.name, values: e.fields.map((f) => f.value) })),
            empty: t("processing.export.empty"),
          },
        ],
      },
    ],
  });
}

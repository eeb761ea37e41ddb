/**
 * One document model for every export (decision 024): a register builds a `Report` once, and a
 * writer per format (XLSX, DOCX, PDF) lays it out. So the three files hold the same content, and a
 * new register gets all three formats by building one report.
 */

import type { Locale } from "../../i18n/locales.ts";

/**
 * A date in a report: a calendar day ("2026-12-05") or a moment (an ISO time). A sheet keeps it as
 * text that sorts ("2026-12-05", "2026-12-05 14:30"); a document writes it out in the reader's
 * language, as the pages do ("5. desember 2026", "5. desember 2026 kl. 14:30").
 */
export type When = { day: string } | { moment: string };

/** A calendar day (YYYY-MM-DD) for a report, or `none` (an empty text unless given) when there is no day. */
export function onDay(day: string | null | undefined): When | "";
export function onDay<T>(day: string | null | undefined, none: T): When | T;
export function onDay(day: string | null | undefined, none: unknown = ""): unknown {
  return day ? { day } : none;
}

/** A moment (an ISO time) for a report, or an empty text when there is none. */
export const atMoment = (moment: string | null | undefined): When | "" => (moment ? { moment } : "");

/** What a field or a cell holds. */
export type Value = string | number | null | When;

/** A labelled value: "Status: Ferdig". A value may hold line breaks; writers keep them. */
export interface Field {
  label: string;
  value: string | When;
}

/** Many things described by the same fields: a heading and fields each in a document, a row each in a sheet. */
export interface RecordsBlock {
  kind: "records";
  /** The sheet's name in XLSX. */
  sheet: string;
  /** The column header of the record's title in XLSX ("Navn på behandlingen"). */
  titleLabel: string;
  /** The fields every record has, in order, with the column width in XLSX. */
  fields: { label: string; width?: number }[];
  /** Each record's title and its values, one per field; `heading` over it in a document if not the title. */
  records: { title: string | When; heading?: string; values: Value[] }[];
  /** Said when there are no records. */
  empty: string;
}

/** A real table, the same in every format: few columns, for data read across. */
export interface TableBlock {
  kind: "table";
  sheet: string;
  columns: { header: string; width?: number }[];
  rows: (string | number)[][];
  empty: string;
}

/** Labelled values: a two-column table, or with `prose` each label a heading over its text (long answers). */
export interface FieldsBlock {
  kind: "fields";
  fields: Field[];
  prose?: boolean;
}

/** A bulleted list (the chosen criteria of a DPIA). */
export interface ListBlock {
  kind: "list";
  label: string;
  items: string[];
  empty: string;
}

/** Running text under the section's heading; `label` names it in the XLSX about sheet. */
export interface TextBlock {
  kind: "text";
  label: string;
  text: string;
}

export type Block = RecordsBlock | TableBlock | FieldsBlock | ListBlock | TextBlock;

export interface Section {
  heading?: string;
  blocks: Block[];
}

export interface Report {
  /** The document's title, also the title in the file's properties. */
  title: string;
  /** The language of the text (nb, nn, en), for the PDF's and DOCX's language tag and the written dates. */
  lang: Locale;
  /** The facts under the title: owner, date of export, status. In XLSX the first rows of the about sheet. */
  meta: Field[];
  sections: Section[];
  /** Words the writers need, in the reader's language. */
  words: {
    about: string;
    document: string;
    field: string;
    value: string;
    page: (n: number, of: number) => string;
  };
}

export const EXPORT_FORMATS = ["xlsx", "docx", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The format in a URL if it is one we write, else null (then the route answers 404). */
export const exportFormat = (value: string | undefined): ExportFormat | null =>
  (EXPORT_FORMATS as readonly string[]).includes(value ?? "") ? (value as ExportFormat) : null;

/** The content types of the file formats Oppvern exports. */
export const EXPORT_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

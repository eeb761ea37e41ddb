import type { Locale } from "../../i18n/locales.ts";
import { formatDate, formatMoment, minuteInNorway } from "../../lib/time.ts";
import type { Field, RecordsBlock, Value } from "./report.ts";

/** A labelled value as a document shows it, its date written out. */
export interface Line {
  label: string;
  value: string;
}

/** A value as a document (DOCX, PDF) shows it: a date in the reader's language, "5. desember 2026". */
export function inWords(value: Value, lang: Locale): string {
  if (value === null) return "";
  if (typeof value !== "object") return String(value);
  return "day" in value ? formatDate(value.day, lang) : formatMoment(value.moment, lang);
}

/** A value as a sheet's cell holds it: a date as text that sorts, "2026-12-05" or "2026-12-05 14:30". */
export function inCell(value: Value): string | number | null {
  if (value === null || typeof value !== "object") return value;
  return "day" in value ? value.day : minuteInNorway(value.moment);
}

/** Labelled values as a document shows them. */
export const inLines = (fields: Field[], lang: Locale): Line[] =>
  fields.map((f) => ({ label: f.label, value: inWords(f.value, lang) }));

type Entry = RecordsBlock["records"][number];

/** The heading over a record in a document: its own, else its title. */
export const recordHeading = (record: Entry, lang: Locale): string =>
  record.heading ?? inWords(record.title, lang);

/** A record's labelled values for a document; its title is one of them when a heading stands over it. */
export const recordLines = (block: RecordsBlock, record: Entry, lang: Locale): Line[] => [
  ...(record.heading === undefined ? [] : [{ label: block.titleLabel, value: inWords(record.title, lang) }]),
  ...block.fields.map((f, i) => ({ label: f.label, value: inWords(record.values[i] ?? null, lang) })),
];

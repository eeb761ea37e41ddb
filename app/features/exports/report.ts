/**
 * One document model for every export (decision 024): a register builds a `Report` once, and a
 * writer per format (XLSX, DOCX, PDF) lays it out. So the three files hold the same content, and a
 * new register gets all three formats by building one report.
 */

/** A labelled value: "Status: Ferdig". A value may hold line breaks; writers keep them. */
export interface Field {
  label: string;
  value: string;
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
  records: { title: string; heading?: string; values: (string | number | null)[] }[];
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

/** A record's labelled values for a document; its title is one of them when a heading stands over it. */
export const recordFields = (block: RecordsBlock, record: RecordsBlock["records"][number]): Field[] => [
  ...(record.heading === undefined ? [] : [{ label: block.titleLabel, value: record.title }]),
  ...block.fields.map((f, i) => ({ label: f.label, value: String(record.values[i] ?? "") })),
];

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
  /** The language of the text (nb, nn, en), for the PDF's and DOCX's language tag. */
  lang: string;
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

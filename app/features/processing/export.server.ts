import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import PDFDocument from "pdfkit";
import type { Locale } from "../../i18n/locales.ts";
import { createT, type MessageKey } from "../../i18n/translate.ts";
import { parseList } from "../../lib/forms.ts";
import { catalogueLocale, getCatalogueEntry } from "../classifier/catalogue.server.ts";
import { buildWorkbook } from "../exports/xlsx.server.ts";
import { findSpecialData, otherLinesOf, type ProcessingRow } from "./processing.server.ts";

type Row = ProcessingRow & { unit_name: string | null };

export interface RecordField {
  label: string;
  value: string;
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
        field("processing.field.reviewDate", r.review_date),
        field("processing.export.updated", r.updated_at.slice(0, 10)),
      ],
    };
  });
}

export async function recordXlsx(owner: string, entries: RecordEntry[], locale: Locale): Promise<Buffer> {
  const t = createT(locale);
  const labels = entries[0]?.fields.map((f) => f.label) ?? [];
  return buildWorkbook([
    {
      name: t("processing.title"),
      columns: [
        { header: t("processing.field.name"), width: 32 },
        ...labels.map((header) => ({ header, width: 30 })),
      ],
      rows: entries.map((e) => [e.name, ...e.fields.map((f) => f.value)]),
    },
    {
      name: t("processing.export.about"),
      columns: [{ header: t("processing.export.about"), width: 80 }],
      rows: [[owner], [t("processing.export.generated", { date: new Date().toISOString().slice(0, 10) })]],
    },
  ]);
}

export async function recordDocx(owner: string, entries: RecordEntry[], locale: Locale): Promise<Buffer> {
  const t = createT(locale);
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const doc = new Document({
    creator: "Oppvern",
    title: `${t("processing.title")} – ${owner}`,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(t("processing.title"))] }),
          new Paragraph({ children: [new TextRun({ text: owner, bold: true })] }),
          new Paragraph({
            children: [
              new TextRun(t("processing.export.generated", { date: new Date().toISOString().slice(0, 10) })),
            ],
          }),
          ...entries.flatMap((e) => [
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(e.name)] }),
            new Table({
              width: { size: 100, type: WidthType.PERCENTAGE },
              rows: e.fields.map((f) => new TableRow({ children: [cell(f.label, true), cell(f.value)] })),
            }),
          ]),
          ...(entries.length === 0
            ? [
                new Paragraph({
                  alignment: AlignmentType.LEFT,
                  children: [new TextRun(t("processing.empty"))],
                }),
              ]
            : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export function recordPdf(owner: string, entries: RecordEntry[], locale: Locale): Promise<Buffer> {
  const t = createT(locale);
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margin: 56,
      info: { Title: `${t("processing.title")} – ${owner}`, Author: "Oppvern" },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.font("Helvetica-Bold").fontSize(20).text(t("processing.title"));
    doc.font("Helvetica").fontSize(12).text(owner);
    doc
      .fontSize(9)
      .fillColor("#444444")
      .text(t("processing.export.generated", { date: new Date().toISOString().slice(0, 10) }));
    doc.fillColor("#111111");
    if (entries.length === 0) doc.moveDown().fontSize(11).text(t("processing.empty"));
    for (const e of entries) {
      doc.moveDown(1.2).font("Helvetica-Bold").fontSize(14).text(e.name);
      for (const f of e.fields) {
        doc.moveDown(0.3).font("Helvetica-Bold").fontSize(9).text(f.label);
        doc.font("Helvetica").fontSize(10).text(f.value);
      }
    }
    doc.end();
  });
}

import {
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Locale } from "../../i18n/locales.ts";
import type { Block, Report } from "./report.ts";
import { inLines, type Line, recordHeading, recordLines } from "./values.server.ts";

// A4 in twentieths of a point, with 2 cm margins.
const A4 = { width: 11906, height: 16838, margin: 1134 };

/** Text with its line breaks kept: one paragraph per line. */
const lines = (text: string, bold = false) =>
  (text === "" ? [""] : text.split("\n")).map(
    (line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }),
  );

const cell = (text: string, bold = false, width?: number) =>
  new TableCell({
    children: lines(text, bold),
    ...(width ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}),
  });

const fieldTable = (fields: Line[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: fields.map(
      (f) => new TableRow({ children: [cell(f.label, true, 30), cell(f.value.trim() || "–", false, 70)] }),
    ),
  });

function block(b: Block, lang: Locale): (Paragraph | Table)[] {
  switch (b.kind) {
    case "fields":
      return b.prose
        ? inLines(b.fields, lang).flatMap((f) => [
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(f.label)] }),
            ...lines(f.value),
          ])
        : [fieldTable(inLines(b.fields, lang))];
    case "text":
      return lines(b.text);
    case "list":
      return [
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(b.label)] }),
        ...(b.items.length === 0
          ? lines(b.empty)
          : b.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }))),
      ];
    case "records":
      return b.records.length === 0
        ? lines(b.empty)
        : b.records.flatMap((r) => [
            new Paragraph({
              heading: HeadingLevel.HEADING_2,
              children: [new TextRun(recordHeading(r, lang))],
            }),
            fieldTable(recordLines(b, r, lang)),
          ]);
    case "table": {
      if (b.rows.length === 0) return lines(b.empty);
      const total = b.columns.reduce((sum, c) => sum + (c.width ?? 20), 0);
      const width = (i: number) => Math.round((100 * (b.columns[i]?.width ?? 20)) / total);
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            // Repeated at the top of every page the table runs onto.
            new TableRow({
              tableHeader: true,
              children: b.columns.map((c, i) => cell(c.header, true, width(i))),
            }),
            ...b.rows.map(
              (row) => new TableRow({ children: row.map((v, i) => cell(String(v), false, width(i))) }),
            ),
          ],
        }),
      ];
    }
  }
}

const WORD_LANGUAGE: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

/** A report as a Word document: title, the facts, then each section under a heading; A4 with page numbers. */
export function reportDocx(report: Report): Promise<Buffer> {
  const doc = new Document({
    creator: "Oppvern",
    title: report.title,
    // The text's language, so Word checks the spelling in bokmål or nynorsk, and a screen reader reads it so.
    styles: {
      default: { document: { run: { language: { value: WORD_LANGUAGE[report.lang] } } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [new TextRun({ children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.title)] }),
          ...inLines(report.meta, report.lang).map(
            (f) =>
              new Paragraph({
                children: [new TextRun(`${f.label}: ${f.value}`)],
              }),
          ),
          ...report.sections.flatMap((s) => [
            ...(s.heading
              ? [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(s.heading)] })]
              : []),
            ...s.blocks.flatMap((b) => block(b, report.lang)),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

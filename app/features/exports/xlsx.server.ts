import type { Field, Report } from "./report.ts";
import { EXPORT_TYPES } from "./report.ts";
import { inCell } from "./values.server.ts";

export { EXPORT_TYPES, type ExportFormat } from "./report.ts";

export interface SheetSpec {
  name: string;
  columns: { header: string; width?: number }[];
  rows: (string | number | null)[][];
}

/** Builds an XLSX workbook (exceljs) with a bold, frozen header row on each sheet; long text wraps. */
export async function buildWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  // exceljs takes about 0.3 s and 25 MB to load: it loads on the first export, not at start.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Oppvern";
  workbook.created = new Date();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(sheetName(spec.name), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? 20 }));
    for (const [i, c] of spec.columns.entries())
      if ((c.width ?? 20) >= 30) sheet.getColumn(i + 1).alignment = { wrapText: true, vertical: "top" };
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel refuses sheet names over 31 characters and with any of \ / ? * [ ] : */
const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31);

export const XLSX_TYPE = EXPORT_TYPES.xlsx;

/**
 * A report as a workbook: every table and every list of records a sheet of its own (a row per
 * record), then one sheet «Om dokumentet» with the title, the facts and every labelled field.
 * Dates stay as text that sorts ("2026-12-05"), so a column of them can be sorted and filtered.
 */
export function reportXlsx(report: Report): Promise<Buffer> {
  const sheets: SheetSpec[] = [];
  const about: (string | number | null)[][] = [
    [report.words.document, report.title],
    ...report.meta.map(pair),
  ];
  for (const section of report.sections) {
    if (
      section.heading &&
      section.blocks.some((b) => b.kind === "fields" || b.kind === "list" || b.kind === "text")
    )
      about.push(["", ""], [section.heading, ""]);
    for (const block of section.blocks) {
      if (block.kind === "fields") about.push(...block.fields.map(pair));
      else if (block.kind === "text") about.push([block.label, block.text]);
      else if (block.kind === "list")
        about.push([block.label, block.items.length === 0 ? block.empty : block.items.join("\n")]);
      else if (block.kind === "table")
        sheets.push({ name: block.sheet, columns: block.columns, rows: block.rows });
      else
        sheets.push({
          name: block.sheet,
          columns: [
            { header: block.titleLabel, width: 36 },
            ...block.fields.map((f) => ({ header: f.label, width: f.width ?? 30 })),
          ],
          rows: block.records.map((r) => [inCell(r.title), ...r.values.map(inCell)]),
        });
    }
  }
  sheets.push({
    name: report.words.about,
    columns: [
      { header: report.words.field, width: 32 },
      { header: report.words.value, width: 90 },
    ],
    rows: about,
  });
  return buildWorkbook(sheets);
}

const pair = (f: Field) => [f.label, inCell(f.value)];

import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { Locale } from "../../i18n/locales.ts";
import type { Block, Report } from "./report.ts";
import { inLines, type Line, recordHeading, recordLines } from "./values.server.ts";

// Inter, the font the pages use (@fontsource/inter), embedded so that æ, ø and å, and the Sami
// letters (č, đ, ŋ, š, ŧ, ž: the latin-ext part of the font) print as the reader wrote them.
const require = createRequire(import.meta.url);
const file = (part: string, weight: number) =>
  require.resolve(`@fontsource/inter/files/inter-${part}-${weight}-normal.woff`);
const FONTS = {
  regular: { latin: file("latin", 400), ext: file("latin-ext", 400) },
  bold: { latin: file("latin", 600), ext: file("latin-ext", 600) },
};
type Weight = keyof typeof FONTS;
type Doc = InstanceType<typeof PDFDocument>;
/** A node of the PDF's structure tree (decision 024: tagged PDF, so a screen reader reads headings, tables and lists). */
type Struct = ReturnType<Doc["struct"]>;

const INK = "#111111";
const MUTED = "#444444";
const RULE = "#b9bec6";
const HEAD = "#e9ecf1";

/** Splits text into runs of the part of the font that has its letters (latin first, latin-ext for the rest). */
function runs(doc: Doc, text: string, weight: Weight): { font: string; text: string }[] {
  doc.font(`${weight}-latin`);
  const latin = (doc as unknown as { _font: { font: { hasGlyphForCodePoint(c: number): boolean } } })._font
    .font;
  const out: { font: string; text: string }[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 32;
    const font = code < 0x100 || latin.hasGlyphForCodePoint(code) ? `${weight}-latin` : `${weight}-ext`;
    const last = out.at(-1);
    if (last?.font === font) last.text += char;
    else out.push({ font, text: char });
  }
  return out.length === 0 ? [{ font: `${weight}-latin`, text: "" }] : out;
}

/** Writes text that flows across pages, in the given weight and size, switching font part where needed. */
export function write(
  doc: Doc,
  text: string,
  options: {
    weight?: Weight;
    size: number;
    color?: string;
    x?: number;
    y?: number;
    width?: number;
    gap?: number;
  },
) {
  doc.fontSize(options.size).fillColor(options.color ?? INK);
  const parts = runs(doc, text, options.weight ?? "regular");
  const base = { width: options.width ?? contentWidth(doc), paragraphGap: options.gap ?? 0 };
  for (const [i, part] of parts.entries()) {
    doc.font(part.font);
    const continued = i < parts.length - 1;
    if (i === 0 && options.x !== undefined) doc.text(part.text, options.x, options.y, { ...base, continued });
    else doc.text(part.text, { ...base, continued });
  }
}

/** Adds a structure element of `type` whose content is what `draw` writes (the text is marked as its content). */
export function tag(doc: Doc, parent: Struct, type: string, draw: () => void) {
  parent.add(doc.struct(type, {}, draw));
}

/** Draws what is only decoration (cell borders, fills, a repeated table header, page numbers): not read aloud. */
export function artifact(doc: Doc, draw: () => void, type: "Layout" | "Pagination" = "Layout") {
  doc.markContent("Artifact", { type });
  draw();
  doc.endMarkedContent();
}

/** Inter in the two weights, each as its latin and latin-ext part (`write` picks the part per letter). */
export function registerFonts(doc: Doc) {
  for (const [weight, parts] of Object.entries(FONTS)) {
    doc.registerFont(`${weight}-latin`, parts.latin);
    doc.registerFont(`${weight}-ext`, parts.ext);
  }
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Moves to a new page when less than `room` points are left, so a heading does not end a page alone. */
function keep(doc: Doc, room: number) {
  if (doc.y + room > doc.page.maxY()) doc.addPage();
}

/** The height a whole page offers between its margins. */
const pageRoom = (doc: Doc) => doc.page.maxY() - doc.page.margins.top;

/** A field's label in the first ~third of the line, its value beside it (a definition list's look). */
function fieldColumns(doc: Doc) {
  const width = contentWidth(doc);
  const label = Math.round(width * 0.3);
  const gutter = 12;
  return {
    left: doc.page.margins.left,
    label,
    valueX: doc.page.margins.left + label + gutter,
    value: width - label - gutter,
  };
}

/** The heights of a field's label and value side by side (`fields` draws them so). */
function fieldHeights(doc: Doc, f: Line, columns = fieldColumns(doc)) {
  const label = doc
    .font("bold-latin")
    .fontSize(9)
    .heightOfString(f.label || " ", { width: columns.label });
  const value = doc
    .font("regular-latin")
    .fontSize(10)
    .heightOfString(f.value.trim() || "–", { width: columns.value });
  return { label, row: Math.max(label, value) };
}

/** The height a record takes as `block` writes it: the space above, its heading, and each field. */
function recordHeight(doc: Doc, heading: string, list: Line[]) {
  const line = (size: number) => doc.fontSize(size).currentLineHeight(true);
  const title = doc
    .font("bold-latin")
    .fontSize(12)
    .heightOfString(heading || " ", { width: contentWidth(doc) });
  let total = 0.9 * line(10) + title;
  for (const f of list) total += 0.35 * line(10) + fieldHeights(doc, f).row;
  return total;
}

/** The room the start of a block needs under its heading: a whole first record, else a few lines. */
function leadRoom(doc: Doc, b: Block | undefined, lang: Locale) {
  const first = b?.kind === "records" ? b.records[0] : undefined;
  if (b?.kind !== "records" || !first) return 50;
  return Math.min(
    recordHeight(doc, recordHeading(first, lang), recordLines(b, first, lang)),
    pageRoom(doc) - 60,
  );
}

function fields(doc: Doc, parent: Struct, list: Line[]) {
  const columns = fieldColumns(doc);
  for (const f of list) {
    const heights = fieldHeights(doc, f, columns);
    // A field of up to ~10 lines is kept on one page; a longer one starts and runs on.
    keep(doc, Math.min(heights.row, 120) + 6);
    doc.moveDown(0.35);
    const top = doc.y;
    const page = doc.page;
    tag(doc, parent, "P", () =>
      write(doc, f.label, {
        weight: "bold",
        size: 9,
        color: MUTED,
        x: columns.left,
        y: top + 1,
        width: columns.label,
      }),
    );
    tag(doc, parent, "P", () =>
      write(doc, f.value.trim() || "–", { size: 10, x: columns.valueX, y: top, width: columns.value }),
    );
    // Under the taller of the two (a value that ran onto the next page ends where it ended). The
    // label, a point smaller, starts a point lower, so the two share a baseline.
    if (doc.page === page) doc.y = Math.max(doc.y, top + 1 + heights.label);
    doc.x = columns.left;
  }
}

/**
 * A table drawn row by row: a row that does not fit goes to the next page, under the header again.
 * Tagged as Table › TR › TH/TD; the header repeated on later pages, borders and fills are artifacts.
 */
function table(doc: Doc, parent: Struct, columns: { header: string; width?: number }[], rows: string[][]) {
  const left = doc.page.margins.left;
  const total = columns.reduce((sum, c) => sum + (c.width ?? 20), 0);
  const widths = columns.map((c) => (contentWidth(doc) * (c.width ?? 20)) / total);
  const pad = 4;
  const size = 8.5;
  const heightOf = (row: string[], weight: Weight) => {
    doc.font(`${weight}-latin`).fontSize(size);
    return Math.max(
      ...row.map((text, i) => doc.heightOfString(text || " ", { width: (widths[i] ?? 40) - 2 * pad })),
    );
  };
  const tableTag = doc.struct("Table");
  parent.add(tableTag);
  /** Draws a row; `cell` is TH or TD, or null for the header repeated on a new page (an artifact). */
  const draw = (row: string[], weight: Weight, cell: "TH" | "TD" | null, fill?: string) => {
    const height = heightOf(row, weight) + 2 * pad;
    if (doc.y + height > doc.page.maxY()) return false;
    const top = doc.y;
    const tr = cell ? doc.struct("TR") : null;
    if (tr) tableTag.add(tr);
    let x = left;
    for (const [i, text] of row.entries()) {
      const width = widths[i] ?? 40;
      const at = x;
      artifact(doc, () => {
        if (fill) doc.rect(at, top, width, height).fillColor(fill).fill();
        doc.rect(at, top, width, height).lineWidth(0.5).strokeColor(RULE).stroke();
      });
      const cellText = () =>
        write(doc, text, { weight, size, x: at + pad, y: top + pad, width: width - 2 * pad });
      // A header cell says it heads its column (pdfkit writes `scope` as the Table attribute's Scope).
      if (tr && cell)
        tr.add(doc.struct(cell, (cell === "TH" ? { scope: "Column" } : {}) as object, cellText));
      else artifact(doc, cellText);
      x += width;
    }
    tr?.end();
    doc.x = left;
    doc.y = top + height;
    return true;
  };
  const header = columns.map((c) => c.header);
  keep(doc, heightOf(header, "bold") + 40);
  draw(header, "bold", "TH", HEAD);
  for (const row of rows) {
    if (draw(row, "regular", "TD")) continue;
    doc.addPage();
    draw(header, "bold", null, HEAD);
    if (draw(row, "regular", "TD")) continue;
    // A row taller than a whole page: each cell its header and its text, flowing on.
    const tr = doc.struct("TR");
    tableTag.add(tr);
    for (const [i, value] of row.entries())
      tag(doc, tr, "TD", () => {
        doc.moveDown(0.35);
        write(doc, header[i] ?? "", { weight: "bold", size: 9, color: MUTED });
        write(doc, value.trim() || "–", { size: 10 });
      });
    tr.end();
  }
  tableTag.end();
  doc.x = left;
}

function block(doc: Doc, parent: Struct, b: Block, lang: Locale) {
  const paragraph = (text: string, gap?: number) =>
    tag(doc, parent, "P", () => write(doc, text, { size: 10, gap }));
  const subheading = (text: string) =>
    tag(doc, parent, "H3", () => write(doc, text, { weight: "bold", size: 12 }));
  switch (b.kind) {
    case "fields":
      if (!b.prose) return fields(doc, parent, inLines(b.fields, lang));
      for (const f of inLines(b.fields, lang)) {
        keep(doc, 50);
        doc.moveDown(0.6);
        subheading(f.label);
        paragraph(f.value, 3);
      }
      return;
    case "text":
      doc.moveDown(0.4);
      return paragraph(b.text, 3);
    case "list": {
      keep(doc, 50);
      doc.moveDown(0.6);
      subheading(b.label);
      if (b.items.length === 0) return paragraph(b.empty);
      const list = doc.struct("L");
      parent.add(list);
      for (const item of b.items) {
        const li = doc.struct("LI");
        list.add(li);
        tag(doc, li, "LBody", () => write(doc, `• ${item}`, { size: 10 }));
        li.end();
      }
      return list.end();
    }
    case "records":
      if (b.records.length === 0) paragraph(b.empty);
      for (const r of b.records) {
        const heading = recordHeading(r, lang);
        const list = recordLines(b, r, lang);
        // A record starts on a new page rather than split, unless it is longer than a page.
        keep(doc, Math.min(recordHeight(doc, heading, list), pageRoom(doc)));
        doc.moveDown(0.9);
        subheading(heading);
        fields(doc, parent, list);
      }
      return;
    case "table":
      doc.moveDown(0.5);
      if (b.rows.length === 0) return paragraph(b.empty);
      return table(
        doc,
        parent,
        b.columns,
        b.rows.map((row) => row.map(String)),
      );
  }
}

/**
 * An A4 PDF, tagged (decision 024: PDF 1.7 with a structure tree, the language, and the title shown as
 * the window's title) with Inter embedded. `draw` writes the content under the Document root; with
 * `bufferPages` it may go back to earlier pages before the document ends.
 */
export function taggedPdf(
  options: { title: string; lang: string; margin: number; bufferPages?: boolean },
  draw: (doc: Doc, root: Struct) => void,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margin: options.margin,
      bufferPages: options.bufferPages ?? false,
      pdfVersion: "1.7",
      tagged: true,
      lang: options.lang,
      info: { Title: options.title, Author: "Oppvern" },
      displayTitle: true,
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    try {
      registerFonts(doc);
      const root = doc.struct("Document");
      doc.addStructure(root);
      draw(doc, root);
      root.end();
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

/**
 * A report as an A4 PDF with Inter embedded: title, the facts, the sections; page numbers at the foot.
 * Tagged (PDF 1.7 with a structure tree, the language and the title shown as the window's title), so a
 * screen reader reads it as headings, paragraphs, lists and tables with their header cells.
 */
export function reportPdf(report: Report): Promise<Buffer> {
  return taggedPdf({ title: report.title, lang: report.lang, margin: 56, bufferPages: true }, (doc, root) => {
    tag(doc, root, "H1", () => write(doc, report.title, { weight: "bold", size: 18, gap: 4 }));
    for (const f of inLines(report.meta, report.lang))
      tag(doc, root, "P", () => write(doc, `${f.label}: ${f.value}`, { size: 9.5, color: MUTED }));
    for (const section of report.sections) {
      const sect = doc.struct("Sect");
      root.add(sect);
      if (section.heading) {
        // The heading goes to the next page with the start of what it heads.
        keep(doc, 40 + leadRoom(doc, section.blocks[0], report.lang));
        doc.moveDown(1.2);
        const heading = section.heading;
        tag(doc, sect, "H2", () => write(doc, heading, { weight: "bold", size: 14, gap: 2 }));
      }
      for (const b of section.blocks) block(doc, sect, b, report.lang);
      sect.end();
    }
    // «Side 2 av 5» at the foot of every page, written in the bottom margin.
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      artifact(
        doc,
        () =>
          write(doc, report.words.page(i + 1, range.count), {
            size: 8,
            color: MUTED,
            x: doc.page.margins.left,
            y: doc.page.height - 36,
          }),
        "Pagination",
      );
      doc.page.margins.bottom = bottom;
    }
  });
}

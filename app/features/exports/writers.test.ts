import ExcelJS from "exceljs";
import JSZip from "jszip";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { readTags, textsOf } from "../../../tests/support/pdf-structure.ts";
import { renderReport, reportOf } from "./render.server.ts";
import { onDay, type Report } from "./report.ts";

/** A DPIA-like report whose risk table is far longer than a page, with Norwegian and Sami names in it. */
const long = (): Report =>
  reportOf("Risikoer for Čáhppesjávrri skuvla – Ærlig og åpen", {
    owner: "Guovdageainnu suohkan",
    locale: "nb",
    sections: [
      {
        heading: "Risikoer",
        blocks: [
          {
            kind: "table",
            sheet: "Risikoer",
            columns: [
              { header: "Hva kan skje?", width: 40 },
              { header: "Tiltak", width: 40 },
            ],
            rows: Array.from({ length: 120 }, (_, i) => [
              `Risiko ${i + 1}: øvelse på ŋ, š og ž`,
              `Tiltak ${i + 1}`,
            ]),
            empty: "Ingen",
          },
        ],
      },
      {
        heading: "Personvernombudets råd",
        blocks: [{ kind: "text", label: "Råd", text: "Første linje\nAndre linje med æøå" }],
      },
    ],
  });

describe("the writers of a report", () => {
  it("PDF: a long table runs onto more A4 pages with its header on each, and keeps æøå and the Sami letters", async () => {
    const bytes = await renderReport(long(), "pdf");
    const doc = await getDocumentProxy(new Uint8Array(bytes));
    const { text, totalPages } = await extractText(doc, { mergePages: false });
    expect(totalPages).toBeGreaterThan(2);
    for (const [i, page] of text.entries()) {
      // The header row again at the top of every page the table runs onto.
      if (page.includes("Risiko ") && i > 0) expect(page).toContain("Hva kan skje?");
      expect(page).toContain(`Side ${i + 1} av ${totalPages}`);
    }
    const all = text.join("\n");
    expect(all).toContain("Čáhppesjávrri skuvla – Ærlig og åpen");
    expect(all).toContain("Guovdageainnu suohkan");
    for (const n of [1, 60, 120]) expect(all).toContain(`Risiko ${n}: øvelse på ŋ, š og ž`);
    expect(all).toContain("Andre linje med æøå");
  });

  it("PDF: a record (a gap with its measures, a processing) is not split across pages", async () => {
    const records = reportOf("Hull å tette", {
      owner: "Demo kommune",
      locale: "nb",
      sections: [
        {
          heading: "Hull",
          blocks: [
            {
              kind: "records",
              sheet: "Hull",
              titleLabel: "Spørsmål",
              fields: [{ label: "Del" }, { label: "Område" }, { label: "Nivå" }, { label: "Tiltak" }],
              records: Array.from({ length: 30 }, (_, i) => ({
                title: `Spørsmål ${i + 1}: ${"om tilgangsstyring og logging ".repeat(1 + (i % 3))}`,
                values: [
                  "Eik barneskole",
                  "Informasjonssikkerhet",
                  i % 4,
                  `${"• Gå gjennom tilgangene hver høst\n".repeat(1 + (i % 4))}Slutt ${i + 1}.`,
                ],
              })),
              empty: "Ingen",
            },
          ],
        },
      ],
    });
    const doc = await getDocumentProxy(new Uint8Array(await renderReport(records, "pdf")));
    const { text, totalPages } = await extractText(doc, { mergePages: false });
    expect(totalPages).toBeGreaterThan(3);
    const pageOf = (needle: string) => text.findIndex((page) => page.includes(needle));
    for (let n = 1; n <= 30; n++) {
      const start = pageOf(`Spørsmål ${n}:`);
      expect(start, `record ${n}`).toBeGreaterThanOrEqual(0);
      expect(pageOf(`Slutt ${n}.`), `record ${n}`).toBe(start);
    }
  });

  it("DOCX: A4, a header row Word repeats on each page, every line a paragraph", async () => {
    const zip = await JSZip.loadAsync(await renderReport(long(), "docx"));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // Word checks the spelling in the report's language.
    const styles = (await zip.file("word/styles.xml")?.async("string")) ?? "";
    expect(styles).toMatch(/<w:rPrDefault>.*<w:lang w:val="nb-NO"\/>/s);
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml).toContain("Risiko 120: øvelse på ŋ, š og ž");
    expect(xml).toContain('<w:t xml:space="preserve">Andre linje med æøå</w:t>');
  });

  it("XLSX: the table as a sheet, the rest on «Om dokumentet»; sheet names Excel accepts", async () => {
    const report = long();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await renderReport(report, "xlsx")) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Risikoer", "Om dokumentet"]);
    expect(book.worksheets[0]?.rowCount).toBe(121);
    const about = book.worksheets[1];
    expect(about?.getRow(2).values).toEqual([
      undefined,
      "Dokument",
      "Risikoer for Čáhppesjávrri skuvla – Ærlig og åpen",
    ]);
    expect(JSON.stringify(about?.getSheetValues())).toContain("Første linje\\nAndre linje med æøå");
  });
});

describe("dates in a report", () => {
  /** An incident log of one incident: reported at a moment, on a day, with a date among its fields. */
  const log = (locale: "nb" | "nn" | "en") =>
    reportOf("Avvikslogg", {
      owner: "Demo kommune",
      locale,
      sections: [
        {
          blocks: [
            {
              kind: "records",
              sheet: "Avvik",
              titleLabel: "Meldt",
              fields: [{ label: "Dato" }, { label: "Meldt til Datatilsynet" }],
              records: [
                {
                  title: { moment: "2026-12-03T09:05:00.000Z" },
                  heading: "En liste på avveie",
                  values: [onDay("2026-12-02"), onDay(null, null)],
                },
              ],
              empty: "Ingen",
            },
          ],
        },
        {
          heading: "Om vurderingen",
          blocks: [{ kind: "fields", fields: [{ label: "Vurdert", value: onDay("2026-12-05") }] }],
        },
      ],
    });
  const written = {
    nb: ["3. desember 2026 kl. 10:05", "2. desember 2026", "5. desember 2026"],
    nn: ["3. desember 2026 kl. 10:05", "2. desember 2026", "5. desember 2026"],
    en: ["3 December 2026 at 10:05", "2 December 2026", "5 December 2026"],
  };

  it("DOCX and PDF write them out in the reader's language, as the pages do", async () => {
    for (const locale of ["nb", "nn", "en"] as const) {
      const zip = await JSZip.loadAsync(await renderReport(log(locale), "docx"));
      const docx = ((await zip.file("word/document.xml")?.async("string")) ?? "").replace(/<[^>]+>/g, " ");
      const pdf = await extractText(
        await getDocumentProxy(new Uint8Array(await renderReport(log(locale), "pdf"))),
        {
          mergePages: true,
        },
      );
      for (const [format, text] of [
        ["docx", docx],
        ["pdf", pdf.text.replace(/\s+/g, " ")],
      ] as const) {
        for (const date of written[locale]) expect(text, `${locale} ${format}`).toContain(date);
        expect(text, `${locale} ${format}`).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      }
    }
  });

  it("XLSX keeps them as text that sorts, the moment in Norwegian time", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await renderReport(log("en"), "xlsx")) as never);
    expect(book.worksheets[0]?.getRow(2).values).toEqual([undefined, "2026-12-03 10:05", "2026-12-02"]);
    const about = JSON.stringify(book.worksheets[1]?.getSheetValues());
    expect(about).toContain('"Vurdert","2026-12-05"');
  });
});

describe("the PDF for a screen reader", () => {
  it("is tagged: language, title, headings, a table with header cells once, rows as data cells, page numbers left out", async () => {
    const pdf = await readTags(await renderReport(long(), "pdf"));
    expect(pdf.lang).toBe("nb");
    expect(pdf.marked).toBe(true);
    expect(pdf.displayTitle).toBe(true);
    expect(pdf.title).toBe("Risikoer for Čáhppesjávrri skuvla – Ærlig og åpen");
    expect(pdf.pageCount).toBeGreaterThan(2);
    expect(textsOf(pdf.elements, "H1")).toEqual(["Risikoer for Čáhppesjávrri skuvla – Ærlig og åpen"]);
    expect(textsOf(pdf.elements, "H2")).toEqual(["Risikoer", "Personvernombudets råd"]);
    // The header row is read once, where the table starts; on later pages it is only drawn.
    expect(textsOf(pdf.elements, "TH")).toEqual(["Hva kan skje?", "Tiltak"]);
    const cells = textsOf(pdf.elements, "TD");
    expect(cells).toHaveLength(240);
    expect(cells.slice(-2)).toEqual(["Risiko 120: øvelse på ŋ, š og ž", "Tiltak 120"]);
    expect(pdf.elements.filter((e) => e.role === "TR").every((r) => r.cells === 2)).toBe(true);
    const everything = pdf.elements.map((e) => e.text).join(" ");
    expect(everything).not.toContain("Side 1 av");
    expect(textsOf(pdf.elements, "P").join(" ")).toContain("Andre linje med æøå");
  });

  it("says the reader's language, nynorsk or English", async () => {
    for (const locale of ["nn", "en"] as const) {
      const report = reportOf("Test", { owner: "Demo", locale, sections: [] });
      expect((await readTags(await renderReport(report, "pdf"))).lang).toBe(locale);
    }
  });
});

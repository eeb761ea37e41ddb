import ExcelJS from "exceljs";
import JSZip from "jszip";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../tests/support/client.ts";
import { readTags, textsOf } from "../../../tests/support/pdf-structure.ts";
import { chosenWithProposals } from "../../../tests/support/plan-measures.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
} from "../../../tests/support/test-server.ts";
import { formatDate } from "../../lib/time.ts";
import { EXPORT_FORMATS, type ExportFormat } from "./report.ts";

/** What a reader of the file sees: every cell of every sheet, the Word document's text, the PDF's text. */
async function opened(response: Response, format: ExportFormat) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (format === "xlsx") {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as never);
    const cells = book.worksheets.flatMap((sheet) =>
      sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.filter(Boolean).map(String) : [])),
    );
    return { text: cells.join("\n"), sheets: book.worksheets.map((s) => s.name), pages: 0, bytes };
  }
  if (format === "docx") {
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    // One paragraph a line, the runs of a paragraph joined, as Word shows them.
    const text = xml
      .replace(/<\/w:p>/g, "\n")
      .replace(/<[^>]+>/g, "")
      .replace(/&amp;/g, "&")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">");
    return { text, sheets: [], pages: 0, bytes };
  }
  const doc = await getDocumentProxy(bytes.slice());
  const { text, totalPages } = await extractText(doc, { mergePages: true });
  return { text: text.replace(/\s+/g, " "), sheets: [], pages: totalPages, bytes };
}

describe.each(dialects)("every register exported in three formats, on %s", (dialect) => {
  let server: TestServer;
  let koordinator: TestClient;
  let nabo: TestClient;
  let rosId: string;
  let dpiaId: string;
  let measure: string;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
    const demo = await organisationIdOf(server, "Demo kommune");
    const db = server.services.db;
    rosId = (
      await db
        .selectFrom("risk_assessment")
        .select("id")
        .where("owner_id", "=", demo)
        .where("title", "=", "Læringsplattform på barneskolene")
        .executeTakeFirstOrThrow()
    ).id;
    dpiaId = (
      await db
        .selectFrom("dpia")
        .select("id")
        .where("owner_id", "=", demo)
        .where("title", "=", "Læringsplattformen Læringsløypa for 1.–7. trinn")
        .executeTakeFirstOrThrow()
    ).id;
    measure = (
      await db
        .selectFrom("plan_measure")
        .select("title")
        .where("owner_id", "=", demo)
        .where("decision", "=", "valgt")
        .orderBy("title")
        .executeTakeFirstOrThrow()
    ).title;
  });
  afterAll(() => server.close());

  /** Each register: its export address, the file name, and what a reader must find in every format. */
  const registers = () => [
    {
      base: `/ros/${rosId}/eksport`,
      // Every register's file names its owner; one assessment's file names it after the owner.
      file: "ros-demo-kommune-læringsplattform-på-barneskolene",
      expected: [
        "Risikovurdering: Læringsplattform på barneskolene",
        "En melding om en elevs helse blir sendt til hele klassen",
        "Slå av gruppe som standardmottaker i meldinger",
      ],
    },
    {
      base: `/dpia/${dpiaId}/eksport`,
      file: "dpia-demo-kommune-læringsplattformen-læringsløypa-for-1-7-trinn",
      expected: [
        "DPIA: Læringsplattformen Læringsløypa for 1.–7. trinn",
        "Bokstavbyen AS",
        "Systematisk beskrivelse",
        "Personvernombudets råd",
      ],
    },
    {
      base: "/handlingsplan/eksport",
      file: "handlingsplan-demo-kommune",
      expected: ["Handlingsplan", () => measure],
    },
    {
      base: "/avvik/eksport",
      file: "avvikslogg-demo-kommune",
      expected: ["Avvikslogg", "En liste med navn og allergier for 3B", "Referatet fra foreldremøtet i 5A"],
    },
    {
      base: "/systemer/eksport",
      file: "systemer-demo-kommune",
      expected: ["Systemer og leverandører", "Skolerommet læringsplattform", "Krokus barnehageapp"],
    },
  ];

  it("downloads each register as XLSX, DOCX and PDF that open again with the title, the owner and known rows", async () => {
    for (const register of registers()) {
      for (const format of EXPORT_FORMATS) {
        const response = await koordinator.get(`${register.base}/${format}`);
        const where = `${register.base}/${format}`;
        expect(response.status, where).toBe(200);
        expect(response.headers.get("content-disposition"), where).toContain(
          `filename*=UTF-8''${encodeURIComponent(`${register.file}.${format}`)}`,
        );
        expect(response.headers.get("cache-control"), where).toBe("private, no-store");
        const file = await opened(response, format);
        for (const expected of [...register.expected, "Demo kommune"]) {
          const text = typeof expected === "function" ? expected() : expected;
          expect(file.text, `${where} shows «${text}»`).toContain(text);
        }
        if (format === "pdf") {
          expect(file.pages, where).toBeGreaterThanOrEqual(1);
          // Inter is embedded (a subset), so æ, ø and å print as written in any reader.
          expect(Buffer.from(file.bytes).toString("latin1"), where).toMatch(/\/FontName \/[A-Z]{6}\+Inter/);
          expect(file.text, where).toContain(`Side 1 av ${file.pages}`);
          // Tagged for a screen reader: one H1, and everything the page shows is in the structure tree.
          const tags = await readTags(file.bytes);
          expect(tags.lang, where).toBe("nb");
          expect(textsOf(tags.elements, "H1"), where).toHaveLength(1);
          const read = tags.elements.map((e) => e.text).join(" ");
          for (const expected of [...register.expected, "Demo kommune"]) {
            const text = typeof expected === "function" ? expected() : expected;
            expect(read, `${where} reads «${text}» aloud`).toContain(text);
          }
        }
      }
    }
  });

  it("names which number of a DPIA risk's level is the likelihood and which the consequence", async () => {
    // The demo's platform DPIA has a risk scored 3 and 4: its level in words, then both numbers named.
    for (const format of EXPORT_FORMATS) {
      const file = await opened(await koordinator.get(`/dpia/${dpiaId}/eksport/${format}`), format);
      expect(file.text, format).toContain("høy (sannsynlighet 3 × konsekvens 4 = 12)");
    }
    // And read aloud from the PDF's tags, where the table cell wraps the words onto several lines.
    const pdf = await opened(await koordinator.get(`/dpia/${dpiaId}/eksport/pdf`), "pdf");
    const read = (await readTags(pdf.bytes)).elements.map((e) => e.text).join(" ");
    expect(read).toContain("høy (sannsynlighet 3 × konsekvens 4 = 12)");
  });

  it("writes dates out in the reader's language in DOCX and PDF, and keeps them as text that sorts in XLSX", async () => {
    const ros = await server.services.db
      .selectFrom("risk_assessment")
      .select(["assessed_on", "review_on"])
      .where("id", "=", rosId)
      .executeTakeFirstOrThrow();
    const [assessed, review] = [ros.assessed_on ?? "", ros.review_on ?? ""];
    for (const day of [assessed, review]) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const format of ["docx", "pdf"] as const) {
      const file = await opened(await koordinator.get(`/ros/${rosId}/eksport/${format}`), format);
      // «Vurdert dato: 15. november 2026», as the page says it, not «2026-11-15».
      expect(file.text, format).toContain(formatDate(assessed, "nb"));
      expect(file.text, format).toContain(formatDate(review, "nb"));
      expect(file.text, format).not.toContain(assessed);
      expect(file.text, format).not.toContain(review);
      const english = await opened(await koordinator.get(`/ros/${rosId}/eksport/${format}?lang=en`), format);
      expect(english.text, format).toContain(formatDate(assessed, "en"));
      // No register's document writes a date as ISO: not the DPIA's, the plan's, the log's or the services'.
      for (const base of [
        `/dpia/${dpiaId}/eksport`,
        "/handlingsplan/eksport",
        "/avvik/eksport",
        "/systemer/eksport",
      ]) {
        const other = await opened(await koordinator.get(`${base}/${format}`), format);
        expect(other.text, `${base}/${format}`).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      }
    }
    // A sheet keeps the date as ISO text, so a column of dates sorts.
    const xlsx = await opened(await koordinator.get(`/ros/${rosId}/eksport/xlsx`), "xlsx");
    expect(xlsx.text).toContain(assessed);
    const log = await opened(await koordinator.get("/avvik/eksport/xlsx"), "xlsx");
    expect(log.text).toMatch(/\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}\b/);
  });

  it("lays the XLSX out as tables: a sheet of rows, then the sheet about the document", async () => {
    const ros = await opened(await koordinator.get(`/ros/${rosId}/eksport/xlsx`), "xlsx");
    expect(ros.sheets).toEqual(["Risikoer", "Om dokumentet"]);
    const log = await opened(await koordinator.get("/avvik/eksport/xlsx"), "xlsx");
    expect(log.sheets).toEqual(["Avvik", "Om dokumentet"]);
    const dpia = await opened(await koordinator.get(`/dpia/${dpiaId}/eksport/xlsx`), "xlsx");
    expect(dpia.sheets).toEqual(["Risikoer for de registrerte", "Om dokumentet"]);
    expect(dpia.text).toContain("Hvilke kriterier passer?");
  });

  it("tags the DPIA's risk table with header cells and data cells, and each measure of the plan as a heading", async () => {
    const dpia = await readTags(
      (await opened(await koordinator.get(`/dpia/${dpiaId}/eksport/pdf`), "pdf")).bytes,
    );
    expect(dpia.displayTitle).toBe(true);
    const headers = textsOf(dpia.elements, "TH");
    expect(headers.length).toBeGreaterThan(1);
    const rows = dpia.elements.filter((e) => e.role === "TR");
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.cells === headers.length)).toBe(true);
    const plan = await readTags(
      (await opened(await koordinator.get("/handlingsplan/eksport/pdf"), "pdf")).bytes,
    );
    expect(textsOf(plan.elements, "H3")).toContain(measure);
  });

  it("lists each weak question of a round once in its report, with every part where it is weak", async () => {
    const demo = await organisationIdOf(server, "Demo kommune");
    const round = await server.services.db
      .selectFrom("assessment_round")
      .select("id")
      .where("owner_id", "=", demo)
      .where("status", "=", "closed")
      .executeTakeFirstOrThrow();
    const pdf = await readTags(
      new Uint8Array(await (await koordinator.get(`/kartlegging/${round.id}/rapport/pdf`)).arrayBuffer()),
    );
    const gaps = Number(
      textsOf(pdf.elements, "H2")
        .map((h) => h.match(/^Hull å tette \((\d+)\)$/)?.[1])
        .find(Boolean),
    );
    expect(gaps).toBeGreaterThan(10);
    // Each gap is one line «part: nivå N» under its question; no question comes twice.
    const where = pdf.elements.flatMap((e, i) =>
      e.role === "P" && e.text === "Hvor, med nivå" ? [pdf.elements[i + 1]?.text ?? ""] : [],
    );
    const questions = textsOf(pdf.elements, "H3");
    expect(questions).toHaveLength(where.length);
    expect(new Set(questions).size).toBe(questions.length);
    expect(where.reduce((n, w) => n + (w.match(/: nivå \d/g)?.length ?? 0), 0)).toBe(gaps);
    // Some question is weak in more than one part, and is listed once for them all.
    expect(questions.length).toBeLessThan(gaps);
  });

  it("prints the PDF on A4 pages", async () => {
    const response = await koordinator.get("/avvik/eksport/pdf");
    const pdf = await opened(response, "pdf");
    const doc = await getDocumentProxy(pdf.bytes.slice());
    const page = await doc.getPage(1);
    const [, , width, height] = page.view;
    // A4 in points.
    expect(Math.round(width ?? 0)).toBe(595);
    expect(Math.round(height ?? 0)).toBe(842);
  });

  it("answers in the reader's language", async () => {
    const docx = await opened(await koordinator.get(`/ros/${rosId}/eksport/docx?lang=en`), "docx");
    expect(docx.text).toContain("Risk assessment: Læringsplattform på barneskolene");
    expect(docx.text).toContain("Owner: Demo kommune");
    const pdf = await opened(await koordinator.get(`/ros/${rosId}/eksport/pdf?lang=nn`), "pdf");
    expect(pdf.text).toContain("Eigar: Demo kommune");
  });

  it("writes the plan's measures still in the question bank's words in the export's nynorsk, and a rewritten title as written", async () => {
    const db = server.services.db;
    const demo = await organisationIdOf(server, "Demo kommune");
    // Demo kommune's plan: measures proposed to a bokmål reader, in the words of their round's bank.
    const fromBank = (await chosenWithProposals(db, demo)).flatMap(({ nb, nn, ...c }) =>
      nb && nn && c.title === nb.title && c.description === nb.description ? [{ ...c, nb, nn }] : [],
    );
    const differs = (c: (typeof fromBank)[number]) =>
      c.nn.title !== c.nb.title && c.nn.description !== "" && c.nn.description !== c.nb.description;
    const [kept, rewritten] = fromBank.filter(differs);
    if (!kept || !rewritten) throw new Error("the demo plan has two measures in the bank's words");
    // Line breaks and soft hyphens are the writers' business: compare the words.
    const words = (text: string) => text.replace(/[\s\u00ad]+/g, "");
    await db
      .updateTable("plan_measure")
      .set({ title: "Vår eigen formulering av tiltaket" })
      .where("id", "=", rewritten.id)
      .execute();
    try {
      for (const format of EXPORT_FORMATS) {
        const file = await opened(await koordinator.get(`/handlingsplan/eksport/${format}?lang=nn`), format);
        expect(file.text, format).toContain(kept.nn.title);
        expect(file.text, format).not.toContain(kept.nb.title);
        expect(words(file.text), format).toContain(words(kept.nn.description));
        // Rewritten, the title stays as written; the description still in the bank's words follows the language.
        expect(file.text, format).toContain("Vår eigen formulering av tiltaket");
        expect(file.text, format).not.toContain(rewritten.nn.title);
        expect(words(file.text), format).toContain(words(rewritten.nn.description));
      }
    } finally {
      await db
        .updateTable("plan_measure")
        .set({ title: rewritten.title })
        .where("id", "=", rewritten.id)
        .execute();
    }
  });

  it("gives another owner's koordinator 404 for Demo's assessments in every format, and only Nabo's own registers", async () => {
    for (const format of EXPORT_FORMATS) {
      expect((await nabo.get(`/ros/${rosId}/eksport/${format}`)).status).toBe(404);
      expect((await nabo.get(`/dpia/${dpiaId}/eksport/${format}`)).status).toBe(404);
      for (const base of ["/handlingsplan/eksport", "/avvik/eksport", "/systemer/eksport"]) {
        const response = await nabo.get(`${base}/${format}`);
        expect(response.status, `${base}/${format}`).toBe(200);
        const file = await opened(response, format);
        expect(file.text).toContain("Nabo kommune");
        expect(file.text).not.toContain("Demo kommune");
        expect(file.text).not.toContain("Krokus barnehageapp");
        expect(file.text).not.toContain("En liste med navn og allergier");
      }
    }
  });

  it("says in an empty register's document that it is empty, without the page's hints", async () => {
    // Nabo kommune has no processing activities in the demo.
    for (const format of ["pdf", "docx"] as const) {
      const processing = await opened(await nabo.get(`/behandlinger/eksport/${format}`), format);
      expect(processing.text).toContain("Ingen behandlinger er ført inn i oversikten ennå.");
      expect(processing.text).not.toContain("Start med en mal");
    }
  });

  it("answers 404 to a format it does not write, the old addresses still give the spreadsheet", async () => {
    for (const path of [`/ros/${rosId}/eksport/exe`, "/avvik/eksport/csv", "/systemer/eksport/constructor"])
      expect((await koordinator.get(path)).status, path).toBe(404);
    const old = await koordinator.get("/systemer/eksport/xlsx");
    expect(old.headers.get("content-type")).toContain("spreadsheetml");
  });
});

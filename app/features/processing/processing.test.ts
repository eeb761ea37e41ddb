import ExcelJS from "exceljs";
import JSZip from "jszip";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import { dialects, startTestServer, type TestServer } from "../../../tests/support/test-server.ts";

/** A complete, valid processing form; `extra` replaces or adds fields. */
function form(extra: [string, string][] = [], version?: number): [string, string][] {
  const base: [string, string][] = [
    ["intent", "save"],
    ["navn", "Fraværsføring i Demo kommune"],
    ["enhet", ""],
    ["formal", "Skolen fører fravær for å følge opp elevene."],
    ["rettsgrunnlag", "e"],
    ["art9", ""],
    ["nasjonaltGrunnlag", "Opplæringslova"],
    ["registrerte", "elever"],
    ["registrerte", "foresatte"],
    ["opplysninger", "navn"],
    ["opplysninger", "fravaer"],
    ["andreOpplysninger", ""],
    ["mottakere", "Ingen utenfor skolen."],
    ["tredjeland", "nei"],
    ["tredjelandDetaljer", ""],
    ["lagring", "Slettes etter fem år."],
    ["systemer", "Skoleadministrativt system"],
    ["sikkerhet", "Tilgangsstyring og logging."],
    ["status", "aktiv"],
    ["gjennomgang", "2027-06-01"],
  ];
  const names = new Set(extra.map(([k]) => k));
  const kept = base.filter(([k]) => !names.has(k));
  return [
    ...kept,
    ...extra,
    ...(version === undefined ? [] : [["version", String(version)] as [string, string]]),
  ];
}

describe.each(dialects)("the record of processing on %s", (dialect) => {
  let server: TestServer;
  let koordinator: TestClient;
  let leder: TestClient;
  let ansatt: TestClient;
  let nabo: TestClient;
  let processingId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    leder = new TestClient(server.url);
    await leder.login("leder@demo.oppvern.no");
    ansatt = new TestClient(server.url);
    await ansatt.login("ansatt@demo.oppvern.no");
    nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
  });
  afterAll(() => server.close());

  it("starts from a template: the coordinator gets a draft to adapt", async () => {
    const library = textOf((await koordinator.page("/behandlinger/maler")).html);
    expect(library).toContain("Føring og oppfølging av fravær");
    expect((library.match(/Bruk malen/g) ?? []).length).toBeGreaterThanOrEqual(15);
    const created = await koordinator.post("/behandlinger/maler", { mal: "fravaersforing" });
    expect(created.status).toBe(303);
    const location = created.headers.get("location") ?? "";
    expect(location).toMatch(/^\/behandlinger\/[\w-]+\?fra=mal$/);
    processingId = location.split("/")[2]?.split("?")[0] ?? "";
    const page = textOf((await koordinator.page(location)).html);
    expect(page).toContain("utkast laget fra en mal");
    expect(page).toContain("opprettet behandlingen fra en mal");
  });

  it("refuses special-category data without an art. 9 condition, says why, and keeps what was typed", async () => {
    const { html } = await koordinator.page(`/behandlinger/${processingId}`);
    const version = Number(html.match(/name="version" value="(\d+)"/)?.[1]);
    const response = await koordinator.post(
      `/behandlinger/${processingId}`,
      form(
        [
          ["navn", "Fravær med årsak"],
          ["opplysninger", "navn"],
          ["opplysninger", "sykefravaer"],
          ["art9", ""],
        ],
        version,
      ),
    );
    expect(response.status).toBe(400);
    const refused = await response.text();
    expect(textOf(refused)).toContain("artikkel 9 nr. 2");
    expect(textOf(refused)).toContain("Sykefravær");
    expect(refused).toContain('value="Fravær med årsak"');

    const saved = await koordinator.post(
      `/behandlinger/${processingId}`,
      form(
        [
          ["navn", "Fravær med årsak"],
          ["opplysninger", "navn"],
          ["opplysninger", "sykefravaer"],
          ["art9", "g"],
        ],
        version,
      ),
    );
    expect(saved.status).toBe(303);
    const page = textOf((await koordinator.page(saved.headers.get("location") ?? "")).html);
    expect(page).toContain("Endringene er lagret");
    expect(page).toMatch(/endret .*navn/);
    const list = textOf((await koordinator.page("/behandlinger")).html);
    expect(list).toContain("Fravær med årsak");
  });

  it("classifies free-text data types and asks for art. 9 when one is special", async () => {
    const response = await koordinator.post(
      "/behandlinger/ny",
      form([
        ["navn", "Allergiliste"],
        ["opplysninger", "navn"],
        ["andreOpplysninger", "liste over nøtteallergi på kjøkkenet"],
      ]),
    );
    expect(response.status).toBe(400);
    const text = textOf(await response.text());
    expect(text).toContain("liste over nøtteallergi på kjøkkenet");
    expect(text).toContain("artikkel 9 nr. 2");
  });

  it("says what is missing and keeps the rest", async () => {
    const response = await koordinator.post(
      "/behandlinger/ny",
      form([
        ["navn", ""],
        ["formal", "Noe jeg skrev"],
        ["registrerte", ""],
      ]),
    );
    expect(response.status).toBe(400);
    const text = textOf(await response.text());
    expect(text).toContain("Fyll ut dette feltet");
    expect(text).toContain("Noe jeg skrev");
    const unknown = await koordinator.post("/behandlinger/ny", form([["opplysninger", "finnes-ikke"]]));
    expect(unknown.status).toBe(400);
    expect(textOf(await unknown.text())).toContain("finnes ikke i katalogen");
  });

  it("keeps an autosaved draft and shows it when the page is opened again", async () => {
    const autosave = await koordinator.post(`/behandlinger/${processingId}`, [
      ["intent", "autosave"],
      ["navn", "Halvferdig navn"],
    ]);
    expect(autosave.status).toBe(200);
    const page = (await koordinator.page(`/behandlinger/${processingId}`)).html;
    expect(page).toContain('value="Halvferdig navn"');
    expect(textOf(page)).toContain("ikke er lagret ferdig");
  });

  it("does not overwrite someone else's change", async () => {
    const { html } = await koordinator.page(`/behandlinger/${processingId}`);
    const version = Number(html.match(/name="version" value="(\d+)"/)?.[1]);
    const valid = form(
      [
        ["navn", "Første lagring"],
        ["opplysninger", "navn"],
        ["opplysninger", "sykefravaer"],
        ["art9", "g"],
      ],
      version,
    );
    expect((await koordinator.post(`/behandlinger/${processingId}`, valid)).status).toBe(303);
    const second = await koordinator.post(
      `/behandlinger/${processingId}`,
      form(
        [
          ["navn", "Andre lagring"],
          ["opplysninger", "navn"],
          ["opplysninger", "sykefravaer"],
          ["art9", "g"],
        ],
        version,
      ),
    );
    expect(second.status).toBe(400);
    const refused = await second.text();
    expect(textOf(refused)).toContain("Noen andre har lagret endringer");
    expect(refused).toContain('value="Andre lagring"');
  });

  it("lets a unit leader read but not change; staff and other owners get nothing", async () => {
    expect((await leder.get("/behandlinger")).status).toBe(200);
    const view = await leder.page(`/behandlinger/${processingId}`);
    expect(view.response.status).toBe(200);
    expect(view.html).not.toContain('name="navn"');
    expect((await leder.post(`/behandlinger/${processingId}`, form([], 99))).status).toBe(404);
    expect((await leder.get("/behandlinger/maler")).status).toBe(404);
    expect((await ansatt.get("/behandlinger")).status).toBe(404);
    expect((await ansatt.get(`/behandlinger/${processingId}`)).status).toBe(404);
    // Another owner's coordinator: the processing does not exist for them, by any route.
    expect((await nabo.get(`/behandlinger/${processingId}`)).status).toBe(404);
    expect((await nabo.post(`/behandlinger/${processingId}`, form([], 1))).status).toBe(404);
    expect(
      (
        await nabo.post(`/behandlinger/${processingId}`, [
          ["intent", "autosave"],
          ["navn", "x"],
        ])
      ).status,
    ).toBe(404);
    expect((await nabo.post(`/behandlinger/${processingId}`, [["intent", "delete"]])).status).toBe(404);
    const naboExport = await nabo.get("/behandlinger/eksport/xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await naboExport.arrayBuffer()) as never);
    expect(JSON.stringify(book.worksheets[0]?.getSheetValues())).not.toContain("Første lagring");
  });

  it("exports the whole record to XLSX, DOCX and PDF that open again with the content", async () => {
    const xlsx = await koordinator.get("/behandlinger/eksport/xlsx");
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    const cells = JSON.stringify(sheet?.getSheetValues());
    expect(cells).toContain("Første lagring");
    expect(cells).toContain("Sykefravær (helse)");
    expect(sheet?.getRow(1).getCell(1).value).toBe("Navn på behandlingen");
    // A sheet keeps the review date as ISO text, so the column sorts.
    expect(cells).toContain("2027-06-01");

    const docx = await koordinator.get("/behandlinger/eksport/docx");
    const zip = await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("Behandlingsoversikt");
    expect(xml).toContain("Første lagring");
    expect(xml).toContain("g – viktige allmenne interesser");
    // Dates are written out as the page writes them: the review date, and no date as ISO.
    const words = xml.replace(/<[^>]+>/g, " ");
    expect(words).toContain("1. juni 2027");
    expect(words).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    const pdf = await koordinator.get("/behandlinger/eksport/pdf");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const doc = await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer()));
    const { text } = await extractText(doc, { mergePages: true });
    expect(text).toContain("Første lagring");
    expect(text).toContain("Demo kommune");
    expect(text).toContain("1. juni 2027");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const english = await koordinator.get("/behandlinger/eksport/pdf?lang=en");
    const inEnglish = await extractText(await getDocumentProxy(new Uint8Array(await english.arrayBuffer())), {
      mergePages: true,
    });
    expect(inEnglish.text).toContain("1 June 2027");
  });

  it("deletes, and the history keeps who did it", async () => {
    expect((await koordinator.post(`/behandlinger/${processingId}`, [["intent", "delete"]])).status).toBe(
      303,
    );
    expect((await koordinator.get(`/behandlinger/${processingId}`)).status).toBe(404);
    const audit = await server.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "processing")
      .where("entity_id", "=", processingId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["processing.create", "processing.update", "processing.delete"]),
    );
  });
});

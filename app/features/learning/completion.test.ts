import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import { dialects, startTestServer, type TestServer } from "../../../tests/support/test-server.ts";
import { completeModule } from "./progress.server.ts";

describe.each(dialects)("completion for leaders and owners on %s", (dialect) => {
  let server: TestServer;
  let eik: string;
  let demo: string;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    const { db } = server.services;
    const id = async (table: "organisation" | "user", column: "name" | "email", value: string) =>
      (await db.selectFrom(table).select("id").where(column, "=", value).executeTakeFirstOrThrow()).id;
    eik = await id("organisation", "name", "Eik barneskole");
    demo = await id("organisation", "name", "Demo kommune");
    const anne = await id("user", "email", "ansatt@demo.oppvern.no");
    const lars = await id("user", "email", "leder@demo.oppvern.no");
    await completeModule(db, `u:${anne}`, anne, "skole", 1, "gruppe");
    await completeModule(db, `u:${lars}`, lars, "skole", 1, "individuelt");
    await completeModule(db, `u:${lars}`, lars, "skole", 3, "individuelt");
    // A kindergarten module does not count for a school.
    await completeModule(db, `u:${anne}`, anne, "barnehage", 2, "individuelt");
  });
  afterAll(() => server.close());

  it("shows the leader a staff × module matrix: alone, in group, not done", async () => {
    const leder = new TestClient(server.url);
    await leder.login("leder@demo.oppvern.no");
    const text = textOf((await leder.page(`/enheter/${eik}/kompetanse`)).html);
    expect(text).toMatch(/Anne Ansatt Fullført i gruppe Ikke fullført Ikke fullført/);
    expect(text).toMatch(/Lars Leder Fullført Ikke fullført Fullført/);
  });

  it("exports the matrix as an XLSX file that opens with the same figures", async () => {
    const leder = new TestClient(server.url);
    await leder.login("leder@demo.oppvern.no");
    const response = await leder.get(`/enheter/${eik}/kompetanse/eksport`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("kurs-eik-barneskole.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe("Personvern i skolen");
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(["Navn", "E-postadresse", "Modul 1", "Modul 2", "Modul 3"]);
    expect(rows).toContainEqual([
      "Anne Ansatt",
      "ansatt@demo.oppvern.no",
      "Fullført i gruppe",
      "Ikke fullført",
      "Ikke fullført",
    ]);
    expect(rows).toContainEqual([
      "Lars Leder",
      "leder@demo.oppvern.no",
      "Fullført",
      "Ikke fullført",
      "Fullført",
    ]);
  });

  it("shows the coordinator completion per unit and module, counted across the owner", async () => {
    const koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    const text = textOf((await koordinator.page(`/eiere/${demo}/kompetanse`)).html);
    expect(text).toMatch(
      /Eik barneskole \(Personvern i skolen\) 2 2 av 2 \(100 %\) 0 av 2 \(0 %\) 1 av 2 \(50 %\)/,
    );
    expect(text).toMatch(/Fjellsida ungdomsskole \(Personvern i skolen\) 0 0 av 0 \(–\)/);
    // Another owner's coordinator sees none of it.
    const nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
    expect((await nabo.get(`/eiere/${demo}/kompetanse`)).status).toBe(404);
    expect((await nabo.get(`/enheter/${eik}/kompetanse/eksport`)).status).toBe(404);
  });
});

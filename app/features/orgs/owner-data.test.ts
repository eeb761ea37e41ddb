import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
  userIdOf,
} from "../../../tests/support/test-server.ts";
import { storeEvidence } from "../assessment/evidence.server.ts";

describe.each(dialects)("an owner's data, taken out and deleted, on %s", (dialect) => {
  let server: TestServer;
  let koordinator: TestClient;
  let demo = "";
  let nabo = "";
  let eik = "";
  const count = async (
    table: "risk_assessment" | "incident" | "plan_measure" | "digital_service",
    ownerId: string,
  ) =>
    Number(
      (
        await server.services.db
          .selectFrom(table)
          .select((e) => e.fn.countAll<number>().as("n"))
          .where("owner_id", "=", ownerId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    demo = await organisationIdOf(server, "Demo kommune");
    nabo = await organisationIdOf(server, "Nabo kommune");
    eik = await organisationIdOf(server, "Eik barneskole");
  });
  afterAll(() => server.close());

  it("gives the koordinator everything kept for the owner in one workbook", async () => {
    const page = textOf((await koordinator.page(`/eiere/${demo}`)).html);
    expect(page).toContain("Last ned alle data (Excel)");
    const response = await koordinator.get(`/eiere/${demo}/eksport`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("alle-data-demo-kommune.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const rowsOf = (name: string) => (book.getWorksheet(name)?.rowCount ?? 0) - 1;
    const text = (name: string) => JSON.stringify(book.getWorksheet(name)?.getSheetValues());
    expect(text("Eier og enheter")).toContain("Eik barneskole");
    expect(text("Personer og roller")).toContain("koordinator@demo.oppvern.no");
    for (const [sheet, table] of [
      ["ROS", "risk_assessment"],
      ["Avvik", "incident"],
      ["Handlingsplan", "plan_measure"],
      ["Systemer", "digital_service"],
    ] as const) {
      const n = await count(table, demo);
      expect(n, table).toBeGreaterThan(0);
      expect(rowsOf(sheet), sheet).toBe(n);
    }
    expect(rowsOf("Endringslogg")).toBeGreaterThan(0);
    // Nothing of Nabo kommune's.
    expect(book.worksheets.map((w) => JSON.stringify(w.getSheetValues())).join()).not.toContain("Nabo skole");
  });

  it("gives the uploaded evidence files in a ZIP file, at the paths the workbook names", async () => {
    const round = await server.services.db
      .selectFrom("assessment_round")
      .select(["id", "title"])
      .where("owner_id", "=", demo)
      .orderBy("created_at")
      .executeTakeFirstOrThrow();
    const user = await userIdOf(server, "leder@demo.oppvern.no");
    const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);
    // Two files of the same name for one question, and one for another part.
    const key = { roundId: round.id, scope: eik, questionId: "q-rutiner", userId: user };
    await storeEvidence(server.services.db, key, {
      mime: "application/pdf",
      bytes: pdf("først"),
      filename: "Rutine.pdf",
    });
    await storeEvidence(server.services.db, key, {
      mime: "application/pdf",
      bytes: pdf("så"),
      filename: "Rutine.pdf",
    });
    await storeEvidence(
      server.services.db,
      { ...key, scope: "eier", questionId: "q-ledelse" },
      { mime: "application/pdf", bytes: pdf("eier"), filename: "Styring: plan?.pdf" },
    );
    expect(textOf((await koordinator.page(`/eiere/${demo}`)).html)).toContain(
      "Last ned dokumentasjonsfilene (ZIP)",
    );
    const response = await koordinator.get(`/eiere/${demo}/eksport/filer`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toContain("dokumentasjon-demo-kommune.zip");
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const decoded = Object.fromEntries(
      Object.entries(files).map(([path, bytes]) => [path, new TextDecoder().decode(bytes)]),
    );
    // Uploaded in the same millisecond, either may come first; both are kept.
    const twins = [`q-rutiner-Rutine.pdf`, `q-rutiner-Rutine (2).pdf`].map(
      (name) => decoded[`${round.title}/${eik}/${name}`] ?? "",
    );
    expect(twins.map((t) => t.match(/% (\S+)/)?.[1]).sort()).toEqual(["først", "så"]);
    expect(decoded[`${round.title}/eier/q-ledelse-Styring- plan-.pdf`]).toContain("eier");
    // The workbook's sheet of files says where each one lies in the ZIP.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await koordinator.get(`/eiere/${demo}/eksport`)).arrayBuffer());
    const listed = JSON.stringify(book.getWorksheet("Dokumentasjon (filer)")?.getSheetValues());
    for (const path of Object.keys(files)) expect(listed).toContain(JSON.stringify(path).slice(1, -1));
    // Others get 404, and Nabo's koordinator gets nothing of Demo's.
    for (const email of [
      "personvernombud@demo.oppvern.no",
      "koordinator@nabo.oppvern.no",
      "admin@demo.oppvern.no",
    ]) {
      const other = new TestClient(server.url);
      await other.login(email);
      expect((await other.get(`/eiere/${demo}/eksport/filer`)).status, email).toBe(404);
    }
    const naboFiles = new TestClient(server.url);
    await naboFiles.login("koordinator@nabo.oppvern.no");
    const own = await naboFiles.get(`/eiere/${nabo}/eksport/filer`);
    expect(own.status).toBe(200);
    const naboNames = Object.keys(unzipSync(new Uint8Array(await own.arrayBuffer())));
    expect(naboNames.some((n) => n.includes("Rutine"))).toBe(false);
  });

  it("lets nobody but the owner's koordinator take the data out or delete it", async () => {
    for (const email of [
      "personvernombud@demo.oppvern.no",
      "leder@demo.oppvern.no",
      "koordinator@nabo.oppvern.no",
    ]) {
      const other = new TestClient(server.url);
      await other.login(email);
      for (const path of [`/eiere/${demo}/eksport`, `/eiere/${demo}/slett`])
        expect((await other.get(path)).status, `${email} ${path}`).toBe(404);
      expect((await other.post(`/eiere/${demo}/slett`, { navn: "Demo kommune" })).status, email).toBe(404);
    }
    expect(await count("risk_assessment", demo)).toBeGreaterThan(0);
  });

  it("refuses a name that is not the owner's, says what to fix, and keeps what was typed", async () => {
    const response = await koordinator.post(`/eiere/${demo}/slett`, { navn: "Demo komune" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(textOf(html)).toContain("Navnet er ikke likt navnet på eieren");
    expect(html).toContain('value="Demo komune"');
    expect(await count("risk_assessment", demo)).toBeGreaterThan(0);
  });

  it("deletes the owner with its units, roles, registers and log, and leaves the people and other owners", async () => {
    const naboBefore = await count("incident", nabo);
    const naboUnits = () =>
      server.services.db
        .selectFrom("organisation")
        .select("id")
        .where("parent_id", "=", nabo)
        .orderBy("id")
        .execute();
    const naboUnitsBefore = await naboUnits();
    const kari = await userIdOf(server, "koordinator@demo.oppvern.no");
    const response = await koordinator.post(`/eiere/${demo}/slett`, { navn: " demo kommune " });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/?eierSlettet=1");
    const { db } = server.services;
    for (const id of [demo, eik])
      expect(
        await db.selectFrom("organisation").select("id").where("id", "=", id).executeTakeFirst(),
      ).toBeUndefined();
    for (const table of ["risk_assessment", "incident", "plan_measure", "digital_service"] as const)
      expect(await count(table, demo), table).toBe(0);
    expect(
      await db.selectFrom("audit_log").select("id").where("tenant_id", "in", [demo, eik]).execute(),
    ).toEqual([]);
    const record = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity", "=", "eier")
      .where("entity_id", "=", demo)
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({ action: "delete", actor_user_id: kari, tenant_id: null });
    // The people keep their accounts; Nabo kommune keeps everything.
    expect(await db.selectFrom("user").select("id").where("id", "=", kari).executeTakeFirst()).toBeDefined();
    expect(await count("incident", nabo)).toBe(naboBefore);
    expect(await naboUnits()).toEqual(naboUnitsBefore);
    expect(naboUnitsBefore.length).toBeGreaterThan(0);
    const home = textOf((await koordinator.page("/?eierSlettet=1")).html);
    expect(home).toContain("Eieren og alle dataene er slettet.");
    expect((await koordinator.get(`/eiere/${demo}`)).status).toBe(404);
  });
});

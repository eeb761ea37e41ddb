import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
  userIdOf,
} from "../../../tests/support/test-server.ts";

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

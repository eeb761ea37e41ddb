import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
} from "../../../tests/support/test-server.ts";
import { guideSteps, reviewState, serviceWarnings } from "./guide.ts";

/** The service form as the browser sends it; `extra` replaces fields (a list repeats a name). */
function serviceForm(extra: [string, string][] = []): [string, string][] {
  const base: [string, string][] = [
    ["navn", "Skriveverkstedet"],
    ["leverandor", "Måkeskjær Programvare AS"],
    ["formal", ""],
    ["omfang", "alle"],
    ["opplysninger", ""],
    ["databehandler", "usikker"],
    ["dba", "mangler"],
    ["dbaSignert", ""],
    ["dbaGjennomgang", ""],
    ["overforing", "usikker"],
    ["overforingNotat", ""],
    ["rosDato", ""],
    ["rosNotat", ""],
    ["dpia", "ikke-vurdert"],
    ["status", "vurderes"],
    ["begrunnelse", ""],
    ["version", "0"],
  ];
  const replaced = new Set(extra.map(([k]) => k));
  return [...base.filter(([k]) => !replaced.has(k)), ...extra];
}

const versionOf = (html: string) => html.match(/name="version" value="(\d+)"/)?.[1] ?? "";
const idFrom = (location: string | null) => (location ?? "").split("/")[2]?.split(/[?#]/)[0] ?? "";

describe("the guide 'Kan vi ta i bruk tjenesten?'", () => {
  it("marks each step done when its fields are filled, and says what is missing otherwise", () => {
    const fresh = guideSteps({
      status: "vurderes",
      databehandler: "usikker",
      dba: "mangler",
      dpia: "ikke-vurdert",
    });
    expect(fresh.map((s) => s.done)).toEqual([false, false, false, false, false]);
    expect(fresh[0]?.missing.map((m) => m.field)).toEqual(["formal", "opplysninger", "databehandler"]);
    const ready = guideSteps({
      formal: "Skriving",
      opplysninger: "Navn",
      databehandler: "ja",
      rosDato: "2026-10-01",
      dpia: "ikke-nodvendig",
      dba: "signert",
      status: "i-bruk",
      begrunnelse: "Vedtatt.",
    });
    expect(ready.every((s) => s.done)).toBe(true);
    expect(guideSteps({ status: "avvist" })[4]?.missing.map((m) => m.field)).toEqual(["begrunnelse"]);
  });

  it("warns, but does not refuse, a service in use without a signed agreement or with its review passed", () => {
    const inUse = { status: "i-bruk", databehandler: "ja", dba: "under-arbeid", dbaGjennomgang: "" };
    expect(serviceWarnings(inUse, "2026-12-04")).toContain("systems.warning.inUseWithoutDpa");
    expect(reviewState(inUse, "2026-12-04")).toBe("missing");
    expect(reviewState({ ...inUse, dba: "signert", dbaGjennomgang: "2026-11-01" }, "2026-12-04")).toBe(
      "passed",
    );
    expect(reviewState({ ...inUse, databehandler: "nei" }, "2026-12-04")).toBeNull();
  });
});

describe.each(dialects)("the register of systems and suppliers on %s", (dialect) => {
  let server: TestServer;
  let koordinator: TestClient;
  let personvernombud: TestClient;
  let leder: TestClient;
  let ansatt: TestClient;
  let nabo: TestClient;
  let serviceId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    personvernombud = new TestClient(server.url);
    await personvernombud.login("personvernombud@demo.oppvern.no");
    leder = new TestClient(server.url);
    await leder.login("leder@demo.oppvern.no");
    ansatt = new TestClient(server.url);
    await ansatt.login("ansatt@demo.oppvern.no");
    nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
  });
  afterAll(() => server.close());

  it("lists Demo kommune's services with a summary and marks the agreements to look at", async () => {
    const { html } = await koordinator.page("/systemer");
    const text = textOf(html);
    expect(text).toContain("Systemer og leverandører");
    expect(text).toContain("4 tjenester er i bruk.");
    expect(text).toContain("1 tjeneste i bruk mangler databehandleravtale.");
    expect(text).toContain("2 avtaler har passert datoen for gjennomgang");
    expect(text).toMatch(
      /Elevfokus skoleadministrativt system\s+Demodata Skole AS\s+I bruk\s+Signert\s+[^(]+\(passert\)/,
    );
    expect(text).toMatch(/Krokus barnehageapp\s+Demoapp Barnehage AS\s+I bruk\s+Under arbeid\s+Mangler dato/);
    expect(text).toMatch(/Quizkameraten\s+Demoquiz AS\s+Vurderes\s+Mangler\s+–\s+Ikke gjort/);
    expect(html).toContain('href="/systemer/ny"');
    // Only those to follow up: the one without an agreement and the one past its review.
    const followUp = textOf((await koordinator.page("/systemer?vis=oppfolging")).html);
    expect(followUp).toContain("Krokus barnehageapp");
    expect(followUp).toContain("Elevfokus skoleadministrativt system");
    expect(followUp).not.toContain("Ordlaben digital ordbok");
    expect(followUp).toContain("4 tjenester er i bruk.");
    const assessed = textOf((await koordinator.page("/systemer?vis=vurderes")).html);
    expect(assessed).toContain("Quizkameraten");
    expect(assessed).not.toContain("Krokus barnehageapp");
    expect(textOf((await koordinator.page("/systemer?vis=avvist")).html)).toContain(
      "Ingen tjenester passer med valget.",
    );
    // Nabo kommune has a register of its own, empty.
    expect(textOf((await nabo.page("/systemer")).html)).toContain("Ingen tjenester er registrert ennå.");
  });

  it("refuses a signed agreement without its date and a review before signing, keeping what was typed", async () => {
    const response = await koordinator.post(
      "/systemer/ny",
      serviceForm([
        ["navn", "Skriveverkstedet"],
        ["formal", "Skriveopplæring på 3.–7. trinn"],
        ["dba", "signert"],
        ["dbaGjennomgang", "1.1.2020"],
        ["overforing", "ja"],
      ]),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain("En signert databehandleravtale trenger datoen den ble signert.");
    expect(text).toContain("Skriv hvilket grunnlag overføringen ut av EU/EØS har.");
    expect(html).toContain('value="Skriveverkstedet"');
    expect(text).toContain("Skriveopplæring på 3.–7. trinn");
    expect(html).toContain('value="2020-01-01"');

    const before = await koordinator.post(
      "/systemer/ny",
      serviceForm([
        ["dba", "signert"],
        ["dbaSignert", "2026-08-01"],
        ["dbaGjennomgang", "2026-07-01"],
      ]),
    );
    expect(before.status).toBe(400);
    expect(textOf(await before.text())).toContain("Neste gjennomgang kan ikke være før avtalen ble signert.");

    const noUnits = await koordinator.post("/systemer/ny", serviceForm([["omfang", "valgte"]]));
    expect(noUnits.status).toBe(400);
    expect(textOf(await noUnits.text())).toContain("Kryss av for minst én skole eller barnehage");
    const naboUnit = await organisationIdOf(server, "Nabo skole");
    const foreign = await koordinator.post(
      "/systemer/ny",
      serviceForm([
        ["omfang", "valgte"],
        ["enheter", naboUnit],
      ]),
    );
    expect(foreign.status).toBe(400);
    expect(textOf(await foreign.text())).toContain("Velg skoler og barnehager fra listen.");
  });

  it("saves a new service, and its guide says what is done and what is missing", async () => {
    const eik = await organisationIdOf(server, "Eik barneskole");
    const created = await koordinator.post(
      "/systemer/ny",
      serviceForm([
        ["formal", "Skriveopplæring på 3.–7. trinn"],
        ["omfang", "valgte"],
        ["enheter", eik],
        ["opplysninger", "Elevenes navn og tekster"],
        ["databehandler", "ja"],
        ["status", "i-bruk"],
      ]),
    );
    expect(created.status).toBe(303);
    const location = created.headers.get("location") ?? "";
    expect(location).toMatch(/^\/systemer\/[\w-]+\?lagret=1#lagret$/);
    serviceId = idFrom(location);
    const { html } = await koordinator.page(location);
    const text = textOf(html);
    expect(text).toContain("Tjenesten er lagret.");
    expect(text).toContain("Kan vi ta i bruk tjenesten?");
    expect(text).toContain("1 av 5 steg er gjort.");
    expect(text).toMatch(/Førstevurdering\s+\(gjort\)/);
    expect(text).toMatch(/Risikovurdering \(ROS\)\s+\(mangler noe\)/);
    expect(text).toContain("to eller flere av EDPBs ni kriterier");
    expect(html).toMatch(/href="\/dpia\/ny\?tjeneste=[\w-]+"/);
    expect(html).toMatch(/href="\/ros\/ny\?tjeneste=[\w-]+"/);
    expect(html).toContain('href="#f-rosDato"');
    expect(html).toContain('href="#f-begrunnelse"');
    // In use, processing personal data, no signed agreement: saved, with a warning.
    expect(text).toContain("databehandleravtalen er ikke signert");
    const eikBox = html.match(new RegExp(`<input[^>]*value="${eik}"[^>]*>`))?.[0] ?? "";
    expect(eikBox).toContain("checked");

    const saved = await koordinator.post(
      `/systemer/${serviceId}`,
      serviceForm([
        ["formal", "Skriveopplæring på 3.–7. trinn"],
        ["omfang", "alle"],
        ["opplysninger", "Elevenes navn og tekster"],
        ["databehandler", "ja"],
        ["dba", "signert"],
        ["dbaSignert", "2026-11-02"],
        ["dbaGjennomgang", "2027-11-02"],
        ["overforing", "nei"],
        ["rosDato", "2026-10-20"],
        ["dpia", "ikke-nodvendig"],
        ["status", "i-bruk"],
        ["begrunnelse", "Godkjent av oppvekstsjefen."],
        ["version", versionOf(html)],
      ]),
    );
    expect(saved.status).toBe(303);
    const after = textOf((await koordinator.page(`/systemer/${serviceId}`)).html);
    expect(after).toContain("5 av 5 steg er gjort.");
    expect(after).not.toContain("databehandleravtalen er ikke signert");
    expect(after).toMatch(
      /Kari Koordinator: endret hvem bruker den, skoler og barnehager som bruker tjenesten, databehandleravtale/,
    );
    expect(after).toMatch(/Kari Koordinator: registrerte tjenesten\./);
    const list = textOf((await koordinator.page("/systemer")).html);
    expect(list).toMatch(
      /Skriveverkstedet\s+Måkeskjær Programvare AS\s+I bruk\s+Signert\s+2\. november 2027/,
    );

    const audit = await server.services.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("entity", "=", "digital_service")
      .where("entity_id", "=", serviceId)
      // Changes only: opening the service's page is logged apart (decision 025).
      .where("read_key", "is", null)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["systems.create", "systems.update"]);
    const changed = JSON.parse(audit[1]?.details ?? "{}").changed;
    expect(changed).toEqual(
      expect.arrayContaining(["omfang", "enheter", "dba", "dbaSignert", "rosDato", "dpia", "begrunnelse"]),
    );
    expect(changed).not.toContain("navn");
  });

  it("refuses a stale save with 409, keeps what was typed and shows what the other person saved", async () => {
    const { html } = await koordinator.page(`/systemer/${serviceId}`);
    const version = versionOf(html);
    const first = await personvernombud.post(
      `/systemer/${serviceId}`,
      serviceForm([
        ["omfang", "alle"],
        ["dbaSignert", "2026-11-02"],
        ["dba", "signert"],
        ["rosNotat", "Personvernombudet: lav risiko."],
        ["version", version],
      ]),
    );
    expect(first.status).toBe(303);
    const stale = await koordinator.post(
      `/systemer/${serviceId}`,
      serviceForm([
        ["navn", "Skriveverkstedet fra en gammel side"],
        ["version", version],
      ]),
    );
    expect(stale.status).toBe(409);
    const refused = await stale.text();
    expect(textOf(refused)).toContain("Noen andre lagret tjenesten mens du skrev.");
    expect(refused).toContain('value="Skriveverkstedet fra en gammel side"');
    expect(textOf(refused)).toContain("Det Per Personvernombud lagret");
    expect(textOf(refused)).toContain("Personvernombudet: lav risiko.");
    // Saving again (with the version now shown) overwrites.
    const again = await koordinator.post(
      `/systemer/${serviceId}`,
      serviceForm([
        ["navn", "Skriveverkstedet fra en gammel side"],
        ["version", versionOf(refused)],
      ]),
    );
    expect(again.status).toBe(303);
  });

  it("lets a unit leader read but not change; staff and other owners get 404 and nothing changes", async () => {
    const page = await leder.page(`/systemer/${serviceId}`);
    expect(page.response.status).toBe(200);
    expect(page.html).not.toContain('name="navn"');
    expect(textOf(page.html)).toContain("Koordinatoren og personvernombudet endrer registeret.");
    expect(page.html).not.toContain('href="#f-');
    expect(textOf((await leder.page("/systemer")).html)).not.toContain("Ny tjeneste");
    expect((await leder.get("/systemer/ny")).status).toBe(404);
    expect((await leder.post("/systemer/ny", serviceForm())).status).toBe(404);
    expect((await leder.post(`/systemer/${serviceId}`, serviceForm([["version", "9"]]))).status).toBe(404);
    expect((await ansatt.get("/systemer")).status).toBe(404);
    expect((await ansatt.get(`/systemer/${serviceId}`)).status).toBe(404);

    const row = () =>
      server.services.db
        .selectFrom("digital_service")
        .selectAll()
        .where("id", "=", serviceId)
        .executeTakeFirst();
    const before = await row();
    expect((await nabo.get(`/systemer/${serviceId}`)).status).toBe(404);
    const { html } = await koordinator.page(`/systemer/${serviceId}`);
    const attempt = await nabo.post(
      `/systemer/${serviceId}`,
      serviceForm([
        ["navn", "Overtatt"],
        ["version", versionOf(html)],
      ]),
    );
    expect(attempt.status).toBe(404);
    expect(await row()).toEqual(before);
    const naboExport = await nabo.get("/systemer/eksport/xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await naboExport.arrayBuffer()) as never);
    expect(book.worksheets[0]?.rowCount).toBe(1);
  });

  it("exports the whole register to a spreadsheet that opens again with one row per service", async () => {
    const response = await leder.get("/systemer/eksport/xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    expect(response.headers.get("content-disposition")).toContain("systemer-demo-kommune.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe("Systemer og leverandører");
    const header = sheet?.getRow(1).values as unknown[];
    expect(header.slice(1, 4)).toEqual(["Navn på tjenesten", "Leverandør", "Hva brukes den til?"]);
    expect(sheet?.rowCount).toBe(7);
    const rows = Array.from({ length: 6 }, (_, i) =>
      ((sheet?.getRow(i + 2).values ?? []) as unknown[]).slice(1),
    );
    const krokus = rows.find((r) => r[0] === "Krokus barnehageapp");
    expect(krokus?.slice(1, 4)).toEqual([
      "Demoapp Barnehage AS",
      "Beskjeder, fravær og bilder fra hverdagen til foreldrene i barnehagen.",
      "Solsikken barnehage",
    ]);
    expect(krokus?.[6]).toBe("Under arbeid");
    expect(krokus?.[9]).toBe("Ja, med grunnlag");
    expect(krokus?.[13]).toBe("Nødvendig");
    expect(rows.find((r) => r[0] === "Ordlaben digital ordbok")?.[3]).toBe("Alle skolene og barnehagene");
    expect(rows.some((r) => r[0] === "Skriveverkstedet fra en gammel side")).toBe(true);
  });
});

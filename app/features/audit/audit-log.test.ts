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
import { DAY, dayInNorway, norwegianMidnight } from "../../lib/time.ts";
import { deleteOldReads } from "./audit-log.server.ts";
import { kindOf } from "./log-registers.ts";

/** The rows of the log's table, as text (the filter's list of people is not part of it). */
const tableOf = (html: string) => textOf(/<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "");

describe("the audit log's words and dates", () => {
  it("begins a Norwegian day at 23:00 UTC in winter and 22:00 UTC in summer", () => {
    expect(norwegianMidnight("2026-12-04")).toBe("2026-12-03T23:00:00.000Z");
    expect(norwegianMidnight("2026-07-01")).toBe("2026-06-30T22:00:00.000Z");
    // The day after the last of March (summer time begins on 29 March 2026).
    expect(norwegianMidnight("2026-03-31", 1)).toBe("2026-03-31T22:00:00.000Z");
  });

  it("says what kind of thing each action is", () => {
    expect(kindOf("read")).toBe("read");
    expect(kindOf("export")).toBe("export");
    expect(kindOf("processing.create")).toBe("create");
    expect(kindOf("incident.report")).toBe("create");
    expect(kindOf("systems.delete")).toBe("delete");
    expect(kindOf("revoke-role")).toBe("delete");
    expect(kindOf("dpia.update")).toBe("change");
  });
});

describe.each(dialects)("the audit log on %s", (dialect) => {
  let server: TestServer;
  let koordinator: TestClient;
  let personvernombud: TestClient;
  let leder: TestClient;
  let ansatt: TestClient;
  let admin: TestClient;
  let nabo: TestClient;
  let demo: string;
  let processing: { id: string; name: string };
  let incident: string;

  const reads = async (userId: string, entity: string, entityId: string | null, action = "read") =>
    (
      await server.services.db
        .selectFrom("audit_log")
        .select(["tenant_id", "details"])
        .where("actor_user_id", "=", userId)
        .where("action", "=", action)
        .where("entity", "=", entity)
        .where((e) => (entityId === null ? e("entity_id", "is", null) : e("entity_id", "=", entityId)))
        .execute()
    ).map((r) => ({ tenant: r.tenant_id, details: r.details }));

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    const login = async (email: string) => {
      const client = new TestClient(server.url);
      await client.login(email);
      return client;
    };
    [koordinator, personvernombud, leder, ansatt, admin, nabo] = await Promise.all(
      [
        "koordinator@demo.oppvern.no",
        "personvernombud@demo.oppvern.no",
        "leder@demo.oppvern.no",
        "ansatt@demo.oppvern.no",
        "admin@demo.oppvern.no",
        "koordinator@nabo.oppvern.no",
      ].map(login),
    );
    demo = await organisationIdOf(server, "Demo kommune");
    // The demo's record of processing is empty: the koordinator makes an entry from a template.
    expect((await koordinator.post("/behandlinger/maler", { mal: "fravaersforing" })).status).toBe(303);
    processing = await server.services.db
      .selectFrom("processing")
      .select(["id", "name"])
      .where("owner_id", "=", demo)
      .orderBy("name")
      .executeTakeFirstOrThrow();
    incident = (
      await server.services.db
        .selectFrom("incident")
        .select("id")
        .where("owner_id", "=", demo)
        .orderBy("id")
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => server.close());

  it("writes one read row when a leader opens an entry, and none when they open it again within the hour", async () => {
    const lederId = await userIdOf(server, "leder@demo.oppvern.no");
    const first = await leder.page(`/behandlinger/${processing.id}`);
    expect(first.response.status).toBe(200);
    expect(await reads(lederId, "processing", processing.id)).toEqual([{ tenant: demo, details: null }]);
    const again = await leder.page(`/behandlinger/${processing.id}`);
    expect(again.response.status).toBe(200);
    expect(await reads(lederId, "processing", processing.id)).toHaveLength(1);
    // The entry's own history lists changes only, not who opened it.
    expect(textOf(again.html)).not.toContain("Åpnet");
  });

  it("records an incident opened, an approved DPIA version and an export, once an hour each", async () => {
    const koordinatorId = await userIdOf(server, "koordinator@demo.oppvern.no");
    expect((await koordinator.page(`/avvik/${incident}`)).response.status).toBe(200);
    expect(await reads(koordinatorId, "incident", incident)).toHaveLength(1);
    for (let i = 0; i < 2; i++) {
      const file = await koordinator.get("/behandlinger/eksport/xlsx");
      expect(file.status).toBe(200);
      await file.arrayBuffer();
    }
    expect(await reads(koordinatorId, "processing", null, "export")).toEqual([
      { tenant: demo, details: JSON.stringify({ variant: "xlsx" }) },
    ]);
    const approved = await server.services.db
      .selectFrom("dpia_version")
      .select(["dpia_id", "number"])
      .where("owner_id", "=", demo)
      .executeTakeFirst();
    if (approved) {
      expect(
        (await koordinator.page(`/dpia/${approved.dpia_id}/versjon/${approved.number}`)).response.status,
      ).toBe(200);
      expect(await reads(koordinatorId, "dpia", approved.dpia_id)).toEqual([
        { tenant: demo, details: JSON.stringify({ variant: `versjon ${approved.number}` }) },
      ]);
    }
  });

  it("records opening one ROS risk and one measure of the plan, and shows them under their registers", async () => {
    const personvernombudId = await userIdOf(server, "personvernombud@demo.oppvern.no");
    const koordinatorId = await userIdOf(server, "koordinator@demo.oppvern.no");
    const created = await koordinator.post("/ros/ny", {
      intent: "vurdering",
      tittel: "Meldingsappen i barnehagen",
      omfang: "Appen foresatte får beskjeder gjennom.",
      behandling: "",
      deltakere: "Koordinator",
      vurdert: "2026-11-20",
      revisjon: "2027-11-20",
      status: "utkast",
    });
    expect(created.status).toBe(303);
    const assessmentId = (created.headers.get("location") ?? "").split("/")[2]?.split("?")[0] ?? "";
    expect(
      (
        await koordinator.post(`/ros/${assessmentId}`, {
          intent: "ny-risiko",
          trussel: "Bilder av barn sendes til feil foresatte",
          arsak: "Mottakerlisten settes opp for hånd.",
          eksisterende: "",
          sannsynlighet: "3",
          konsekvens: "4",
          tiltak: "",
          sannsynlighetEtter: "",
          konsekvensEtter: "",
        })
      ).status,
    ).toBe(303);
    const risk = await server.services.db
      .selectFrom("ros_risk")
      .select("id")
      .where("owner_id", "=", demo)
      .where("threat", "=", "Bilder av barn sendes til feil foresatte")
      .executeTakeFirstOrThrow();
    const measure = await server.services.db
      .selectFrom("plan_measure")
      .select(["id", "title"])
      .where("owner_id", "=", demo)
      .orderBy("title")
      .executeTakeFirstOrThrow();
    // The list pages are not logged; the assessment's own page is (as before).
    await personvernombud.page("/ros");
    await koordinator.page("/handlingsplan");
    expect(await reads(personvernombudId, "ros_risk", risk.id)).toEqual([]);
    const riskPage = await personvernombud.page(`/ros/${assessmentId}/risiko/${risk.id}`);
    expect(riskPage.response.status).toBe(200);
    await personvernombud.page(`/ros/${assessmentId}/risiko/${risk.id}`);
    expect(await reads(personvernombudId, "ros_risk", risk.id)).toEqual([{ tenant: demo, details: null }]);
    expect((await koordinator.page(`/handlingsplan/${measure.id}`)).response.status).toBe(200);
    expect(await reads(koordinatorId, "plan_measure", measure.id)).toEqual([{ tenant: demo, details: null }]);
    // Nabo's koordinator gets 404 for both, and no row is written for them.
    const naboId = await userIdOf(server, "koordinator@nabo.oppvern.no");
    expect((await nabo.get(`/ros/${assessmentId}/risiko/${risk.id}`)).status).toBe(404);
    expect((await nabo.get(`/handlingsplan/${measure.id}`)).status).toBe(404);
    expect(await reads(naboId, "ros_risk", risk.id)).toEqual([]);
    expect(await reads(naboId, "plan_measure", measure.id)).toEqual([]);

    const ros = await koordinator.page(`/logg?register=ros&person=${personvernombudId}`);
    expect(tableOf(ros.html)).toMatch(
      /Per Personvernombud\s+Åpnet\s+Risikovurderinger \(ROS\)\s+Bilder av barn sendes til feil foresatte/,
    );
    expect(ros.html).toContain(`href="/ros/${assessmentId}/risiko/${risk.id}"`);
    const plan = await koordinator.page(`/logg?register=handlingsplan&person=${koordinatorId}`);
    expect(tableOf(plan.html)).toMatch(
      new RegExp(`Kari Koordinator\\s+Åpnet\\s+Handlingsplan\\s+${escapeRegExp(measure.title)}`),
    );
    expect(plan.html).toContain(`href="/handlingsplan/${measure.id}"`);
  });

  it("shows the koordinator who opened what, with the reader's name and a link to the entry", async () => {
    await leder.page(`/behandlinger/${processing.id}`);
    const { response, html } = await koordinator.page("/logg");
    expect(response.status).toBe(200);
    const text = textOf(html);
    expect(text).toContain("Logg: hvem har sett og endret");
    const rows = tableOf(html);
    expect(rows).toMatch(
      new RegExp(`Lars Leder\\s+Åpnet\\s+Behandlinger\\s+${escapeRegExp(processing.name)}`),
    );
    expect(rows).toMatch(/Kari Koordinator\s+Lastet ned \(xlsx\)\s+Behandlinger\s+Hele registeret/);
    expect(html).toContain(`href="/behandlinger/${processing.id}"`);
    // The time in Norway, to the minute; the demo's set-up was done by Oppvern itself.
    expect(rows).toMatch(/^\s*\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}\s/);
    expect(rows).toContain("Oppvern selv");
    expect(rows).not.toContain("En slettet bruker");
    // The registers' menu links to the log for those who may read it, and not for a unit leader.
    expect((await koordinator.page("/behandlinger")).html).toContain('href="/logg"');
    expect((await personvernombud.page("/behandlinger")).html).toContain('href="/logg"');
    expect((await leder.page("/behandlinger")).html).not.toContain('href="/logg"');
  });

  it("filters by register, person and period with the plain form", async () => {
    const lederId = await userIdOf(server, "leder@demo.oppvern.no");
    const byPerson = tableOf((await koordinator.page(`/logg?person=${lederId}`)).html);
    expect(byPerson).toContain("Lars Leder");
    expect(byPerson).not.toContain("Kari Koordinator");
    const incidents = await koordinator.page("/logg?register=avvik");
    const incidentRows = tableOf(incidents.html);
    expect(incidentRows).toMatch(/Kari Koordinator\s+Åpnet\s+Avvik/);
    expect(incidentRows).not.toContain("Behandlinger");
    expect(incidents.html).toMatch(/<option value="avvik" selected="">/);
    // The log's period is in Norwegian days (after 23:00 UTC, the UTC date is yesterday there).
    const today = dayInNorway();
    const todays = tableOf((await koordinator.page(`/logg?fra=${today}&til=${today}`)).html);
    expect(todays).toContain("Lars Leder");
    expect(textOf((await koordinator.page("/logg?fra=2020-01-01&til=2020-01-31")).html)).toContain(
      "Ingenting i loggen passer med valget.",
    );
    // A date that does not exist is said, kept in the field, and the list shown without it.
    const wrong = await koordinator.page("/logg?fra=31.02.2026");
    expect(textOf(wrong.html)).toContain("Velg datoen i kalenderen, eller skriv den som dd.mm.åååå");
    expect(wrong.html).toContain('value="31.02.2026"');
    expect(tableOf(wrong.html)).toContain("Lars Leder");
    const backwards = textOf((await koordinator.page("/logg?fra=2026-12-04&til=2026-12-01")).html);
    expect(backwards).toContain("Til-datoen kan ikke være før fra-datoen.");
  });

  it("downloads the filtered log as a spreadsheet, and logs that it was taken out", async () => {
    const file = await koordinator.get("/logg/eksport?register=behandlinger");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toMatch(/logg.*\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Logg");
    const rows: string[][] = [];
    sheet?.eachRow((r) => {
      rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? "")));
    });
    expect(rows[0]).toEqual(["Når", "Hvem", "Hva", "Register", "Oppføring"]);
    const data = rows.slice(1);
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((r) => r[3] === "Behandlinger")).toBe(true);
    expect(data).toContainEqual([
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      "Lars Leder",
      "Åpnet",
      "Behandlinger",
      processing.name,
    ]);
    const log = tableOf((await koordinator.page("/logg?register=annet")).html);
    expect(log).toMatch(/Kari Koordinator\s+Lastet ned \(xlsx\)\s+Organisasjon og personer\s+Loggen/);
  });

  it("pages the log fifty rows at a time, newest first, keeping the filter", async () => {
    const lederId = await userIdOf(server, "leder@demo.oppvern.no");
    // Ten days ago, from 10:00 UTC: the hour is within the same day in Norway.
    const day = dayInNorway(Date.now() - 10 * DAY);
    const base = Date.parse(`${day}T10:00:00Z`);
    await server.services.db
      .insertInto("audit_log")
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          at: new Date(base + i * 60_000).toISOString(),
          actor_user_id: lederId,
          tenant_id: demo,
          action: "read",
          entity: "incident",
          entity_id: `gammel-${i}`,
          details: null,
          read_key: `test-paging-${i}`,
        })),
      )
      .execute();
    const query = `register=avvik&fra=${day}&til=${day}`;
    const first = await koordinator.page(`/logg?${query}`);
    expect((first.html.match(/<tr>/g) ?? []).length).toBe(51);
    expect(textOf(first.html)).toContain("Viser 1–50, de nyeste først");
    // A row of a deleted (here: never existing) entry says so, without a link.
    expect(tableOf(first.html)).toMatch(/Lars Leder\s+Åpnet\s+Avvik\s+Slettet/);
    const inHtml = query.replaceAll("&", "&amp;");
    expect(first.html).toContain(`href="/logg?${inHtml}&amp;side=2"`);
    const second = await koordinator.page(`/logg?${query}&side=2`);
    expect(textOf(second.html)).toContain("Viser 51–60, de nyeste først");
    expect((second.html.match(/<tr>/g) ?? []).length).toBe(11);
    expect(second.html).toContain(`href="/logg?${inHtml}"`);
  });

  it("never shows Demo kommune's log to Nabo kommune's koordinator, and refuses those without the right", async () => {
    const lederId = await userIdOf(server, "leder@demo.oppvern.no");
    const naboLog = await nabo.page("/logg");
    expect(naboLog.response.status).toBe(200);
    expect(textOf(naboLog.html)).toContain("Nabo kommune");
    const rows = tableOf(naboLog.html);
    expect(rows).not.toContain("Lars Leder");
    expect(rows).not.toContain("Kari Koordinator");
    expect(naboLog.html).not.toContain(processing.id);
    // Asking for Demo's leader by id finds nothing of theirs.
    expect(tableOf((await nabo.page(`/logg?person=${lederId}`)).html)).toBe("");
    for (const client of [leder, ansatt, admin]) expect((await client.get("/logg")).status).toBe(404);
  });

  it("keeps a year of reads: the job deletes older read rows, never changes", async () => {
    const lederId = await userIdOf(server, "leder@demo.oppvern.no");
    const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
    const row = (at: string, action: string, key: string | null) => ({
      at,
      actor_user_id: lederId,
      tenant_id: demo,
      action,
      entity: "processing",
      entity_id: `retention-${action}-${at}`,
      details: null,
      read_key: key,
    });
    await server.services.db
      .insertInto("audit_log")
      .values([
        row(ago(400), "read", "retention-old-read"),
        row(ago(400), "export", "retention-old-export"),
        row(ago(400), "processing.update", null),
        row(ago(30), "read", "retention-new-read"),
      ])
      .execute();
    expect(await deleteOldReads(server.services.db)).toBe(2);
    const left = await server.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "like", "retention-%")
      .orderBy("action")
      .execute();
    expect(left.map((r) => r.action)).toEqual(["processing.update", "read"]);
  });

  it("puts the log's reads in the owner's full export", async () => {
    const file = await koordinator.get(`/eiere/${demo}/eksport`);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const log = workbook.getWorksheet("Endringslogg");
    const actions = new Set<string>();
    const header = (log?.getRow(1).values as unknown[]) ?? [];
    const column = header.indexOf("action");
    log?.eachRow((r, n) => {
      if (n > 1) actions.add(String(r.getCell(column).value));
    });
    expect(actions).toContain("read");
    expect(actions).toContain("export");
  });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

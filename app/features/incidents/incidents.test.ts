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
import { dayInNorway, HOUR } from "../../lib/time.ts";
import { noticeClock } from "./clock.ts";
import { reportIncident, saveHandling, sendNoticeReminders } from "./incidents.server.ts";

describe("the 72-hour clock", () => {
  const reported = "2026-12-01T10:00:00.000Z";
  const at = (hours: number) => Date.parse(reported) + hours * HOUR;

  it("runs from the report and counts whole hours left", () => {
    expect(noticeClock({ reported_at: reported, risk: null, notified_on: null }, at(1.5))).toEqual({
      state: "running",
      deadline: "2026-12-04T10:00:00.000Z",
      hoursLeft: 70,
    });
    expect(noticeClock({ reported_at: reported, risk: "hoy", notified_on: null }, at(71.9))).toMatchObject({
      state: "running",
      hoursLeft: 0,
    });
  });

  it("says the deadline has passed after 72 hours without a notice", () => {
    expect(noticeClock({ reported_at: reported, risk: "risiko", notified_on: null }, at(75))).toEqual({
      state: "overdue",
      deadline: "2026-12-04T10:00:00.000Z",
      hoursOver: 3,
    });
  });

  it("stops when Datatilsynet is notified, or when there is judged to be no risk", () => {
    expect(
      noticeClock({ reported_at: reported, risk: "risiko", notified_on: "2026-12-02" }, at(100)),
    ).toEqual({ state: "notified", on: "2026-12-02" });
    expect(noticeClock({ reported_at: reported, risk: "ingen", notified_on: null }, at(100))).toEqual({
      state: "not-required",
    });
  });
});

/** A staff member's report; `extra` replaces fields. */
function report(extra: Record<string, string> = {}): [string, string][] {
  const base: Record<string, string> = {
    hva: "Jeg sendte en e-post med karakterene til 9B til foreldrene i 9A.",
    enhet: "",
    dato: "",
    antall: "mange",
    sensitive: "nei",
    gjort: "Ba dem slette e-posten.",
    ...extra,
  };
  return [...Object.entries(base), ["registrerte", "elever"], ["registrerte", "foresatte"]];
}

/** The koordinator's handling form; `extra` replaces fields. */
function handling(version: number, extra: Record<string, string> = {}, kinds = ["konfidensialitet"]) {
  const base: Record<string, string> = {
    status: "behandles",
    risiko: "",
    vurdering: "",
    meldt: "",
    referanse: "",
    ikkeMeldtGrunn: "",
    informert: "",
    informertNotat: "",
    tiltak: "",
    version: String(version),
    ...extra,
  };
  return [...Object.entries(base), ...kinds.map((k) => ["brudd", k] as [string, string])];
}

/**
 * An incident of Nabo kommune reported by its koordinator, as if it had come in at `at` (the
 * benchmark-free way to put incidents at known times).
 */
async function nabosIncident(server: TestServer, what: string, at: number) {
  const { id } = await reportIncident(server.services.db, {
    ownerId: await organisationIdOf(server, "Nabo kommune"),
    unitId: null,
    userId: await userIdOf(server, "koordinator@nabo.oppvern.no"),
    report: { hva: what, enhet: "", dato: "", registrerte: [], antall: "en", sensitive: "nei", gjort: "" },
  });
  await server.services.db
    .updateTable("incident")
    .set({ reported_at: new Date(at).toISOString() })
    .where("id", "=", id)
    .execute();
  return id;
}

const versionOf = (html: string) => Number(html.match(/name="version" value="(\d+)"/)?.[1]);

describe.each(dialects)("incidents on %s", (dialect) => {
  let server: TestServer;
  let ansatt: TestClient;
  let leder: TestClient;
  let koordinator: TestClient;
  let ombud: TestClient;
  let nabo: TestClient;
  let eik: string;
  let incident: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    ansatt = new TestClient(server.url);
    await ansatt.login("ansatt@demo.oppvern.no");
    leder = new TestClient(server.url);
    await leder.login("leder@demo.oppvern.no");
    koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    ombud = new TestClient(server.url);
    await ombud.login("personvernombud@demo.oppvern.no");
    nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
    eik = await organisationIdOf(server, "Eik barneskole");
  });
  afterAll(() => server.close());

  it("lets a staff member report in one form, with their own unit chosen, and tells the koordinator by e-mail", async () => {
    const form = (await ansatt.page("/avvik/ny")).html;
    expect(form).toMatch(new RegExp(`<option value="${eik}" selected`));
    const sent = await ansatt.post("/avvik/ny", report({ enhet: eik }));
    expect(sent.status).toBe(303);
    const location = sent.headers.get("location") ?? "";
    expect(location).toMatch(/^\/avvik\/[\w-]+\?meldt=1#lagret$/);
    incident = location.split("/")[2]?.split("?")[0] ?? "";
    const receipt = textOf((await ansatt.page(location)).html);
    expect(receipt).toContain("Meldingen er sendt");
    expect(receipt).toContain("karakterene til 9B");
    expect(receipt).toContain("Eik barneskole");
    expect(receipt).toMatch(/7[12] timer igjen av fristen/);
    // The koordinator and the personvernombud are told; the e-mail links to the report and holds none of it.
    const mail = await server.services.db
      .selectFrom("outbox")
      .select(["to_address", "subject", "text_body"])
      .where("subject", "like", "Nytt avvik%")
      .execute();
    // The koordinator, who handles it; the personvernombud and the school's leader, who may read it.
    expect(mail.map((m) => m.to_address).sort()).toEqual([
      "koordinator@demo.oppvern.no",
      "leder@demo.oppvern.no",
      "personvernombud@demo.oppvern.no",
    ]);
    for (const m of mail) {
      expect(m.text_body).toContain(`/avvik/${incident}`);
      expect(m.text_body).not.toContain("karakter");
    }
    const toKoordinator = mail.find((m) => m.to_address === "koordinator@demo.oppvern.no")?.text_body ?? "";
    expect(toKoordinator).toContain("vurder den her");
    expect(toKoordinator).toMatch(/senest \d+\. desember 2026 kl\. \d\d:\d\d/);
    expect(mail.find((m) => m.to_address === "leder@demo.oppvern.no")?.text_body).toContain(
      "Koordinatoren behandler det",
    );
  });

  it("refuses a report without a description, says what to fix, and keeps what was typed", async () => {
    const response = await ansatt.post(
      "/avvik/ny",
      report({ hva: "  ", gjort: "Slettet mappa", dato: "31.12.2999" }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain("Skriv kort hva som har skjedd.");
    expect(text).toContain("Datoen kan ikke være fram i tid.");
    expect(html).toContain("Slettet mappa");
    // The date typed the Norwegian way comes back in the form a date field can show.
    expect(html).toContain('value="2999-12-31"');
    expect(html).toContain('checked="" value="foresatte"');
    expect(html).toContain('checked="" value="mange"');
  });

  it("refuses a day that does not exist and a day after today", async () => {
    const impossible = await ansatt.post("/avvik/ny", report({ dato: "31.02.2026" }));
    expect(impossible.status).toBe(400);
    expect(textOf(await impossible.text())).toContain(
      "Velg datoen i kalenderen, eller skriv den som dd.mm.åååå",
    );
    const tomorrow = dayInNorway(Date.now() + 36 * HOUR);
    const future = await ansatt.post("/avvik/ny", report({ dato: tomorrow }));
    expect(future.status).toBe(400);
    expect(textOf(await future.text())).toContain("Datoen kan ikke være fram i tid.");
  });

  it("accepts a date typed the Norwegian way", async () => {
    const response = await ansatt.post(
      "/avvik/ny",
      report({ dato: "2.12.2026", hva: "En minnepenn ble borte." }),
    );
    expect(response.status).toBe(303);
    const page = textOf((await ansatt.page(response.headers.get("location") ?? "")).html);
    expect(page).toContain("2. desember 2026");
  });

  it("shows the whole log to the koordinator and the personvernombud, and each person only what is theirs", async () => {
    const log = textOf((await koordinator.page("/avvik")).html);
    expect(log).toContain("Avviksloggen");
    expect(log).toContain("karakterene til 9B");
    expect(log).toContain("Referatet fra foreldremøtet"); // the demo's closed one
    expect(textOf((await ombud.page("/avvik")).html)).toContain("karakterene til 9B");
    // The leader of Eik sees the unit's incidents; the staff member sees their own, not the leader's.
    expect(textOf((await leder.page("/avvik")).html)).toContain("karakterene til 9B");
    const mine = textOf((await ansatt.page("/avvik")).html);
    expect(mine).toContain("karakterene til 9B");
    expect(mine).not.toContain("Referatet fra foreldremøtet");
    expect((await ansatt.get("/avvik/eksport/xlsx")).status).toBe(404);
  });

  it("opens from the e-mail's link for a personvernombud who is working in the other kommune just now", async () => {
    const nabo = await organisationIdOf(server, "Nabo kommune");
    const switched = await ombud.post("/bytt-organisasjon", { organisationId: nabo });
    expect(switched.status).toBe(303);
    expect(textOf((await ombud.page("/avvik")).html)).not.toContain("karakterene til 9B");
    const page = await ombud.page(`/avvik/${incident}`);
    expect(page.response.status).toBe(200);
    expect(textOf(page.html)).toContain("karakterene til 9B");
    await ombud.post("/bytt-organisasjon", {
      organisationId: await organisationIdOf(server, "Demo kommune"),
    });
  });

  it("keeps every incident inside its owner: another owner's koordinator gets 404 and changes nothing", async () => {
    expect((await nabo.get(`/avvik/${incident}`)).status).toBe(404);
    const naboLog = textOf((await nabo.page("/avvik")).html);
    expect(naboLog).not.toContain("karakterene til 9B");
    const attempt = await nabo.post(`/avvik/${incident}`, handling(1, { status: "lukket" }));
    expect(attempt.status).toBe(404);
    // Staff may read their own report but not handle it.
    expect((await ansatt.post(`/avvik/${incident}`, handling(1))).status).toBe(404);
    const row = await server.services.db
      .selectFrom("incident")
      .select(["status", "version"])
      .where("id", "=", incident)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "ny", version: 1 });
  });

  it("will not close an incident until the log says what the law asks, and keeps what was typed", async () => {
    const version = versionOf((await koordinator.page(`/avvik/${incident}`)).html);
    const refused = await koordinator.post(
      `/avvik/${incident}`,
      handling(version, { status: "lukket", risiko: "hoy", vurdering: "Karakterer til feil foreldre." }),
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    const text = textOf(html);
    expect(text).toContain("Skriv datoen dere meldte avviket til Datatilsynet");
    expect(text).toContain("Ved høy risiko: svar på om dere har gitt beskjed");
    expect(text).toContain("Skriv hvilke tiltak som er gjort");
    expect(html).toContain("Karakterer til feil foreldre.");
    expect(html).toContain('checked="" value="hoy"');
  });

  it("saves the handling step by step, stops the clock once notified, and closes it", async () => {
    let version = versionOf((await koordinator.page(`/avvik/${incident}`)).html);
    const first = await koordinator.post(`/avvik/${incident}`, handling(version, { risiko: "risiko" }));
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/avvik/${incident}?lagret=1#lagret`);
    const page = await koordinator.page(`/avvik/${incident}`);
    expect(textOf(page.html)).toMatch(/timer igjen av fristen/);
    version = versionOf(page.html);
    const closed = await koordinator.post(
      `/avvik/${incident}`,
      handling(version, {
        status: "lukket",
        risiko: "risiko",
        vurdering: "30 foreldre fikk se karakterene til en annen klasse.",
        meldt: "2026-12-02",
        referanse: "ALTINN-123",
        tiltak:
          "Foreldrene har bekreftet sletting. E-post til foreldre sendes nå fra lister i skolens system.",
      }),
    );
    expect(closed.status).toBe(303);
    const after = textOf((await koordinator.page(`/avvik/${incident}`)).html);
    expect(after).toContain("Meldt 2. desember 2026");
    expect(after).toContain("Lukket");
    // The reporter sees where it stands.
    const theirs = textOf((await ansatt.page(`/avvik/${incident}`)).html);
    expect(theirs).toContain("Lukket");
    expect(theirs).toContain("Meldt 2. desember 2026");
    expect(theirs).toContain("30 foreldre fikk se karakterene");
    expect(theirs).not.toContain('name="vurdering"');
    const audit = await server.services.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("entity_id", "=", incident)
      .orderBy("at")
      .execute();
    // The changes, and apart from them who opened the incident (decision 025).
    const changes = audit.filter((a) => a.action !== "read");
    expect(changes.map((a) => a.action)).toEqual(["incident.report", "incident.update", "incident.update"]);
    expect(audit.filter((a) => a.action === "read").length).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(changes[2]?.details ?? "{}").changed).toContain("meldt");
  });

  it("does not let a save from an old page overwrite a newer one, and shows what the other saved", async () => {
    const stale = await koordinator.post(`/avvik/${incident}`, handling(1, { vurdering: "Gammel side" }));
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(textOf(html)).toContain("Noen andre lagret avviket mens du skrev");
    expect(html).toContain("Gammel side");
    expect(textOf(html)).toContain("Dette har den andre lagret");
    expect(textOf(html)).toContain("30 foreldre fikk se karakterene");
    const row = await server.services.db
      .selectFrom("incident")
      .select("assessment")
      .where("id", "=", incident)
      .executeTakeFirstOrThrow();
    expect(row.assessment).toContain("30 foreldre");
  });

  it("exports the log as a spreadsheet that opens with one row per incident", async () => {
    const response = await koordinator.get("/avvik/eksport/xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("avvikslogg-demo-kommune.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe("Avvik");
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    const header = rows[0]?.map(String) ?? [];
    expect(header).toContain("Hva har skjedd?");
    expect(header).toContain("Dato meldt til Datatilsynet");
    const ours = rows.find((r) => r.some((c) => String(c).includes("karakterene til 9B")));
    expect(ours?.map(String)).toContain("ALTINN-123");
    expect(rows.length).toBe(1 + 4); // header, the two of the demo and the two reported above
  });
  it("tells the koordinator on the overview how many are open and how many are past the deadline", async () => {
    // The demo's open incident, as if it had come in four days ago.
    await server.services.db
      .updateTable("incident")
      .set({ reported_at: new Date(Date.now() - 4 * 24 * HOUR).toISOString() })
      .where("what_happened", "like", "En liste med navn og allergier%")
      .execute();
    const home = textOf((await koordinator.page("/")).html);
    expect(home).toContain("2 avvik er ikke lukket ennå.");
    expect(home).toContain("Av dem har 1 passert fristen på 72 timer");
    const log = textOf((await koordinator.page("/avvik")).html);
    expect(log).toMatch(/Fristen gikk ut for (24|25) timer siden/);
    // Closing one notified after the 72 hours asks why it was late.
    const late = await server.services.db
      .selectFrom("incident")
      .select(["id", "version"])
      .where("what_happened", "like", "En liste med navn og allergier%")
      .executeTakeFirstOrThrow();
    const closing = {
      status: "lukket",
      risiko: "risiko",
      vurdering: "Allergier er helseopplysninger.",
      // Today in Norway (after 23:00 UTC, the UTC date is yesterday there).
      meldt: dayInNorway(),
      tiltak: "Lister med helseopplysninger henges ikke opp.",
    };
    const refused = await koordinator.post(`/avvik/${late.id}`, handling(late.version, closing));
    expect(refused.status).toBe(400);
    expect(textOf(await refused.text())).toContain("Dere meldte etter fristen på 72 timer: skriv hvorfor");
    const closed = await koordinator.post(
      `/avvik/${late.id}`,
      handling(late.version, { ...closing, senGrunn: "Koordinatoren var på kurs." }),
    );
    expect(closed.status).toBe(303);
    // Staff are offered the form, not the count.
    const staff = await ansatt.page("/");
    expect(staff.html).toContain('href="/avvik/ny"');
    expect(textOf(staff.html)).not.toContain("er ikke lukket");
  });
});

describe.each(dialects)("the incident log in pages on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
  });
  afterAll(() => server.close());

  it("shows the newest 50 first and the rest on the next page", async () => {
    // A minute apart, so that the order is certain.
    for (let i = 1; i <= 53; i++)
      await nabosIncident(server, `Avvik nummer ${i}.`, Date.UTC(2026, 11, 1, 8, i));
    const nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
    const first = textOf((await nabo.page("/avvik")).html);
    expect(first).toContain("Avvik nummer 53.");
    expect(first).toContain("Avvik nummer 4.");
    expect(first).not.toContain("Avvik nummer 3.");
    expect(first).toContain("Viser avvik 1–50");
    expect(first).toContain("Eldre avvik");
    const second = textOf((await nabo.page("/avvik?side=2")).html);
    expect(second).toContain("Avvik nummer 3.");
    expect(second).toContain("Avvik nummer 1.");
    expect(second).not.toContain("Avvik nummer 4.");
    expect(second).toContain("Viser avvik 51–53");
    expect(second).toContain("Nyere avvik");
    expect(second).not.toContain("Eldre avvik");
  });
});

describe.each(dialects)("the reminder before the 72 hours run out, on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
  });
  afterAll(() => server.close());

  it("reminds the koordinator once, only of incidents within a day of the deadline and still open", async () => {
    const db = server.services.db;
    const ownerId = await organisationIdOf(server, "Nabo kommune");
    const userId = await userIdOf(server, "koordinator@nabo.oppvern.no");
    const now = Date.now();
    const report = (what: string, hoursAgo: number) => nabosIncident(server, what, now - hoursAgo * HOUR);
    const due = await report("Fristen nærmer seg.", 50);
    await report("Nettopp meldt.", 10);
    await report("For gammel til å minne om.", 80);
    const noRisk = await report("Vurdert uten risiko.", 60);
    await saveHandling(db, {
      ownerId,
      id: noRisk,
      userId,
      values: {
        status: "behandles",
        brudd: [],
        risiko: "ingen",
        vurdering: "",
        meldt: "",
        referanse: "",
        ikkeMeldtGrunn: "",
        senGrunn: "",
        informert: "",
        informertNotat: "",
        tiltak: "",
        version: 1,
      },
    });
    const reminders = () =>
      db
        .selectFrom("outbox")
        .select(["to_address", "subject", "text_body"])
        .where("subject", "like", "Fristen for et avvik%")
        .execute();
    expect(await sendNoticeReminders(db, server.services.mailer, { publicUrl: "http://x", now })).toBe(1);
    const sent = await reminders();
    expect(sent.map((m) => m.to_address)).toEqual(["koordinator@nabo.oppvern.no"]);
    expect(sent[0]?.subject).toContain("Nabo kommune");
    expect(sent[0]?.text_body).toContain(`/avvik/${due}`);
    expect(sent[0]?.text_body).toMatch(/går ut \d+\. \w+ \d{4} kl\. \d\d:\d\d/);
    // The next run (an hour later, or another instance) sends nothing more.
    expect(
      await sendNoticeReminders(db, server.services.mailer, { publicUrl: "http://x", now: now + HOUR }),
    ).toBe(0);
    expect(await reminders()).toHaveLength(1);
  });
});

import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import { chosenWithProposals } from "../../../tests/support/plan-measures.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
  userIdOf,
} from "../../../tests/support/test-server.ts";
import { DAY, dayInNorway } from "../../lib/time.ts";
import { findQuestion, getBank } from "../assessment/bank.server.ts";
import { seedDemoAssessments } from "../demo/seed-assessments.server.ts";
import { createMeasure, sendMeasureReminders } from "./plan.server.ts";
import { priority } from "./priority.ts";
import { proposalText } from "./proposal-text.ts";
import type { MeasureValues } from "./schemas.ts";

describe("priority", () => {
  it("is weight × gap × consequence ÷ effort, so the important, distant and quick come first", () => {
    expect(priority({ weight: 3, gap: 4, consequence: 3, effort: "liten" })).toBe(36);
    expect(priority({ weight: 2, gap: 2, consequence: 2, effort: "middels" })).toBe(4);
    expect(priority({ weight: 1, gap: 1, consequence: 1, effort: "stor" })).toBe(0.3);
  });
});

/** The measure form as the browser sends it; `extra` replaces fields. */
function measureForm(extra: Record<string, string> = {}): Record<string, string> {
  return {
    tittel: "Lag en DPIA for læringsplattformen",
    beskrivelse: "",
    ansvarlig: "",
    frist: "",
    status: "ikke-startet",
    fremdrift: "",
    behandling: "",
    innsats: "middels",
    konsekvens: "2",
    begrunnelse: "",
    effekt: "",
    version: "0",
    ...extra,
  };
}

const values = (extra: Partial<MeasureValues> = {}): MeasureValues => ({
  tittel: "Rydd i tilgangene til fagsystemet",
  beskrivelse: "",
  ansvarlig: "",
  frist: "",
  status: "ikke-startet",
  innsats: "liten",
  konsekvens: 2,
  fremdrift: "",
  behandling: "",
  system: "",
  dpia: "",
  begrunnelse: "",
  effekt: "",
  version: 0,
  ...extra,
});

/**
 * One of an owner's open measures with a due date that is still its question's bokmål words, which
 * the bank words otherwise in nynorsk: with both.
 */
async function openBankMeasure(db: TestServer["services"]["db"], ownerId: string) {
  const open = await db
    .selectFrom("plan_measure")
    .select("id")
    .where("owner_id", "=", ownerId)
    .where("status", "<>", "ferdig")
    .where("due_on", "is not", null)
    .execute();
  const ids = new Set(open.map((m) => m.id));
  const [measure] = (await chosenWithProposals(db, ownerId)).flatMap(({ nb, nn, ...c }) =>
    nb && nn && ids.has(c.id) && c.title === nb.title && nn.title !== nb.title ? [{ ...c, nb, nn }] : [],
  );
  if (!measure) throw new Error("the demo plan has an open measure in the bank's words");
  return measure;
}

const setLocale = (db: TestServer["services"]["db"], email: string, locale: string) =>
  db.updateTable("user").set({ locale }).where("email", "=", email).execute();

const versionOf = (html: string) => Number(html.match(/name="version" value="(\d+)"/)?.[1]);
const idFrom = (location: string | null) => (location ?? "").split("/")[2]?.split(/[?#]/)[0] ?? "";

describe.each(dialects)("prioritising and the action plan on %s", (dialect) => {
  let server: TestServer;
  let nabo: TestClient;
  let koordinator: TestClient;
  let leder: TestClient;
  let naboOwner: string;
  let naboUser: string;
  let round: string;

  const proposals = () =>
    server.services.db
      .selectFrom("plan_measure")
      .selectAll()
      .where("owner_id", "=", naboOwner)
      .where("decision", "=", "forslag")
      .orderBy("rank")
      .execute();

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
    koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    leder = new TestClient(server.url);
    await leder.login("leder@demo.oppvern.no");
    naboOwner = await organisationIdOf(server, "Nabo kommune");
    naboUser = await userIdOf(server, "koordinator@nabo.oppvern.no");
    const closed = await server.services.db
      .selectFrom("assessment_round")
      .select("id")
      .where("owner_id", "=", naboOwner)
      .where("status", "=", "closed")
      .executeTakeFirstOrThrow();
    round = closed.id;
  });
  afterAll(() => server.close());

  it("turns the closed round's weak answers into proposals, most worth doing first, and only once", async () => {
    const before = textOf((await nabo.page("/prioritering")).html);
    expect(before).toContain("Lag forslag fra kartleggingen");
    const made = await nabo.post("/prioritering", { intent: "foresla", runde: round });
    expect(made.status).toBe(303);
    const count = Number(made.headers.get("location")?.match(/laget=(\d+)/)?.[1]);
    expect(count).toBeGreaterThan(0);
    const rows = await proposals();
    expect(rows).toHaveLength(count);
    // One per question, from the round, ranked by priority.
    expect(new Set(rows.map((r) => r.question_id)).size).toBe(count);
    const scores = rows.map(priority);
    expect(scores).toEqual(scores.slice().sort((a, b) => b - a));
    const page = textOf((await nabo.page("/prioritering")).html);
    expect(page).toContain(`Forslag som venter på en beslutning (${count})`);
    expect(page).toContain(rows[0]?.title);
    expect(page).toMatch(/vekt \d × avstand \d × konsekvens 2 ÷ innsats/);
    expect(page).not.toContain("Lag forslag fra kartleggingen");
    // Asking again adds nothing.
    const again = await nabo.post("/prioritering", { intent: "foresla", runde: round });
    expect(again.headers.get("location")).toContain("laget=0");
    expect(await proposals()).toHaveLength(count);
  });

  it("shows a proposal in the reader's language while it is the bank's words, and as written once rewritten", async () => {
    const db = server.services.db;
    const [first] = await proposals();
    const { bank_version } = await db
      .selectFrom("assessment_round")
      .select("bank_version")
      .where("id", "=", round)
      .executeTakeFirstOrThrow();
    const bank = getBank(bank_version);
    const found = bank && first?.question_id ? findQuestion(bank, first.question_id) : null;
    if (!first || !found) throw new Error("the first proposal comes from a question of the round's bank");
    // Made by a bokmål reader; a nynorsk reader reads the bank's nynorsk.
    const nn = proposalText(found.question, "nn");
    expect(first.title).toBe(proposalText(found.question, "nb").title);
    expect(nn.title).not.toBe(first.title);
    const nynorsk = textOf((await nabo.page("/prioritering?lang=nn")).html);
    expect(nynorsk).toContain(nn.title);
    expect(nynorsk).not.toContain(first.title);
    // Rewritten by the owner: shown as written, in any language.
    await db
      .updateTable("plan_measure")
      .set({ title: "Vår egen formulering" })
      .where("id", "=", first.id)
      .execute();
    expect(textOf((await nabo.page("/prioritering?lang=nn")).html)).toContain("Vår egen formulering");
    await db.updateTable("plan_measure").set({ title: first.title }).where("id", "=", first.id).execute();
    await nabo.page("/prioritering?lang=nb");

    // The same in the action plan, on its list and on the measure's own page, whose form offers the
    // nynorsk words for editing.
    const demoOwner = await organisationIdOf(server, "Demo kommune");
    const fromBank = (await chosenWithProposals(db, demoOwner)).flatMap(({ nb, nn, ...c }) =>
      nb && nn && nb.title === c.title ? [{ ...c, nn }] : [],
    );
    expect(fromBank.length).toBeGreaterThan(0);
    const [measure] = fromBank;
    const list = textOf((await koordinator.page("/handlingsplan?lang=nn")).html);
    expect(list).toContain(measure?.nn.title);
    const own = (await koordinator.page(`/handlingsplan/${measure?.id}`)).html;
    expect(own).toMatch(/name="tittel"[^>]*value="[^"]+"/);
    expect(textOf(own)).toContain(measure?.nn.title);
    await koordinator.page("/handlingsplan?lang=nb");
  });

  it("shows the proposals ten at a time, and follows a card moved onto the next page", async () => {
    const all = await proposals();
    expect(all.length).toBeGreaterThan(10);
    const first = textOf((await nabo.page("/prioritering")).html);
    expect(first).toContain(`Viser forslag 1–10 av ${all.length}`);
    expect(first).toContain(all[9]?.title);
    expect(first).not.toContain(all[10]?.title);
    expect(textOf((await nabo.page("/prioritering?side=2")).html)).toContain(all[10]?.title);
    const moved = await nabo.post("/prioritering", { intent: "ned", id: all[9]?.id ?? "", plass: "10" });
    expect(moved.headers.get("location")).toBe(`/prioritering?side=2#tiltak-${all[9]?.id}`);
    await nabo.post("/prioritering", { intent: "sorter" });
  });

  it("lets the koordinator move a proposal and put them back in order of priority", async () => {
    const [first, second] = await proposals();
    // In the order of priority, there is nothing to put back.
    expect(textOf((await nabo.page("/prioritering")).html)).not.toContain("Sorter etter prioritet");
    await nabo.post("/prioritering", { intent: "ned", id: first?.id ?? "" });
    expect((await proposals()).slice(0, 2).map((r) => r.id)).toEqual([second?.id, first?.id]);
    expect(textOf((await nabo.page("/prioritering")).html)).toContain("Sorter etter prioritet");
    await nabo.post("/prioritering", { intent: "sorter" });
    expect((await proposals()).slice(0, 2).map((r) => r.id)).toEqual([first?.id, second?.id]);
    expect(textOf((await nabo.page("/prioritering")).html)).not.toContain("Sorter etter prioritet");
  });

  it("asks why when a proposal is left to wait, keeps what was typed, and takes others into the plan", async () => {
    const [first, second] = await proposals();
    const refused = await nabo.post("/prioritering", {
      intent: "beslutt",
      id: second?.id ?? "",
      beslutning: "valgt-bort",
      konsekvens: "3",
      begrunnelse: "",
    });
    expect(refused.status).toBe(400);
    expect(textOf(await refused.text())).toContain("Skriv hvorfor tiltaket kan vente.");
    const waited = await nabo.post("/prioritering", {
      intent: "beslutt",
      id: second?.id ?? "",
      beslutning: "valgt-bort",
      konsekvens: "1",
      begrunnelse: "Vi bytter system til høsten.",
    });
    expect(waited.status).toBe(303);
    const chosen = await nabo.post("/prioritering", {
      intent: "beslutt",
      id: first?.id ?? "",
      beslutning: "valgt",
      konsekvens: "3",
      begrunnelse: "",
    });
    expect(chosen.status).toBe(303);
    const page = textOf((await nabo.page("/prioritering")).html);
    expect(page).toContain("Tiltak som venter");
    expect(page).toContain("Vi bytter system til høsten.");
    expect(page).toContain("Til handlingsplanen (1 tiltak valgt)");
    const plan = textOf((await nabo.page("/handlingsplan")).html);
    expect(plan).toContain(first?.title);
    expect(plan).not.toContain(second?.title);
    expect(plan).toContain("Tiltak i planen: 1. Ferdige: 0. Over fristen: 0.");
  });

  let typed: string;
  it("adds a measure by hand, says what to fix in plain words and keeps what was typed", async () => {
    const bad = await nabo.post(
      "/handlingsplan/ny",
      measureForm({ tittel: "", frist: "31.2.2027", beskrivelse: "Gjelder alle skolene." }),
    );
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(textOf(html)).toContain("Skriv hva som skal gjøres.");
    expect(textOf(html)).toContain("Skriv fristen som en dato");
    expect(html).toContain("Gjelder alle skolene.");
    // Someone of another owner cannot be made responsible, whatever the form posts.
    const stranger = await userIdOf(server, "koordinator@demo.oppvern.no");
    const foreign = await nabo.post("/handlingsplan/ny", measureForm({ ansvarlig: stranger }));
    expect(foreign.status).toBe(400);
    expect(textOf(await foreign.text())).toContain("Velg en person fra listen.");
    const made = await nabo.post(
      "/handlingsplan/ny",
      measureForm({ ansvarlig: naboUser, frist: "15.3.2027" }),
    );
    expect(made.status).toBe(303);
    typed = idFrom(made.headers.get("location"));
    const page = textOf((await nabo.page(`/handlingsplan/${typed}?lagret=1`)).html);
    expect(page).toContain("Tiltaket er lagret.");
    const plan = textOf((await nabo.page("/handlingsplan")).html);
    expect(plan).toContain("Lag en DPIA for læringsplattformen");
    expect(plan).toContain("Nils Nabo");
    expect(plan).toContain("15. mars 2027");
    expect(textOf((await nabo.page("/handlingsplan?vis=mine")).html)).toContain("Lag en DPIA");
  });

  it("ties a measure to a service and a DPIA, lists it on their pages, and keeps it when the service goes", async () => {
    const demo = await organisationIdOf(server, "Demo kommune");
    const first = (table: "digital_service" | "dpia") =>
      server.services.db
        .selectFrom(table)
        .select("id")
        .where("owner_id", "=", demo)
        .orderBy("id")
        .executeTakeFirstOrThrow();
    const service = (await first("digital_service")).id;
    const dpia = (await first("dpia")).id;
    const names = {
      service: (
        await server.services.db
          .selectFrom("digital_service")
          .select("name")
          .where("id", "=", service)
          .executeTakeFirstOrThrow()
      ).name,
      dpia: (
        await server.services.db
          .selectFrom("dpia")
          .select("title")
          .where("id", "=", dpia)
          .executeTakeFirstOrThrow()
      ).title,
    };
    // Opened from the service's page, the new measure's form already names the service.
    const form = (await koordinator.page(`/handlingsplan/ny?system=${service}`)).html;
    expect(form).toMatch(new RegExp(`<option value="${service}" selected=""`));
    // Another owner's service or DPIA cannot be named, whatever the form posts.
    const foreign = await nabo.post("/handlingsplan/ny", measureForm({ system: service, dpia }));
    expect(foreign.status).toBe(400);
    const refused = textOf(await foreign.text());
    expect(refused).toContain("Velg en tjeneste fra listen.");
    expect(refused).toContain("Velg en DPIA fra listen.");
    const made = await koordinator.post(
      "/handlingsplan/ny",
      measureForm({ tittel: "Få signert databehandleravtalen", system: service, dpia }),
    );
    expect(made.status).toBe(303);
    const id = idFrom(made.headers.get("location"));
    const page = (await koordinator.page(`/handlingsplan/${id}`)).html;
    expect(page).toContain(`href="/systemer/${service}"`);
    expect(page).toContain(`href="/dpia/${dpia}"`);
    // The service's and the DPIA's pages list it; the leader reads it there but may not add one.
    for (const path of [`/systemer/${service}`, `/dpia/${dpia}`]) {
      const html = (await koordinator.page(path)).html;
      expect(textOf(html)).toContain("Tiltak i handlingsplanen");
      expect(html).toContain(`href="/handlingsplan/${id}"`);
      expect(textOf(html)).toContain("Legg til et tiltak om dette");
      const read = (await leder.page(path)).html;
      expect(read).toContain(`href="/handlingsplan/${id}"`);
      expect(textOf(read)).not.toContain("Legg til et tiltak om dette");
    }
    expect(textOf((await koordinator.page(`/systemer/${service}`)).html)).toContain(names.service);
    expect(textOf(page)).toContain(names.dpia);
    // The plan's spreadsheet names both beside the measure.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await koordinator.get("/handlingsplan/eksport/xlsx")).arrayBuffer());
    const rows = JSON.stringify(book.worksheets[0]?.getSheetValues());
    expect(rows).toContain(JSON.stringify(names.service));
    expect(rows).toContain(JSON.stringify(names.dpia));
    // The service is deleted: the measure stays, no longer tied to it.
    const gone = await koordinator.post(`/systemer/${service}/slett`, { intent: "slett" });
    expect(gone.status).toBe(303);
    const after = await server.services.db
      .selectFrom("plan_measure")
      .select(["service_id", "dpia_id"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ service_id: null, dpia_id: dpia });
    expect((await koordinator.page(`/handlingsplan/${id}`)).html).not.toContain(
      `href="/systemer/${service}"`,
    );
  });

  it("asks what was done before a measure is marked done, stamps the day, and refuses a stale save", async () => {
    const form = (await nabo.page(`/handlingsplan/${typed}`)).html;
    const version = versionOf(form);
    const kept = { ansvarlig: naboUser, frist: "2027-03-15" };
    const noNote = await nabo.post(
      `/handlingsplan/${typed}`,
      measureForm({ ...kept, status: "ferdig", version: String(version) }),
    );
    expect(noNote.status).toBe(400);
    expect(textOf(await noNote.text())).toContain("Skriv kort hva som ble gjort");
    const done = await nabo.post(
      `/handlingsplan/${typed}`,
      measureForm({
        ...kept,
        status: "ferdig",
        fremdrift: "DPIA skrevet og godkjent.",
        version: String(version),
      }),
    );
    expect(done.status).toBe(303);
    const row = await server.services.db
      .selectFrom("plan_measure")
      .select(["status", "done_on", "progress_note"])
      .where("id", "=", typed)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: "ferdig",
      done_on: dayInNorway(),
      progress_note: "DPIA skrevet og godkjent.",
    });
    const stale = await nabo.post(
      `/handlingsplan/${typed}`,
      measureForm({ tittel: "Fra en gammel side", version: String(version) }),
    );
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(textOf(html)).toContain("Noen andre lagret tiltaket mens du skrev");
    expect(html).toContain("Fra en gammel side");
    expect(textOf(html)).toContain("DPIA skrevet og godkjent.");
  });

  it("exports the plan as a spreadsheet with one row per measure", async () => {
    const response = await nabo.get("/handlingsplan/eksport/xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("handlingsplan-nabo-kommune.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const rows = (workbook.worksheets[0]?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows[0]?.map(String)).toContain("Ansvarlig");
    expect(rows).toHaveLength(1 + 2);
    const dpia = rows.find((r) => r.map(String).includes("Lag en DPIA for læringsplattformen"));
    expect(dpia?.map(String)).toEqual(expect.arrayContaining(["Nils Nabo", "2027-03-15", "Ferdig"]));
  });

  it("keeps every measure inside its owner: another owner's koordinator gets 404 and changes nothing", async () => {
    expect((await koordinator.get(`/handlingsplan/${typed}`)).status).toBe(404);
    const write = await koordinator.post(
      `/handlingsplan/${typed}`,
      measureForm({ tittel: "Kapret", version: "9" }),
    );
    expect(write.status).toBe(404);
    const [proposal] = await proposals();
    const decideForeign = await koordinator.post("/prioritering", {
      intent: "beslutt",
      id: proposal?.id ?? "",
      beslutning: "valgt-bort",
      konsekvens: "1",
      begrunnelse: "Kapret",
    });
    expect(decideForeign.status).toBe(404);
    await koordinator.post("/prioritering", { intent: "ned", id: proposal?.id ?? "" });
    expect((await proposals())[0]).toEqual(proposal);
    const titles = await server.services.db
      .selectFrom("plan_measure")
      .select("title")
      .where("owner_id", "=", naboOwner)
      .execute();
    expect(titles.map((t) => t.title)).not.toContain("Kapret");
    expect(textOf((await koordinator.page("/handlingsplan")).html)).not.toContain("Lag en DPIA");
  });

  it("shows a unit leader the plan to read, without forms, and refuses their changes", async () => {
    const demoOwner = await organisationIdOf(server, "Demo kommune");
    const id = await createMeasure(server.services.db, {
      ownerId: demoOwner,
      userId: await userIdOf(server, "koordinator@demo.oppvern.no"),
      values: values({ frist: "2020-01-01" }),
    });
    const page = await leder.page(`/handlingsplan/${id}`);
    expect(page.response.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain("Koordinatoren endrer handlingsplanen");
    expect(text).toContain("Over fristen");
    expect(page.html).not.toContain('name="tittel"');
    expect((await leder.post(`/handlingsplan/${id}`, measureForm({ version: "1" }))).status).toBe(404);
    expect((await leder.get("/handlingsplan/ny")).status).toBe(404);
    expect(textOf((await leder.page("/handlingsplan")).html)).toContain("Rydd i tilgangene til fagsystemet");
  });
});

describe.each(dialects)("the evaluation on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
  });
  afterAll(() => server.close());

  it("shows what was done and, after a new round, whether the answers behind each measure got better", async () => {
    const db = server.services.db;
    const nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
    const ownerId = await organisationIdOf(server, "Nabo kommune");
    expect(textOf((await nabo.page("/evaluering")).html)).toContain("Handlingsplanen er tom");
    const spring = await db
      .selectFrom("assessment_round")
      .select("id")
      .where("owner_id", "=", ownerId)
      .executeTakeFirstOrThrow();
    await nabo.post("/prioritering", { intent: "foresla", runde: spring.id });
    const [first, second] = await db
      .selectFrom("plan_measure")
      .selectAll()
      .where("owner_id", "=", ownerId)
      .orderBy("rank")
      .execute();
    for (const m of [first, second])
      await nabo.post("/prioritering", {
        intent: "beslutt",
        id: m?.id ?? "",
        beslutning: "valgt",
        konsekvens: "2",
      });
    await nabo.post(
      `/handlingsplan/${first?.id}`,
      measureForm({
        tittel: first?.title ?? "",
        status: "ferdig",
        fremdrift: "Rutinen er skrevet og sendt ut.",
        effekt: "Alle rektorene kjenner rutinen.",
        version: "2",
      }),
    );
    const before = textOf((await nabo.page("/evaluering")).html);
    expect(before).toContain("Tiltak: 2. Ferdige: 1. Pågår: 0. Ikke startet: 1.");
    expect(before).toContain("Alle rektorene kjenner rutinen.");
    expect(before).toContain("Når dere har avsluttet en ny kartlegging");
    // The autumn round: every answer one level up from the spring's.
    await seedDemoAssessments(db, [{ id: ownerId, name: "Nabo kommune", base: 4, unitIds: [] }], null, {
      title: "Kartlegging høsten 2026",
      created: "2026-09-01T08:00:00.000Z",
      deadline: "2026-11-01",
      closed: "2026-11-20T14:00:00.000Z",
    });
    // Spring answered bank 2026.1 and autumn the newest: the evaluation follows questions by id.
    const versions = await db
      .selectFrom("assessment_round")
      .select(["title", "bank_version"])
      .where("owner_id", "=", ownerId)
      .orderBy("created_at")
      .execute();
    expect(versions).toEqual([
      { title: "Kartlegging våren 2026", bank_version: "2026.1" },
      { title: "Kartlegging høsten 2026", bank_version: "2026.2" },
    ]);
    const after = textOf((await nabo.page("/evaluering")).html);
    expect(after).toContain("«Kartlegging våren 2026»");
    expect(after).toContain("«Kartlegging høsten 2026»");
    expect(after).toContain("Bedre: 2. Uendret: 0. Dårligere: 0.");
    expect(after).toMatch(/Bedre: [123] → [2345]/);
    // Another owner's koordinator sees their own (empty of these) evaluation, never Nabo's.
    const koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    expect(textOf((await koordinator.page("/evaluering")).html)).not.toContain(
      "Alle rektorene kjenner rutinen.",
    );
  });

  it("lists a measure still in the question bank's words in the reader's nynorsk, and a rewritten one as written", async () => {
    const db = server.services.db;
    const nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
    const ownerId = await organisationIdOf(server, "Nabo kommune");
    // The two measures of the plan above, proposed to a bokmål reader from the spring round's bank.
    const [kept, rewritten] = (await chosenWithProposals(db, ownerId)).map(({ nb, nn, ...c }) => {
      if (!nb || !nn) throw new Error("a chosen measure comes from a question of its round's bank");
      return { ...c, nb, nn };
    });
    if (!kept || !rewritten) throw new Error("the plan has two measures from the round");
    expect(kept.title).toBe(kept.nb.title);
    expect(kept.nn.title).not.toBe(kept.nb.title);
    await db
      .updateTable("plan_measure")
      .set({ title: "Vår eigen formulering av tiltaket" })
      .where("id", "=", rewritten.id)
      .execute();
    const nynorsk = textOf((await nabo.page("/evaluering?lang=nn")).html);
    expect(nynorsk).toContain(kept.nn.title);
    expect(nynorsk).not.toContain(kept.nb.title);
    expect(nynorsk).toContain("Vår eigen formulering av tiltaket");
    await db
      .updateTable("plan_measure")
      .set({ title: rewritten.title })
      .where("id", "=", rewritten.id)
      .execute();
    await nabo.page("/evaluering?lang=nb");
  });
});

describe.each(dialects)("the plan's calendar address on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
  });
  afterAll(() => server.close());

  const feedOf = (html: string) =>
    html.match(/value="http:\/\/[^"]*(\/handlingsplan\/kalender\/[\w-]+\.ics)"/)?.[1] ?? "";

  it("gives each reader a secret address with the open measures' due dates, until renewed, turned off or the role ends", async () => {
    const db = server.services.db;
    const ownerId = await organisationIdOf(server, "Nabo kommune");
    const userId = await userIdOf(server, "koordinator@nabo.oppvern.no");
    await createMeasure(db, {
      ownerId,
      userId,
      values: values({ tittel: "Ny rutine for passord", frist: "2027-03-15" }),
    });
    await createMeasure(db, {
      ownerId,
      userId,
      values: values({
        tittel: "Allerede gjort",
        frist: "2027-01-10",
        status: "ferdig",
        fremdrift: "Gjort.",
      }),
    });
    // One finished measure without its effect: said in the singular.
    const koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@nabo.oppvern.no");
    expect(textOf((await koordinator.page("/evaluering")).html)).toContain(
      "1 ferdig tiltak mangler en beskrivelse av virkningen.",
    );
    // The personvernombud of two kommuner, working in Nabo kommune just now.
    const ombud = new TestClient(server.url);
    await ombud.login("personvernombud@demo.oppvern.no");
    await ombud.post("/bytt-organisasjon", { organisationId: ownerId });
    const made = await ombud.post("/handlingsplan", { intent: "kalender" });
    expect(made.status).toBe(200);
    const feed = feedOf(await made.text());
    expect(feed).not.toBe("");
    // A calendar app fetches it without a login.
    const response = await fetch(new URL(feed, server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const ics = await response.text();
    expect(ics).toContain("X-WR-CALNAME:Handlingsplan – Nabo kommune");
    expect(ics).toContain("SUMMARY:Ny rutine for passord");
    expect(ics).toContain("DTSTART;VALUE=DATE:20270315");
    expect(ics).not.toContain("Allerede gjort");
    expect(textOf((await ombud.page("/handlingsplan")).html)).toContain("Du har en kalenderadresse");
    // A new address ends the old one.
    const renewed = feedOf(await (await ombud.post("/handlingsplan", { intent: "kalender" })).text());
    expect((await fetch(new URL(feed, server.url))).status).toBe(404);
    expect((await fetch(new URL(renewed, server.url))).status).toBe(200);
    // Without the role in Nabo kommune the address reads nothing.
    const ombudId = await userIdOf(server, "personvernombud@demo.oppvern.no");
    const membership = await db
      .selectFrom("membership")
      .selectAll()
      .where("user_id", "=", ombudId)
      .where("organisation_id", "=", ownerId)
      .executeTakeFirstOrThrow();
    await db.deleteFrom("membership").where("id", "=", membership.id).execute();
    expect((await fetch(new URL(renewed, server.url))).status).toBe(404);
    await db.insertInto("membership").values(membership).execute();
    expect((await fetch(new URL(renewed, server.url))).status).toBe(200);
    // Turned off, it is gone.
    expect((await ombud.post("/handlingsplan", { intent: "kalender-av" })).status).toBe(303);
    expect((await fetch(new URL(renewed, server.url))).status).toBe(404);
  });

  it("names a measure still in the question bank's words in the nynorsk of a nynorsk reader", async () => {
    const db = server.services.db;
    const measure = await openBankMeasure(db, await organisationIdOf(server, "Demo kommune"));
    const koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    const feed = feedOf(await (await koordinator.post("/handlingsplan", { intent: "kalender" })).text());
    await setLocale(db, "koordinator@demo.oppvern.no", "nn");
    const ics = await (await fetch(new URL(feed, server.url))).text();
    // The event titles, with the file's folded lines joined and its escapes undone.
    const summaries = ics
      .replace(/\r\n[ \t]/g, "")
      .split("\r\n")
      .filter((line) => line.startsWith("SUMMARY:"))
      .map((line) => line.slice("SUMMARY:".length).replace(/\\([\\;,])/g, "$1"));
    expect(summaries).toContain(measure.nn.title);
    expect(summaries).not.toContain(measure.nb.title);
    await setLocale(db, "koordinator@demo.oppvern.no", "nb");
  });
});

describe.each(dialects)("reminders of measures due on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
  });
  afterAll(() => server.close());

  it("e-mails the responsible person a week before, once per due date, and the koordinator when nobody is", async () => {
    const db = server.services.db;
    const ownerId = await organisationIdOf(server, "Nabo kommune");
    const userId = await userIdOf(server, "koordinator@nabo.oppvern.no");
    const ombud = await userIdOf(server, "personvernombud@demo.oppvern.no");
    const now = Date.now();
    const inDays = (n: number) => dayInNorway(now + n * DAY);
    const add = (tittel: string, extra: Partial<MeasureValues>) =>
      createMeasure(db, { ownerId, userId, values: values({ tittel, ...extra }) });
    const soon = await add("Frist om tre dager", { frist: inDays(3), ansvarlig: ombud });
    await add("Uten ansvarlig", { frist: inDays(6) });
    await add("Frist om en måned", { frist: inDays(30), ansvarlig: ombud });
    await add("Allerede ferdig", { frist: inDays(2), status: "ferdig", fremdrift: "Gjort." });
    await add("Over fristen", { frist: inDays(-3), ansvarlig: ombud });
    const mails = () =>
      db
        .selectFrom("outbox")
        .select(["to_address", "subject", "text_body"])
        .where("subject", "like", "Frist for et tiltak%")
        .orderBy("to_address")
        .execute();
    const run = (at: number) =>
      sendMeasureReminders(db, server.services.mailer, { publicUrl: "http://x", now: at });
    expect(await run(now)).toBe(2);
    const sent = await mails();
    expect(sent.map((m) => m.to_address)).toEqual([
      "koordinator@nabo.oppvern.no",
      "personvernombud@demo.oppvern.no",
    ]);
    const toOmbud = sent[1]?.text_body ?? "";
    expect(toOmbud).toContain("«Frist om tre dager»");
    expect(toOmbud).toContain(`/handlingsplan/${soon}`);
    expect(sent[1]?.subject).toContain("Nabo kommune");
    // The next run (an hour later, or another instance) sends nothing more.
    expect(await run(now + 3_600_000)).toBe(0);
    // A new due date is a new reminder.
    await db
      .updateTable("plan_measure")
      .set({ due_on: inDays(5) })
      .where("id", "=", soon)
      .execute();
    expect(await run(now)).toBe(1);
    expect(await mails()).toHaveLength(3);
  });

  it("names a measure still in the question bank's words in the nynorsk of a nynorsk recipient", async () => {
    const db = server.services.db;
    const measure = await openBankMeasure(db, await organisationIdOf(server, "Demo kommune"));
    const koordinator = await userIdOf(server, "koordinator@demo.oppvern.no");
    await db
      .updateTable("plan_measure")
      .set({ due_on: dayInNorway(Date.now() + 3 * DAY), responsible_id: koordinator })
      .where("id", "=", measure.id)
      .execute();
    await setLocale(db, "koordinator@demo.oppvern.no", "nn");
    expect(await sendMeasureReminders(db, server.services.mailer, { publicUrl: "http://x" })).toBe(1);
    const sent = await db
      .selectFrom("outbox")
      .select(["subject", "text_body"])
      .where("to_address", "=", "koordinator@demo.oppvern.no")
      .where("text_body", "like", `%/handlingsplan/${measure.id}%`)
      .executeTakeFirstOrThrow();
    expect(sent.subject).toContain("Frist for eit tiltak");
    expect(sent.text_body).toContain(`«${measure.nn.title}»`);
    expect(sent.text_body).not.toContain(measure.nb.title);
    await setLocale(db, "koordinator@demo.oppvern.no", "nb");
  });
});

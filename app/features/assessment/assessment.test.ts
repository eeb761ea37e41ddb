import ExcelJS from "exceljs";
import JSZip from "jszip";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import { readTags, textsOf } from "../../../tests/support/pdf-structure.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
  userIdOf,
} from "../../../tests/support/test-server.ts";
import { minuteInNorway } from "../../lib/time.ts";
import { loadNewestBankFromDisk } from "./bank-schema.ts";

const bank = loadNewestBankFromDisk();
const ownerQuestions = (areaId: string) =>
  bank.areas.find((a) => a.id === areaId)?.sporsmal.filter((q) => q.niva === "eier") ?? [];
const unitQuestions = (areaId: string, kind: "skole" | "barnehage") =>
  bank.areas
    .find((a) => a.id === areaId)
    ?.sporsmal.filter((q) => q.niva === "enhet" && q.gjelder.includes(kind)) ?? [];

describe.each(dialects)("assessment rounds on %s", (dialect) => {
  let server: TestServer;
  let koordinator: TestClient;
  let leder: TestClient;
  let styrer: TestClient;
  let ansatt: TestClient;
  let nabo: TestClient;
  let roundId = "";
  let eik = "";
  let solsikken = "";

  const idOf = (name: string) => organisationIdOf(server, name);
  const answerCount = async () =>
    Number(
      (
        await server.services.db
          .selectFrom("assessment_answer")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    leder = new TestClient(server.url);
    await leder.login("leder@demo.oppvern.no");
    styrer = new TestClient(server.url);
    await styrer.login("styrer@demo.oppvern.no");
    ansatt = new TestClient(server.url);
    await ansatt.login("ansatt@demo.oppvern.no");
    nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
    eik = await idOf("Eik barneskole");
    solsikken = await idOf("Solsikken barnehage");
  });
  afterAll(() => server.close());

  it("refuses a round without a proper name and keeps what was typed", async () => {
    const response = await koordinator.post("/kartlegging", [
      ["tittel", "K"],
      ["frist", "2020-01-01"],
      ["enhet", eik],
    ]);
    expect(response.status).toBe(400);
    const text = textOf(await response.text());
    expect(text).toContain("Gi runden et navn på minst 3 tegn");
    expect(text).toContain("Fristen kan ikke være tilbake i tid");
  });

  it("starts a round for two units and emails their leaders", async () => {
    const response = await koordinator.post("/kartlegging", [
      ["tittel", "Kartlegging høsten 2026"],
      ["frist", "2099-01-31"],
      ["enhet", eik],
      ["enhet", solsikken],
    ]);
    expect(response.status).toBe(303);
    roundId = (response.headers.get("location") ?? "").split("/")[2]?.split("?")[0] ?? "";
    const page = textOf((await koordinator.page(`/kartlegging/${roundId}`)).html);
    expect(page).toContain("Eik barneskole");
    expect(page).toContain("Solsikken barnehage");
    expect(page).toContain("Eierens del (Demo kommune)");
    expect(page).toContain("Frist: 31. januar 2099");
    const mail = await server.services.db
      .selectFrom("outbox")
      .select(["to_address", "text_body"])
      .where("subject", "like", "Kartlegging av personvern%")
      .execute();
    expect(mail.map((m) => m.to_address).sort()).toEqual(["leder@demo.oppvern.no", "styrer@demo.oppvern.no"]);
    expect(mail[0]?.text_body).toContain(`/kartlegging/${roundId}`);
    // The leaders are told by when to answer, as people write a date.
    for (const m of mail) expect(m.text_body).toContain("Fristen for å svare er 31. januar 2099.");
  });

  it("shows each leader only the own unit's part, with the questions for a school or a kindergarten", async () => {
    const lederView = textOf((await leder.page(`/kartlegging/${roundId}`)).html);
    expect(lederView).toContain("Eik barneskole");
    expect(lederView).not.toContain("Solsikken barnehage");
    expect(lederView).not.toContain("Eierens del");
    expect((await leder.get(`/kartlegging/${roundId}/eier/styring`)).status).toBe(404);
    expect((await leder.get(`/kartlegging/${roundId}/${solsikken}/opplaering`)).status).toBe(404);
    const school = textOf((await leder.page(`/kartlegging/${roundId}/${eik}/opplaering`)).html);
    const kindergarten = textOf((await styrer.page(`/kartlegging/${roundId}/${solsikken}/opplaering`)).html);
    for (const q of unitQuestions("opplaering", "skole")) expect(school).toContain(q.tekst.nb);
    for (const q of unitQuestions("opplaering", "barnehage")) expect(kindergarten).toContain(q.tekst.nb);
    const onlySchool = unitQuestions("opplaering", "skole").find((q) => !q.gjelder.includes("barnehage"));
    if (onlySchool) expect(kindergarten).not.toContain(onlySchool.tekst.nb);
    // Staff without a leader's role, and other owners, see nothing.
    expect((await ansatt.get("/kartlegging")).status).toBe(404);
    expect((await ansatt.get(`/kartlegging/${roundId}`)).status).toBe(404);
  });

  it("saves answers, says what to fix, and keeps the valid ones", async () => {
    const [q1, q2] = unitQuestions("opplaering", "skole");
    if (!q1 || !q2) throw new Error("the bank needs two unit questions for schools in opplaering");
    const url = `/kartlegging/${roundId}/${eik}/opplaering`;
    const response = await leder.post(url, [
      ["intent", "save"],
      [`niva-${q1.id}`, "4"],
      [`kommentar-${q1.id}`, "Vi har kurs hver høst."],
      [`bevis-${q1.id}`, "https://intranett.demo.no/opplaering"],
      [`niva-${q2.id}`, "ir"],
      [`grunn-${q2.id}`, ""],
    ]);
    expect(response.status).toBe(400);
    const text = textOf(await response.text());
    expect(text).toContain("Skriv kort hvorfor spørsmålet ikke er relevant");
    expect(text).toContain("Vi har kurs hver høst.");
    const saved = await server.services.db
      .selectFrom("assessment_answer")
      .selectAll()
      .where("round_id", "=", roundId)
      .execute();
    expect(saved).toHaveLength(1);
    expect(await answerCount()).toBe(1);
    expect(saved[0]).toMatchObject({ question_id: q1.id, level: 4, comment: "Vi har kurs hver høst." });

    const bad = await leder.post(`${url}/autosave`, [
      ["sporsmal", q2.id],
      [`niva-${q2.id}`, "9"],
    ]);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ autosaveErrors: { [`niva-${q2.id}`]: expect.any(String) } });
    const wrongLink = await leder.post(`${url}/autosave`, [
      ["sporsmal", q2.id],
      [`niva-${q2.id}`, "2"],
      [`bevis-${q2.id}`, "javascript:alert(1)"],
    ]);
    expect(wrongLink.status).toBe(400);
    const otherQuestion = await leder.post(`${url}/autosave`, [
      ["sporsmal", "styring-01"],
      ["niva-styring-01", "5"],
    ]);
    expect(otherQuestion.status).toBe(400);
    const good = await leder.post(`${url}/autosave`, [
      ["sporsmal", q2.id],
      [`niva-${q2.id}`, "2"],
    ]);
    expect(good.status).toBe(200);
    expect(await answerCount()).toBe(2);
  });

  it("autosave keeps an answer sent without a session, and refuses other owners and people not invited", async () => {
    const q = unitQuestions("opplaering", "skole")[3] ?? unitQuestions("opplaering", "skole")[1];
    if (!q) throw new Error("no question");
    const url = `/kartlegging/${roundId}/${eik}/opplaering`;
    const fields: [string, string][] = [
      ["sporsmal", q.id],
      [`niva-${q.id}`, "4"],
      [`kommentar-${q.id}`, "Sendt mens økta var ute."],
    ];
    const saved = () =>
      server.services.db
        .selectFrom("assessment_answer")
        .select(["level", "comment"])
        .where("round_id", "=", roundId)
        .where("question_id", "=", q.id)
        .execute();
    const before = await saved();
    // Another owner's koordinator and a staff member who was not invited: as if it did not exist.
    expect((await nabo.post(`${url}/autosave`, fields)).status).toBe(404);
    expect((await ansatt.post(`${url}/autosave`, fields)).status).toBe(404);
    expect(await saved()).toEqual(before);
    // No session (it ran out): the answer is kept for this browser and saved after login.
    const browser = new TestClient(server.url);
    const posted = await browser.post(`${url}/autosave`, fields);
    expect(posted.status).toBe(401);
    expect(await posted.json()).toEqual({
      login: `/logg-inn?neste=${encodeURIComponent(`${url}?gjenopprett=1`)}`,
    });
    expect(await saved()).toEqual(before);
    await browser.login("leder@demo.oppvern.no");
    const back = textOf((await browser.page(`${url}?gjenopprett=1`)).html);
    expect(back).toContain("Det du skrev, er tatt vare på og nå lagret");
    expect(await saved()).toEqual([{ level: 4, comment: "Sendt mens økta var ute." }]);
    // The leader's earlier answer back as it was, for the tests that follow.
    await browser.post(`${url}/autosave`, [
      ["sporsmal", q.id],
      [`niva-${q.id}`, String(before[0]?.level ?? "")],
      [`kommentar-${q.id}`, before[0]?.comment ?? ""],
    ]);
  });

  it("keeps what was typed when the session has expired, and saves it after login", async () => {
    const q = unitQuestions("opplaering", "skole")[2] ?? unitQuestions("opplaering", "skole")[1];
    if (!q) throw new Error("no question");
    const phone = new TestClient(server.url);
    await phone.login("leder@demo.oppvern.no");
    const userId = await userIdOf(server, "leder@demo.oppvern.no");
    // The session runs out while the leader is typing (every session of the leader ends).
    await server.services.db.deleteFrom("session").where("userId", "=", userId).execute();
    const url = `/kartlegging/${roundId}/${eik}/opplaering`;
    const posted = await phone.post(url, [
      ["intent", "save"],
      [`niva-${q.id}`, "3"],
      [`kommentar-${q.id}`, "Skrevet rett før økta gikk ut."],
    ]);
    expect(posted.status).toBe(303);
    const next = new URL(posted.headers.get("location") ?? "", server.url);
    expect(next.pathname).toBe("/logg-inn");
    const before = await server.services.db
      .selectFrom("assessment_answer")
      .select("comment")
      .where("question_id", "=", q.id)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    expect(before?.comment).not.toBe("Skrevet rett før økta gikk ut.");
    // Another browser cannot pick it up, even with the same address.
    const other = new TestClient(server.url);
    await other.login("leder@demo.oppvern.no");
    expect(textOf((await other.page(next.searchParams.get("neste") ?? "")).html)).not.toContain(
      "tatt vare på",
    );
    await phone.login("leder@demo.oppvern.no");
    const back = textOf((await phone.page(next.searchParams.get("neste") ?? "")).html);
    expect(back).toContain("Det du skrev, er tatt vare på og nå lagret");
    expect(back).toContain("Skrevet rett før økta gikk ut.");
    const after = await server.services.db
      .selectFrom("assessment_answer")
      .select(["level", "comment"])
      .where("question_id", "=", q.id)
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ level: 3, comment: "Skrevet rett før økta gikk ut." });
    await server.services.db.deleteFrom("assessment_answer").where("question_id", "=", q.id).execute();
    await leder.login("leder@demo.oppvern.no");
  });

  it("keeps an uploaded evidence file after checking its size and real type", async () => {
    const q = unitQuestions("opplaering", "skole")[0];
    if (!q) throw new Error("no question");
    const url = `/kartlegging/${roundId}/${eik}/opplaering`;
    const pdf = new TextEncoder().encode(
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n",
    );
    const form = (file: Blob, name: string) => {
      const f = new FormData();
      f.set("intent", "save");
      f.set(`niva-${q.id}`, "4");
      f.set(`kommentar-${q.id}`, "Vi har kurs hver høst.");
      f.set(`bevis-${q.id}`, "https://intranett.demo.no/opplaering");
      f.set(`fil-${q.id}`, file, name);
      return f;
    };
    const ok = await leder.postMultipart(
      url,
      form(new Blob([pdf], { type: "application/pdf" }), "Kursplan 2026.pdf"),
    );
    expect(ok.status).toBe(303);
    const page = await leder.page(url);
    const link = page.html.match(/href="(\/kartlegging\/[^"]+\/bevis\/[^"]+)"/)?.[1] ?? "";
    expect(textOf(page.html)).toContain("Kursplan 2026.pdf");
    const download = await leder.get(link);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
    // Another owner cannot fetch it.
    expect((await nabo.get(link)).status).toBe(404);

    // A program renamed to .pdf is refused by its content, with a message; the answer is kept.
    const exe = new Uint8Array([
      0x4d,
      0x5a,
      0x90,
      0x00,
      0x03,
      0x00,
      0x00,
      0x00,
      0x04,
      0x00,
      ...new Array(200).fill(0),
    ]);
    const fake = await leder.postMultipart(url, form(new Blob([exe]), "rapport.pdf"));
    expect(fake.status).toBe(400);
    const fakeText = textOf(await fake.text());
    expect(fakeText).toContain("Vi tar bare imot PDF, Word, Excel");
    expect(fakeText).toContain("Vi har kurs hver høst.");
    // Too large: over 5 MB is refused with a clear message, nothing is stored.
    const big = new Uint8Array(5 * 1024 * 1024 + 100);
    big.set(pdf);
    const large = await leder.postMultipart(url, form(new Blob([big]), "stor.pdf"));
    expect(large.status).toBe(400);
    expect(textOf(await large.text())).toContain("Filen er for stor");
    const huge = await leder.postMultipart(
      url,
      form(new Blob([new Uint8Array(7 * 1024 * 1024)]), "enorm.pdf"),
    );
    expect(huge.status).toBe(413);
    const stored = await server.services.db
      .selectFrom("assessment_evidence")
      .select("filename")
      .where("round_id", "=", roundId)
      .execute();
    expect(stored.map((s) => s.filename)).toEqual(["Kursplan 2026.pdf"]);
  });

  it("lets the koordinator see the leader's answer, answer too, and reconcile to one final answer", async () => {
    const [q1] = unitQuestions("opplaering", "skole");
    if (!q1) throw new Error("no question");
    const url = `/kartlegging/${roundId}/${eik}/opplaering`;
    const seen = textOf((await koordinator.page(url)).html);
    expect(seen).toContain("Lars Leder: nivå 4");
    expect(
      (
        await koordinator.post(`${url}/autosave`, [
          ["sporsmal", q1.id],
          [`niva-${q1.id}`, "2"],
        ])
      ).status,
    ).toBe(200);
    expect(textOf((await leder.page(url)).html)).toContain("Kari Koordinator: nivå 2");
    const reconcile = textOf((await koordinator.page(`/kartlegging/${roundId}/avstemming`)).html);
    expect(reconcile).toContain(q1.tekst.nb);
    expect(reconcile).toContain("ulike svar");
    // "Not relevant" as the final answer needs a reason, as when answering: nothing is saved, and
    // the choice is kept.
    const noReason = await koordinator.post(`/kartlegging/${roundId}/avstemming`, [
      [`endelig|${eik}|${q1.id}`, "ir"],
      [`grunn|${eik}|${q1.id}`, "  "],
    ]);
    expect(noReason.status).toBe(400);
    const noReasonHtml = await noReason.text();
    expect(textOf(noReasonHtml)).toContain(`${q1.tekst.nb}: Skriv kort hvorfor spørsmålet ikke er relevant`);
    expect(noReasonHtml).toMatch(/<option value="ir" selected="">/);
    expect(
      await server.services.db
        .selectFrom("assessment_final")
        .select("question_id")
        .where("round_id", "=", roundId)
        .execute(),
    ).toEqual([]);
    const saved = await koordinator.post(`/kartlegging/${roundId}/avstemming`, [
      [`endelig|${eik}|${q1.id}`, "3"],
      [`endelig|eier|finnes-ikke-01`, "5"],
      [`endelig|${await idOf("Nabo skole")}|${q1.id}`, "5"],
    ]);
    expect(saved.status).toBe(303);
    const finals = await server.services.db
      .selectFrom("assessment_final")
      .selectAll()
      .where("round_id", "=", roundId)
      .execute();
    expect(finals).toHaveLength(1);
    expect(finals[0]).toMatchObject({ scope: eik, question_id: q1.id, level: 3 });
    // Leaders cannot reconcile.
    expect((await leder.get(`/kartlegging/${roundId}/avstemming`)).status).toBe(404);

    // The leader changes the comment only: the final answer stands.
    const finalLevel = async () =>
      (
        await server.services.db
          .selectFrom("assessment_final")
          .select("level")
          .where("round_id", "=", roundId)
          .where("scope", "=", eik)
          .where("question_id", "=", q1.id)
          .executeTakeFirst()
      )?.level;
    const leaderSays = (level: string, comment: string) =>
      leder.post(`${url}/autosave`, [
        ["sporsmal", q1.id],
        [`niva-${q1.id}`, level],
        [`kommentar-${q1.id}`, comment],
        [`bevis-${q1.id}`, "https://intranett.demo.no/opplaering"],
      ]);
    expect((await leaderSays("4", "Kurs for alle nye i august.")).status).toBe(200);
    expect(await finalLevel()).toBe(3);
    // A settled question is listed under the final answers already set, where it can be changed.
    const settledIn = (text: string) => {
      const settledAt = text.indexOf("Endelige svar som er satt");
      return settledAt >= 0 && text.indexOf(q1.tekst.nb) > settledAt;
    };
    expect(settledIn(textOf((await koordinator.page(`/kartlegging/${roundId}/avstemming`)).html))).toBe(true);
    // The leader changes their level afterwards: the final answer no longer stands for the
    // answers, and the question is back for reconciling.
    expect((await leaderSays("1", "Kurset ble avlyst.")).status).toBe(200);
    expect(await finalLevel()).toBeUndefined();
    const again = textOf((await koordinator.page(`/kartlegging/${roundId}/avstemming`)).html);
    expect(again).toContain(q1.tekst.nb);
    expect(settledIn(again)).toBe(false);
    expect(again).toContain("Lars Leder: nivå 1");
    // Back to what the leader first said, and settled again.
    expect((await leaderSays("4", "Vi har kurs hver høst.")).status).toBe(200);
    await koordinator.post(`/kartlegging/${roundId}/avstemming`, [[`endelig|${eik}|${q1.id}`, "3"]]);
    expect(await finalLevel()).toBe(3);
    // A final answer can be changed where it is listed; one sent back unchanged is not saved again.
    const changed = await koordinator.post(`/kartlegging/${roundId}/avstemming`, [
      [`endelig|${eik}|${q1.id}`, "2"],
      [`forrige|${eik}|${q1.id}`, "3"],
    ]);
    expect(changed.headers.get("location")).toMatch(/lagret=1$/);
    expect(await finalLevel()).toBe(2);
    const unchanged = await koordinator.post(`/kartlegging/${roundId}/avstemming`, [
      [`endelig|${eik}|${q1.id}`, "2"],
      [`forrige|${eik}|${q1.id}`, "2"],
    ]);
    expect(unchanged.headers.get("location")).toMatch(/lagret=0$/);
    // «Not relevant» settled, then only its reason changed: saved.
    await koordinator.post(`/kartlegging/${roundId}/avstemming`, [
      [`endelig|${eik}|${q1.id}`, "ir"],
      [`grunn|${eik}|${q1.id}`, "Vi har ingen egne kurs."],
    ]);
    const reasonOnly = await koordinator.post(`/kartlegging/${roundId}/avstemming`, [
      [`endelig|${eik}|${q1.id}`, "ir"],
      [`forrige|${eik}|${q1.id}`, "ir"],
      [`grunn|${eik}|${q1.id}`, "Kommunen holder kursene."],
      [`forrige-grunn|${eik}|${q1.id}`, "Vi har ingen egne kurs."],
    ]);
    expect(reasonOnly.headers.get("location")).toMatch(/lagret=1$/);
    expect((await koordinator.page(`/kartlegging/${roundId}/avstemming`)).html).toContain(
      'value="Kommunen holder kursene."',
    );
    await koordinator.post(`/kartlegging/${roundId}/avstemming`, [[`endelig|${eik}|${q1.id}`, "3"]]);
    expect(await finalLevel()).toBe(3);
  });

  it("scores the round per area and shows the gaps with measures", async () => {
    const owner = ownerQuestions("styring");
    const saved = await koordinator.post(
      `/kartlegging/${roundId}/eier/styring`,
      owner.map((q) => [`niva-${q.id}`, "1"] as [string, string]).concat([["intent", "save"]]),
    );
    // Back to the area at its "saved" message (the form's "#feil" is for a refused save only).
    expect(saved.headers.get("location")).toBe(`/kartlegging/${roundId}/eier/styring?lagret=1#lagret`);
    const results = textOf((await koordinator.page(`/kartlegging/${roundId}/resultat`)).html);
    expect(results).toContain("Poeng per område");
    expect(results).toContain("Styring og internkontroll");
    // Level 1 everywhere in styring scores 0; the gap list names its questions and measures.
    expect(results).toMatch(/Styring og internkontroll 0/);
    expect(results).toContain(owner[0]?.tekst.nb ?? "?");
    expect(results).toContain(owner[0]?.tiltak[0]?.tekst.nb ?? "?");
    // Each gap says where it is, named as on the round page, and how much the question counts.
    expect(results).toMatch(
      /Eierens del \(Demo kommune\) · Styring og internkontroll · nivå 1 · viktighet: (lav|middels|høy)/,
    );
    // The demo has last spring's round for Demo kommune and six other owners.
    expect(results).toContain("Endring siden «Kartlegging våren 2026»");
    // Every styring question was answered 1 now; the spring round had higher levels for some.
    expect(results).toMatch(/Endring per spørsmål \(\d+\)/);
    expect(results).toContain("Sammenlignet med andre eiere");
    expect(results).toContain("Median");
  });

  it("shows a unit's leader the results of their unit only, and the personvernombud every part", async () => {
    // The leader finds the results from the round's page.
    expect((await leder.page(`/kartlegging/${roundId}`)).html).toContain(`/kartlegging/${roundId}/resultat`);
    const mine = textOf((await leder.page(`/kartlegging/${roundId}/resultat`)).html);
    expect(mine).toContain("Du ser resultatet for Eik barneskole.");
    expect(mine).toContain("Poeng per område");
    // Not the owner's part, not the other unit, and no comparison with other owners.
    expect(mine).not.toContain("Eierens del");
    expect(mine).not.toContain("Solsikken barnehage");
    expect(mine).not.toContain("Sammenlignet med andre eiere");
    // The spreadsheet holds the answers of the leader's unit only.
    const xlsx = await leder.get(`/kartlegging/${roundId}/rapport/xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheets = JSON.stringify(book.worksheets.map((w) => w.getSheetValues()));
    expect(sheets).toContain("Eik barneskole");
    expect(sheets).not.toContain("Eierens del");
    // The koordinator's own copy has the owner's part.
    const full = new ExcelJS.Workbook();
    await full.xlsx.load(await (await koordinator.get(`/kartlegging/${roundId}/rapport/xlsx`)).arrayBuffer());
    expect(JSON.stringify(full.worksheets.map((w) => w.getSheetValues()))).toContain("Eierens del");

    // The personvernombud reads every part, and the comparison.
    const ombud = new TestClient(server.url);
    await ombud.login("personvernombud@demo.oppvern.no");
    expect((await ombud.page(`/kartlegging/${roundId}`)).html).toContain(`/kartlegging/${roundId}/resultat`);
    const all = textOf((await ombud.page(`/kartlegging/${roundId}/resultat`)).html);
    expect(all).toContain("Eierens del");
    expect(all).toContain("Eik barneskole");
    expect(all).toContain("Sammenlignet med andre eiere");
    expect(all).not.toContain("Du ser resultatet for");
    // Staff without a leader's role still get 404.
    for (const path of [`/kartlegging/${roundId}/resultat`, `/kartlegging/${roundId}/rapport/pdf`])
      expect((await ansatt.get(path)).status, path).toBe(404);
  });

  it("refuses every look and change from another owner with 404, and nothing changes", async () => {
    const before = await answerCount();
    for (const path of [
      `/kartlegging/${roundId}`,
      `/kartlegging/${roundId}/eier/styring`,
      `/kartlegging/${roundId}/${eik}/opplaering`,
      `/kartlegging/${roundId}/avstemming`,
      `/kartlegging/${roundId}/resultat`,
      `/kartlegging/${roundId}/rapport/xlsx`,
    ])
      expect((await nabo.get(path)).status, path).toBe(404);
    const q = ownerQuestions("styring")[0]?.id ?? "";
    expect(
      (
        await nabo.post(`/kartlegging/${roundId}/eier/styring`, [
          ["intent", "save"],
          [`niva-${q}`, "5"],
        ])
      ).status,
    ).toBe(404);
    expect((await nabo.post(`/kartlegging/${roundId}`, { intent: "close" })).status).toBe(404);
    expect(await answerCount()).toBe(before);
    expect(textOf((await nabo.page("/kartlegging")).html)).not.toContain("Kartlegging høsten 2026");
  });

  it("closes the round; from then on answers are refused and nothing changes", async () => {
    const [q1, q2] = unitQuestions("opplaering", "skole");
    // Saved just before the round closes: the server remembers this part for a moment, and the
    // late answer below must still be refused.
    const justInTime = await leder.post(`/kartlegging/${roundId}/${eik}/opplaering/autosave`, [
      ["sporsmal", q2?.id ?? ""],
      [`niva-${q2?.id}`, "2"],
    ]);
    expect(justInTime.status).toBe(200);
    expect((await leder.post(`/kartlegging/${roundId}`, { intent: "close" })).status).toBe(404);
    // Closing asks once more, and says what is still unanswered; the round is still open.
    const asked = await koordinator.post(`/kartlegging/${roundId}`, { intent: "close" });
    expect(asked.status).toBe(200);
    const askedText = textOf(await asked.text());
    expect(askedText).toContain("Vil du avslutte runden nå?");
    expect(askedText).toMatch(/\d+ av \d+ spørsmål har ikke svar, og \d+ har ulike svar/);
    expect(
      (
        await leder.post(`/kartlegging/${roundId}/${eik}/opplaering/autosave`, [
          ["sporsmal", q2?.id ?? ""],
          [`niva-${q2?.id}`, "2"],
        ])
      ).status,
    ).toBe(200);
    const closed = await koordinator.post(`/kartlegging/${roundId}`, { intent: "close", bekreft: "1" });
    expect(closed.status).toBe(200);
    expect(textOf(await closed.text())).toContain("Runden er avsluttet. Nå kan ingen endre svarene.");
    const before = await answerCount();
    const late = await leder.post(`/kartlegging/${roundId}/${eik}/opplaering/autosave`, [
      ["sporsmal", q1?.id ?? ""],
      [`niva-${q1?.id}`, "5"],
    ]);
    expect(late.status).toBe(409);
    expect(await late.json()).toEqual({ message: "assessment.error.closed" });
    expect(await answerCount()).toBe(before);
    const late2 = await leder.post(`/kartlegging/${roundId}/${eik}/opplaering/autosave`, [
      ["sporsmal", q2?.id ?? ""],
      [`niva-${q2?.id}`, "4"],
    ]);
    expect(late2.status).toBe(409);
    const kept = await server.services.db
      .selectFrom("assessment_answer")
      .select("level")
      .where("round_id", "=", roundId)
      .where("scope", "=", eik)
      .where("question_id", "=", q2?.id ?? "")
      .execute();
    expect(kept.map((a) => a.level)).toEqual([2]); // the answer saved before closing, unchanged
    expect(
      (await koordinator.post(`/kartlegging/${roundId}`, { intent: "close", bekreft: "1" })).status,
    ).toBe(409);
    const scores = await server.services.db
      .selectFrom("assessment_area_score")
      .selectAll()
      .where("round_id", "=", roundId)
      .execute();
    expect(scores.find((s) => s.area_id === "styring")?.score).toBe(0);
  });

  it("exports the report as XLSX, PDF and DOCX that open again with the answers", async () => {
    const [q1] = unitQuestions("opplaering", "skole");
    const xlsx = await koordinator.get(`/kartlegging/${roundId}/rapport/xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const all = JSON.stringify(book.worksheets.map((w) => w.getSheetValues()));
    expect(all).toContain("Vi har kurs hver høst.");
    expect(all).toContain("https://intranett.demo.no/opplaering");
    expect(all).toContain("Lars Leder");
    expect(all).toContain("Kursplan 2026.pdf");
    expect(all).toContain(q1?.tekst.nb ?? "?");
    // Column headers as a spreadsheet's, not the form's hints.
    const headers = book.worksheets.flatMap((w) => (w.getRow(1).values as unknown[]).filter(Boolean));
    expect(headers).toEqual(expect.arrayContaining(["Nivå", "Vekt", "Kommentar", "Lenke til dokumentasjon"]));
    expect(headers.join(" ")).not.toContain("(valgfri)");
    // When each answer was saved, in Norwegian time, as the incident log's workbook writes it.
    const saved = await server.services.db
      .selectFrom("assessment_answer")
      .select("updated_at")
      .where("round_id", "=", roundId)
      .execute();
    for (const a of saved) expect(all).toContain(minuteInNorway(a.updated_at));

    const pdf = await koordinator.get(`/kartlegging/${roundId}/rapport/pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    // The file is named after the owner and the round, «kartlegging» once: an ASCII name, and the
    // real one for clients that read it.
    expect(pdf.headers.get("content-disposition")).toBe(
      `attachment; filename="kartlegging-demo-kommune-hosten-2026.pdf"; filename*=UTF-8''kartlegging-demo-kommune-h%C3%B8sten-2026.pdf`,
    );
    const pdfBytes = new Uint8Array(await pdf.arrayBuffer());
    // Tagged for a screen reader, like the registers' exports: the language, the headings, and the
    // table of scores per area with its header cells.
    const tags = await readTags(pdfBytes.slice());
    expect(tags.lang).toBe("nb");
    expect(tags.marked).toBe(true);
    // (A line broken inside the heading loses its space in the extracted text.)
    expect(textsOf(tags.elements, "H1").map((h) => h.replace(/\s+/g, ""))).toEqual([
      "Kartleggingavpersonvernoginformasjonssikkerhet–Kartlegginghøsten2026",
    ]);
    expect(textsOf(tags.elements, "H2")).toEqual([
      "Poeng per område",
      "Enheter og områder",
      expect.stringMatching(/^Hull å tette \(\d+\)$/),
    ]);
    expect(textsOf(tags.elements, "TH").slice(0, 3)).toEqual(["Område", "Poeng", "Svart"]);
    // The scores per part and area: one row per part, the areas as numbered columns (53 units fit
    // on a few pages), numbered as in the table of scores per area.
    const areaCount = bank.areas.length;
    expect(textsOf(tags.elements, "TH").slice(3)).toEqual([
      "Del",
      ...Array.from({ length: areaCount }, (_, i) => String(i + 1)),
    ]);
    expect(textsOf(tags.elements, "TD")).toContain(`1. ${bank.areas[0]?.tittel.nb}`);
    const { text } = await extractText(await getDocumentProxy(pdfBytes), {
      mergePages: true,
    });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Kartlegging høsten 2026");
    expect(flat).toContain("Styring og internkontroll");
    // How much of the round the scores rest on, in every format.
    const coverage = /Poengene bygger på svar på (\d+) av (\d+) spørsmål/;
    const [, answeredPdf, totalPdf] = flat.match(coverage) ?? [];
    expect(Number(answeredPdf)).toBeGreaterThan(0);
    expect(Number(totalPdf)).toBeGreaterThan(Number(answeredPdf));
    const web = textOf((await koordinator.page(`/kartlegging/${roundId}/resultat`)).html);
    expect(web.match(coverage)?.slice(1)).toEqual([answeredPdf, totalPdf]);

    const docx = await koordinator.get(`/kartlegging/${roundId}/rapport/docx`);
    const zip = await JSZip.loadAsync(await docx.arrayBuffer());
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("Kartlegging høsten 2026");
    expect(xml).toContain(ownerQuestions("styring")[0]?.tiltak[0]?.tekst.nb.slice(0, 20) ?? "?");
    expect(xml).toContain(`Poengene bygger på svar på ${answeredPdf} av ${totalPdf} spørsmål`);
    // The same content as the PDF: the scores per part as a table with the areas as numbered columns.
    expect(xml).toContain("Hver kolonne er et område, med samme nummer som i tabellen «Poeng per område».");
    expect(xml).toContain(`1. ${bank.areas[0]?.tittel.nb}`);
  });

  it("shows the results in nynorsk", async () => {
    const nn = textOf((await koordinator.page(`/kartlegging/${roundId}/resultat?lang=nn`)).html);
    expect(nn).toContain("Poeng per område");
    expect(nn).toContain(bank.areas[0]?.tittel.nn ?? "?");
    expect(nn).toContain("Hol å tette");
    expect(nn).toMatch(/Poenga byggjer på svar på \d+ av \d+ spørsmål/);
  });

  it("serves the question bank", async () => {
    const body = await (await fetch(`${server.url}/api/v1/sporsmalsbank`)).json();
    expect(body.versjon).toBe(bank.versjon);
    expect(body.omrader.length).toBeGreaterThanOrEqual(12);
    const count = body.omrader.reduce((n: number, a: { sporsmal: unknown[] }) => n + a.sporsmal.length, 0);
    expect(count).toBeGreaterThanOrEqual(90);
    expect(body.omrader[0].sporsmal[0]).toHaveProperty("tekst.nn");
    expect(body.omrader[0].sporsmal[0]).toHaveProperty("tiltak");
  });
});

describe.each(dialects)("the anonymous comparison on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: false });
  });
  afterAll(() => server.close());

  it("shows an area only when at least five owners have closed a round, and counts each owner's latest round once", async () => {
    const { comparison: cachedComparison, forgetComparison } = await import("./results.server.ts");
    // A close drops the cached comparison; here rows are written directly, so drop it each time.
    const comparison = (db: Parameters<typeof cachedComparison>[0]) => {
      forgetComparison();
      return cachedComparison(db);
    };
    const db = server.services.db;
    const owner = async (i: number) => {
      const id = `eier-${i}`;
      await db
        .insertInto("organisation")
        .values({
          id,
          kind: "eier",
          name: `Eier ${i}`,
          org_number: null,
          owner_type: "kommune",
          unit_type: null,
          parent_id: null,
          created_at: "2026-01-01T00:00:00.000Z",
          archived_at: null,
        })
        .execute();
      return id;
    };
    const round = async (ownerId: string, n: number, score: number, closedAt: string) => {
      const id = `${ownerId}-r${n}`;
      await db
        .insertInto("assessment_round")
        .values({
          id,
          owner_id: ownerId,
          title: "R",
          bank_version: "2026.1",
          deadline: null,
          status: "closed",
          created_by: null,
          created_at: closedAt,
          closed_at: closedAt,
        })
        .execute();
      await db
        .insertInto("assessment_area_score")
        .values({ round_id: id, owner_id: ownerId, area_id: "styring", score, closed_at: closedAt })
        .execute();
    };
    const ids = [];
    for (let i = 1; i <= 4; i++) ids.push(await owner(i));
    for (const [i, id] of ids.entries()) await round(id, 1, (i + 1) * 10, "2026-02-01T00:00:00.000Z");
    expect((await comparison(db)).get("styring")).toBeUndefined();
    // An owner's second round replaces its first; it does not count as another owner.
    await round(ids[0] as string, 2, 90, "2026-06-01T00:00:00.000Z");
    expect((await comparison(db)).get("styring")).toBeUndefined();
    ids.push(await owner(5));
    await round(ids[4] as string, 1, 50, "2026-02-01T00:00:00.000Z");
    // Scores 20, 30, 40, 50, 90: median 40, quartiles 30 and 50.
    expect((await comparison(db)).get("styring")).toEqual({ owners: 5, q1: 30, median: 40, q3: 50 });
  });
});

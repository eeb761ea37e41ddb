import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn, TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
  userIdOf,
} from "../../../tests/support/test-server.ts";
import { createVerifiedAccount } from "../auth/accounts.server.ts";
import { addMembership } from "../orgs/memberships.server.ts";
import { STATEMENTS } from "./evaluation.server.ts";

const as = signedIn;

/** A filled-in form: every statement the same choice, unless given. */
const answer = (value: string, extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(STATEMENTS.map((s) => [s, value])),
  ...extra,
});

describe.each(dialects)("the programme's evaluation on %s", (dialect) => {
  let server: TestServer;
  let lead: TestClient;
  let guide: TestClient;
  let coordinator: TestClient;
  let dpo: TestClient;
  let staff: TestClient;
  let extra: TestClient[];
  let programme: string;
  let url: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    const { db } = server.services;
    programme = (await db.selectFrom("programme").select("id").executeTakeFirstOrThrow()).id;
    url = `/program/${programme}/evaluering`;
    const network = await organisationIdOf(server, "Demo digitaliseringsnettverk");
    for (const name of ["guide2", "guide3"]) {
      const id = await createVerifiedAccount(server.services, {
        name,
        email: `${name}@demo.oppvern.no`,
        password: "oppvern-demo",
        locale: "nb",
      });
      await addMembership(db, { userId: id, organisationId: network, role: "veileder", actorUserId: null });
    }
    [lead, guide, coordinator, dpo, staff, ...extra] = await Promise.all([
      as(server, "programansvarlig@demo.oppvern.no"),
      as(server, "veileder@demo.oppvern.no"),
      as(server, "koordinator@demo.oppvern.no"),
      as(server, "personvernombud@demo.oppvern.no"),
      as(server, "ansatt@demo.oppvern.no"),
      as(server, "guide2@demo.oppvern.no"),
      as(server, "guide3@demo.oppvern.no"),
    ]);
  });
  afterAll(() => server.close());

  it("is a 404 for those outside the programme, and the programansvarlig cannot answer", async () => {
    expect((await staff.page(url)).response.status).toBe(404);
    expect((await staff.post(url, answer("5"))).status).toBe(404);
    const outsider = new TestClient(server.url);
    await createVerifiedAccount(server.services, {
      name: "Ute",
      email: "ute@annet.no",
      password: "oppvern-demo",
      locale: "nb",
    });
    await outsider.login("ute@annet.no");
    expect((await outsider.page(url)).response.status).toBe(404);
    expect((await outsider.post(url, answer("5"))).status).toBe(404);
    const page = textOf((await lead.page(url)).html);
    expect(page).not.toContain("Send svaret");
    expect(page).toContain("0 av minst 5 svar så langt");
    expect((await lead.post(url, answer("5"))).status).toBe(404);
  });

  it("says what to fix, keeps what was typed, then takes one anonymous answer per person", async () => {
    const form = textOf((await dpo.page(url)).html);
    expect(form).toContain("Svaret ditt er anonymt");
    const refused = await dpo.post(url, { ...answer("4"), gatherings: "", tool: "9", best: "Samlingene" });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(textOf(html)).toContain("Velg et svar");
    expect(html).toContain("Samlingene</textarea>");
    expect(
      await server.services.db.selectFrom("programme_evaluation_response").selectAll().execute(),
    ).toHaveLength(0);

    const done = await dpo.post(url, answer("5", { best: "Veilederen", change: "Flere samlinger" }));
    expect(done.status).toBe(303);
    const after = textOf((await dpo.page(url)).html);
    expect(after).toContain("Du har svart på evalueringen");
    expect(after).not.toContain("Send svaret");
    expect((await dpo.post(url, answer("1"))).status).toBe(409);

    const { db } = server.services;
    const responses = await db.selectFrom("programme_evaluation_response").selectAll().execute();
    expect(responses).toHaveLength(1);
    expect(Object.keys(responses[0] ?? {}).sort()).toEqual([
      "answers",
      "id",
      "month",
      "programme_id",
      "role",
    ]);
    expect(responses[0]?.month).toMatch(/^\d{4}-\d{2}$/);
    expect(responses[0]?.role).toBe("deltaker");
    const dpoId = await userIdOf(server, "personvernombud@demo.oppvern.no");
    expect(responses[0]?.answers).not.toContain(dpoId);
    const respondents = await db.selectFrom("programme_evaluation_respondent").selectAll().execute();
    expect(respondents.map((r) => Object.keys(r).sort())).toEqual([["programme_id", "user_id"]]);
    expect(respondents[0]?.user_id).toBe(dpoId);
    // On SQLite the answers are not kept in the order they came in (no rowid to line up with the
    // respondents' rowids): the table is WITHOUT ROWID.
    if (dialect === "sqlite")
      await expect(sql`select rowid from programme_evaluation_response`.execute(db)).rejects.toThrow(
        /no such column/,
      );

    const programmePage = textOf((await dpo.page(`/program/${programme}`)).html);
    expect(programmePage).toContain("Du har svart på evalueringen. Takk!");
  });

  it("hides the results below 5 answers, and refuses answers while closed", async () => {
    const results = textOf((await guide.page(url)).html);
    expect(results).toContain("1 av minst 5 svar så langt");
    expect(results).not.toContain("Flere samlinger");
    // Below 5 answers there is nothing to download either.
    expect((await guide.get(`${url}/xlsx`)).status).toBe(404);
    expect((await lead.post(url, { intent: "close" })).status).toBe(303);
    expect(textOf((await coordinator.page(url)).html)).toContain("Evalueringen er stengt");
    expect((await coordinator.post(url, answer("4"))).status).toBe(409);
    expect((await lead.post(url, { intent: "open" })).status).toBe(303);
    expect((await guide.post(url, { intent: "close" })).status).toBe(404);
    // Who closed and opened it is in the network's audit log; the guide's refused try is not.
    const log = await server.services.db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id"])
      .where("entity_id", "=", programme)
      .where("action", "like", "programme.evaluation.%")
      .orderBy("id")
      .execute();
    expect(log.map((l) => l.action)).toEqual(["programme.evaluation.close", "programme.evaluation.open"]);
    expect(new Set(log.map((l) => l.actor_user_id))).toEqual(
      new Set([await userIdOf(server, "programansvarlig@demo.oppvern.no")]),
    );
  });

  it("shows the counts and averages at 5 answers, with the free texts", async () => {
    expect((await coordinator.post(url, answer("4"))).status).toBe(303);
    expect((await guide.post(url, answer("4"))).status).toBe(303);
    expect((await extra[0]?.post(url, answer("4", { best: "Arbeidsdelingen" })))?.status).toBe(303);
    expect((await extra[1]?.post(url, answer("0")))?.status).toBe(303);
    const { db } = server.services;
    const roles = (await db.selectFrom("programme_evaluation_response").select("role").execute()).map(
      (r) => r.role,
    );
    expect(roles.sort()).toEqual(["deltaker", "deltaker", "veileder", "veileder", "veileder"]);
    const html = (await lead.page(url)).html;
    const text = textOf(html);
    expect(text).toContain("Antall svar: 5");
    expect(text).toContain("Alle svar (5)");
    // Not split: neither group has 5 answers.
    expect(text).not.toContain("Veiledere (");
    // 5, 4, 4, 4 and one "vet ikke": the average leaves out "vet ikke".
    expect(text).toContain("Samlingene var nyttige for oss. 0 0 0 3 1 1 4,3");
    expect(text).toContain("Arbeidsdelingen");
    expect(text).toContain("Flere samlinger");
    expect(html).toContain('<th scope="row"');

    // The same figures as a workbook for the network's report, opened again; the free texts sorted.
    const file = await lead.get(`${url}/xlsx`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toContain(".xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await file.arrayBuffer()) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Alle svar (5)",
      "Hva fungerte best ",
      "Hva bør endres ",
    ]);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "Påstand",
      "Helt uenig",
      "Litt uenig",
      "Verken enig eller uenig",
      "Litt enig",
      "Helt enig",
      "Vet ikke",
      "Snitt (1–5)",
    ]);
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      "Samlingene var nyttige for oss.",
      0,
      0,
      0,
      3,
      1,
      1,
      4.3,
    ]);
    const best = (book.worksheets[1]?.getSheetValues() ?? []).flatMap((row) =>
      Array.isArray(row) ? [row[1]] : [],
    );
    expect(best).toEqual([
      "Hva fungerte best?",
      ...[...best.slice(1)].sort((a, b) => String(a).localeCompare(String(b), "nb")),
    ]);
    expect(best).toContain("Arbeidsdelingen");
    // A participant reads no results, so no workbook either.
    expect((await coordinator.get(`${url}/xlsx`)).status).toBe(404);
  });
});

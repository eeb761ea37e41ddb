import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
} from "../../../tests/support/test-server.ts";
import { DAY } from "../../lib/time.ts";
import { ensureCertificates } from "../learning/certificates.server.ts";
import { completeModule } from "../learning/progress.server.ts";
import { addMembership } from "../orgs/memberships.server.ts";
import {
  deleteInactiveAccounts,
  GRACE_DAYS,
  INACTIVE_AFTER_DAYS,
  warnInactiveAccounts,
} from "./inactive-accounts.server.ts";

const PASSWORD = "fem ord som huskes";

describe.each(dialects)("unused course accounts on %s", (dialect) => {
  let server: TestServer;
  const ids: Record<string, string> = {};
  const mailsTo = (to: string) =>
    server.services.db
      .selectFrom("outbox")
      .select(["subject", "text_body"])
      .where("to_address", "=", to)
      .execute();
  const warningsTo = async (to: string) =>
    (await mailsTo(to)).filter((m) => m.subject.includes("blir slettet"));
  const exists = async (id: string) =>
    (await server.services.db.selectFrom("user").select("id").where("id", "=", id).executeTakeFirst()) !==
    undefined;

  /** Registers a course account, confirms its address and signs in once. */
  async function courseAccount(name: string, email: string) {
    const client = new TestClient(server.url);
    await client.post("/registrer", { name, email, password: PASSWORD, password2: PASSWORD });
    const [mail] = await mailsTo(email);
    const link = new URL(mail?.text_body.match(/https?:\/\/\S+/)?.[0] ?? "");
    await client.page(link.pathname + link.search);
    expect((await client.post("/logg-inn", { email, password: PASSWORD })).status).toBe(303);
    const user = await server.services.db
      .selectFrom("user")
      .select("id")
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    ids[email] = user.id;
    return client;
  }

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
  });
  afterAll(() => server.close());

  it("records each sign-in", async () => {
    await courseAccount("Ola Ubrukt", "ola@skole.no");
    await courseAccount("Pia Tilbake", "pia@skole.no");
    await courseAccount("Rita Rolle", "rita@skole.no");
    const rows = await server.services.db.selectFrom("account_activity").selectAll().execute();
    for (const email of ["ola@skole.no", "pia@skole.no", "rita@skole.no"])
      expect(rows.find((r) => r.user_id === ids[email])?.warned_at, email).toBeNull();
  });

  it("warns course accounts unused for two years by e-mail, once, and never staff", async () => {
    const { db, mailer } = server.services;
    const options = { publicUrl: server.url };
    // A day short of two years: nobody yet.
    expect(
      await warnInactiveAccounts(db, mailer, {
        ...options,
        now: Date.now() + (INACTIVE_AFTER_DAYS - 1) * DAY,
      }),
    ).toBe(0);
    const later = Date.now() + (INACTIVE_AFTER_DAYS + 1) * DAY;
    expect(await warnInactiveAccounts(db, mailer, { ...options, now: later })).toBe(3);
    expect(await warnInactiveAccounts(db, mailer, { ...options, now: later })).toBe(0);
    const [warning] = await warningsTo("ola@skole.no");
    expect(warning?.subject).toMatch(/^Kontoen din i Oppvern blir slettet \d+\. \w+ \d{4}$/);
    expect(warning?.text_body).toContain("Du har ikke logget inn i Oppvern på to år");
    expect(warning?.text_body).toContain(`${server.url}/logg-inn`);
    // Accounts with a role belong to an owner's staff: never warned by this job.
    expect(await warningsTo("koordinator@demo.oppvern.no")).toEqual([]);
    expect(await warningsTo("ansatt@demo.oppvern.no")).toEqual([]);
  });

  it("deletes a warned account a month later, with its progress and certificates, unless its owner signed in or got a role", async () => {
    const { db } = server.services;
    const ola = ids["ola@skole.no"] as string;
    await completeModule(db, `u:${ola}`, ola, "skole", 1, "individuelt");
    await ensureCertificates(db, ola);
    expect(
      await db.selectFrom("certificate").select("code").where("user_id", "=", ola).execute(),
    ).not.toEqual([]);
    // Pia signs in after the warning; Rita is given a role at a school.
    const pia = new TestClient(server.url);
    expect((await pia.post("/logg-inn", { email: "pia@skole.no", password: PASSWORD })).status).toBe(303);
    await addMembership(db, {
      userId: ids["rita@skole.no"] as string,
      organisationId: await organisationIdOf(server, "Eik barneskole"),
      role: "ansatt",
      actorUserId: ids["rita@skole.no"] as string,
    });
    const warnedAt = Date.now() + (INACTIVE_AFTER_DAYS + 1) * DAY;
    // Not before the month is out.
    expect(await deleteInactiveAccounts(db, { now: warnedAt + (GRACE_DAYS - 1) * DAY })).toBe(0);
    expect(await deleteInactiveAccounts(db, { now: warnedAt + (GRACE_DAYS + 1) * DAY })).toBe(1);
    expect(await exists(ola)).toBe(false);
    expect(await db.selectFrom("certificate").select("code").where("user_id", "=", ola).execute()).toEqual(
      [],
    );
    expect(
      await db.selectFrom("module_completion").select("id").where("user_id", "=", ola).execute(),
    ).toEqual([]);
    expect(await exists(ids["pia@skole.no"] as string)).toBe(true);
    expect(await exists(ids["rita@skole.no"] as string)).toBe(true);
    // Ola can no longer sign in; Pia still can.
    const gone = await new TestClient(server.url).post("/logg-inn", {
      email: "ola@skole.no",
      password: PASSWORD,
    });
    expect(textOf(await gone.text())).toContain("E-postadressen eller passordet er feil");
    expect(
      (await new TestClient(server.url).post("/logg-inn", { email: "pia@skole.no", password: PASSWORD }))
        .status,
    ).toBe(303);
  });

  it("says so in the privacy statement", async () => {
    const text = textOf((await new TestClient(server.url).page("/personvern")).html);
    expect(text).toContain("ikke har logget inn på to år, får du et varsel på e-post");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import { dialects, startTestServer, type TestServer } from "../../../tests/support/test-server.ts";
import { dayInNorway, formatDate } from "../../lib/time.ts";
import { sendDueReminders } from "./assignments.server.ts";
import { completeModule } from "./progress.server.ts";

/** A calendar date `days` after today in Norway, the day the due dates and reminders count from. */
const inDays = (days: number) => {
  const [y, m, d] = dayInNorway().split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
};

describe.each(dialects)("assigned modules and reminders on %s", (dialect) => {
  let server: TestServer;
  let koordinator: TestClient;
  let demo: string;
  let eik: string;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    const id = async (name: string) =>
      (
        await server.services.db
          .selectFrom("organisation")
          .select("id")
          .where("name", "=", name)
          .executeTakeFirstOrThrow()
      ).id;
    demo = await id("Demo kommune");
    eik = await id("Eik barneskole");
  });
  afterAll(() => server.close());

  const outbox = (to: string) =>
    server.services.db
      .selectFrom("outbox")
      .select(["subject", "text_body"])
      .where("to_address", "=", to)
      .where("subject", "like", "%skolen, Modul 1%")
      .execute();

  it("refuses a due date in the past, says why, and keeps the choices", async () => {
    const response = await koordinator.post(`/eiere/${demo}/kompetanse`, {
      intent: "assign",
      module: "skole/1",
      role: "alle",
      unitId: eik,
      dueDate: "2020-01-01",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(textOf(html)).toContain("Fristen kan ikke være i fortiden");
    expect(html).toContain('value="2020-01-01"');
  });

  it("assigns a module; staff see it, get one reminder a week before and one when overdue, and none once done", async () => {
    const ok = await koordinator.post(`/eiere/${demo}/kompetanse`, {
      intent: "assign",
      module: "skole/1",
      role: "alle",
      unitId: eik,
      dueDate: inDays(5),
    });
    expect(ok.status).toBe(200);
    expect(textOf(await ok.text())).toContain("Modulen er tildelt");

    const anne = new TestClient(server.url);
    await anne.login("ansatt@demo.oppvern.no");
    expect(textOf((await anne.page("/kompetanse")).html)).toContain(
      `Personvern i skolen, Modul 1 – Frist ${formatDate(inDays(5), "nb")}`,
    );

    const { db, mailer } = server.services;
    const options = { publicUrl: server.url, today: inDays(0) };
    expect(await sendDueReminders(db, mailer, options)).toBe(2); // Anne and Lars at Eik
    expect(await sendDueReminders(db, mailer, options)).toBe(0); // never twice
    const mails = await outbox("ansatt@demo.oppvern.no");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe("Påminnelse: Personvern i skolen, Modul 1 i Oppvern");
    expect(mails[0]?.text_body).toContain(`${server.url}/kompetanse/skole/1`);

    // Lars completes it; after the due date only Anne is reminded again.
    const lars = await db
      .selectFrom("user")
      .select("id")
      .where("email", "=", "leder@demo.oppvern.no")
      .executeTakeFirstOrThrow();
    await completeModule(db, `u:${lars.id}`, lars.id, "skole", 1, "individuelt");
    expect(await sendDueReminders(db, mailer, { ...options, today: inDays(6) })).toBe(1);
    const overdue = await outbox("ansatt@demo.oppvern.no");
    expect(overdue.map((m) => m.subject)).toContain(
      "Fristen har gått ut: Personvern i skolen, Modul 1 i Oppvern",
    );
  });

  it("lets only the coordinator assign, and never for another owner", async () => {
    const ombud = new TestClient(server.url);
    await ombud.login("personvernombud@demo.oppvern.no");
    expect(
      (
        await ombud.post(`/eiere/${demo}/kompetanse`, {
          intent: "assign",
          module: "skole/1",
          role: "alle",
          dueDate: inDays(3),
        })
      ).status,
    ).toBe(404);
    const nabo = new TestClient(server.url);
    await nabo.login("koordinator@nabo.oppvern.no");
    const naboId = (
      await server.services.db
        .selectFrom("organisation")
        .select("id")
        .where("name", "=", "Nabo kommune")
        .executeTakeFirstOrThrow()
    ).id;
    // A Demo unit on Nabo's own page is refused.
    const response = await nabo.post(`/eiere/${naboId}/kompetanse`, {
      intent: "assign",
      module: "skole/1",
      role: "alle",
      unitId: eik,
      dueDate: inDays(3),
    });
    expect(response.status).toBe(400);
  });
});

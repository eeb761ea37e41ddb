import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import { dialects, startTestServer, type TestServer } from "../../../tests/support/test-server.ts";
import { parseModuleFile } from "../learning/parse-module.ts";

const module = parseModuleFile(
  readFileSync("content/learning/barnehage/3/nb.yaml", "utf8"),
  "barnehage/3/nb.yaml",
);

/** Reads the first "change" event from a session's event stream, or null after the timeout. */
async function firstEvent(url: string, cookie: string, trigger: () => Promise<unknown>, timeoutMs = 3000) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie }, signal: controller.signal });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  await trigger();
  try {
    while (!text.includes("event: change")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
  } catch {
    // aborted: no event came
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return text.includes("event: change") ? text : null;
}

describe.each(dialects)("group sessions on %s", (dialect) => {
  let server: TestServer;
  let leder: TestClient;
  let eikId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    leder = new TestClient(server.url);
    await leder.login("leder@demo.oppvern.no");
    eikId = (
      await server.services.db
        .selectFrom("organisation")
        .select("id")
        .where("name", "=", "Eik barneskole")
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => server.close());

  const start = async () => {
    const created = await leder.post("/gruppe", { pakke: "barnehage", modul: "3", unitId: eikId });
    expect(created.status).toBe(303);
    const path = created.headers.get("location") ?? "";
    const page = await leder.page(path);
    const code =
      textOf(page.html)
        .match(/\b(\d{3}) (\d{3})\b/)
        ?.slice(1)
        .join("") ?? "";
    expect(code).toMatch(/^\d{6}$/);
    return { path, code };
  };

  const join = async (code: string) => {
    const phone = new TestClient(server.url);
    const joined = await phone.post("/delta", { kode: code });
    expect(joined.status).toBe(303);
    expect(joined.headers.get("location")).toBe(`/delta/${code}`);
    return phone;
  };

  it("runs a session: phones join with the code, answer once each, and the presenter sees the distribution", async () => {
    const { path, code } = await start();
    const phones = [await join(code), await join(code), await join(code)];
    expect(textOf((await leder.page(path)).html)).toContain("Deltakere: 3");
    expect(textOf((await phones[0]?.page(`/delta/${code}`))?.html ?? "")).toContain("Følg med på skjermen");

    await leder.post(path, { intent: "start-quiz" });
    const question = module.quiz[0];
    const right = question?.options.find((o) => o.correct)?.id ?? "a";
    const wrong = question?.options.find((o) => !o.correct)?.id ?? "b";
    expect(textOf((await phones[0]?.page(`/delta/${code}`))?.html ?? "")).toContain(
      question?.question.slice(0, 30) ?? "",
    );

    expect(
      (await phones[0]?.post(`/delta/${code}`, { questionId: question?.id ?? "", option: right }))?.status,
    ).toBe(303);
    expect(
      (await phones[1]?.post(`/delta/${code}`, { questionId: question?.id ?? "", option: right }))?.status,
    ).toBe(303);
    expect(
      (await phones[2]?.post(`/delta/${code}`, { questionId: question?.id ?? "", option: wrong }))?.status,
    ).toBe(303);
    // A second tap is refused with a message on the phone's page, and not counted.
    const again = await phones[2]?.post(`/delta/${code}`, { questionId: question?.id ?? "", option: right });
    expect(again?.status).toBe(303);
    const againPage = again?.headers.get("location") ?? "";
    expect(textOf((await phones[2]?.page(againPage))?.html ?? "")).toContain("allerede svart");
    // An answer to a question that is not open is refused.
    const closed = await phones[0]?.post(`/delta/${code}`, {
      questionId: module.quiz[1]?.id ?? "",
      option: "a",
    });
    expect(closed?.headers.get("location")).toBe(`/delta/${code}?melding=closed`);
    expect(textOf((await phones[0]?.page(`/delta/${code}?melding=closed`))?.html ?? "")).toContain(
      "spørsmålet er stengt",
    );
    // No option chosen: the phone is asked to choose one; nothing is counted.
    const empty = await phones[1]?.post(`/delta/${code}`, { questionId: question?.id ?? "" });
    expect(empty?.headers.get("location")).toBe(`/delta/${code}?melding=invalid`);
    // A phone that never joined is sent to the join page; an unknown code back to the ended page.
    const stranger = await new TestClient(server.url).post(`/delta/${code}`, {
      questionId: question?.id ?? "",
      option: right,
    });
    expect(stranger.headers.get("location")).toBe(`/delta?kode=${code}`);
    const unknown = await phones[0]?.post("/delta/000000", { questionId: question?.id ?? "", option: right });
    expect(unknown?.headers.get("location")).toBe("/delta/000000");

    expect(textOf((await leder.page(path)).html)).toContain("Svar: 3 av 3");
    await leder.post(path, { intent: "reveal" });
    const revealed = textOf((await leder.page(path)).html);
    expect(revealed).toMatch(new RegExp(`${right.toUpperCase()} \\(riktig\\) 2`));
    expect(textOf((await phones[2]?.page(`/delta/${code}`))?.html ?? "")).toContain("Ikke helt riktig");

    // After the last question: attendance from the unit's staff list counts as completion in group.
    for (let i = 0; i < module.quiz.length; i++) await leder.post(path, { intent: "next-question" });
    expect(textOf((await leder.page(path)).html)).toContain("Hvem var med?");
    const anne = await server.services.db
      .selectFrom("user")
      .select("id")
      .where("email", "=", "ansatt@demo.oppvern.no")
      .executeTakeFirstOrThrow();
    const outsider = await server.services.db
      .selectFrom("user")
      .select("id")
      .where("email", "=", "koordinator@nabo.oppvern.no")
      .executeTakeFirstOrThrow();
    const nobody = await leder.post(path, { intent: "attendance" });
    expect(textOf(await nobody.text())).toContain("Oppmøtet er lagret: ingen er krysset av.");
    const saved = await leder.post(path, { intent: "attendance", userId: anne.id });
    expect(textOf(await saved.text())).toContain("Oppmøtet er lagret for 1 person.");
    await leder.post(path, { intent: "attendance", userId: outsider.id });
    const completions = await server.services.db
      .selectFrom("module_completion")
      .selectAll()
      .where("package", "=", "barnehage")
      .where("module", "=", 3)
      .execute();
    expect(completions.map((c) => [c.user_id, c.mode])).toEqual([[anne.id, "gruppe"]]);
    const certificate = await server.services.db
      .selectFrom("certificate")
      .selectAll()
      .where("user_id", "=", anne.id)
      .executeTakeFirst();
    expect(certificate?.mode).toBe("gruppe");

    expect(textOf((await leder.page(path)).html)).toContain(code.replace(/(\d{3})(\d{3})/, "$1 $2"));
    await leder.post(path, { intent: "end" });
    // The ended session's page no longer shows a code that does not work.
    const ended = textOf((await leder.page(path)).html);
    expect(ended).toContain("Økten er avsluttet");
    expect(ended).not.toContain(code.replace(/(\d{3})(\d{3})/, "$1 $2"));
    const late = await new TestClient(server.url).post("/delta", { kode: code });
    expect(late.status).toBe(404);
    expect(textOf(await late.text())).toContain("Vi finner ingen økt med denne koden");
  });

  it("counts each phone once when a whole room answers at the same moment, some tapping twice", async () => {
    const { path, code } = await start();
    const phones = [];
    for (let i = 0; i < 30; i++) phones.push(await join(code));
    await leder.post(path, { intent: "start-quiz" });
    const question = module.quiz[0];
    const options = question?.options.map((o) => o.id) ?? [];
    const answer = (phone: TestClient, i: number) =>
      phone.post(`/delta/${code}`, {
        questionId: question?.id ?? "",
        option: options[i % options.length] ?? "a",
      });
    // Every phone at once, and the first five tap a second time in the same moment.
    const responses = await Promise.all([
      ...phones.map((phone, i) => answer(phone, i)),
      ...phones.slice(0, 5).map((phone, i) => answer(phone, i)),
    ]);
    const places = responses.map((r) => r.headers.get("location"));
    expect(places.filter((p) => p === `/delta/${code}`)).toHaveLength(30);
    expect(places.filter((p) => p === `/delta/${code}?melding=already`)).toHaveLength(5);
    expect(textOf((await leder.page(path)).html)).toContain("Svar: 30 av 30");
    await leder.post(path, { intent: "end" });
  });

  it("tells the phones when the presenter moves on (Server-Sent Events), and only the host may present", async () => {
    const { path, code } = await start();
    const phone = await join(code);
    const cookie = `oppvern_delta=${phone.cookie("oppvern_delta")}`;
    const event = await firstEvent(`${server.url}/delta/${code}/hendelser`, cookie, () =>
      leder.post(path, { intent: "next" }),
    );
    expect(event).not.toBeNull();

    // The presenter hears a phone's answer (on PostgreSQL through a coalesced database notice).
    await leder.post(path, { intent: "start-quiz" });
    const question = module.quiz[0];
    const answered = await firstEvent(`${server.url}${path}/hendelser`, leder.cookieHeader(), () =>
      phone.post(`/delta/${code}`, {
        questionId: question?.id ?? "",
        option: question?.options[0]?.id ?? "a",
      }),
    );
    expect(answered).not.toBeNull();

    const koordinator = new TestClient(server.url);
    await koordinator.login("koordinator@demo.oppvern.no");
    expect((await koordinator.get(path)).status).toBe(404);
    expect((await koordinator.post(path, { intent: "end" })).status).toBe(404);
    expect((await koordinator.get(`${path}/hendelser`)).status).toBe(404);
    // A leader cannot take attendance from a unit they do not lead.
    const naboSkole = await server.services.db
      .selectFrom("organisation")
      .select("id")
      .where("name", "=", "Nabo skole")
      .executeTakeFirstOrThrow();
    expect(
      (await leder.post("/gruppe", { pakke: "barnehage", modul: "3", unitId: naboSkole.id })).status,
    ).toBe(404);
  });

  it("answers a wrong code with a clear message and keeps what was typed", async () => {
    const phone = new TestClient(server.url);
    const badFormat = await phone.post("/delta", { kode: "12ab" });
    expect(badFormat.status).toBe(400);
    const html = await badFormat.text();
    expect(textOf(html)).toContain("Koden har seks siffer");
    expect(html).toContain('value="12ab"');
    expect((await phone.get("/delta/000000")).status).toBe(404);
  });
});

import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
} from "../../../tests/support/test-server.ts";
import {
  MAX_ACTIVE_TOKENS,
  ZMeAnswer,
  ZMeasuresAnswer,
  ZProcessingsAnswer,
  ZServicesAnswer,
} from "./schemas.ts";
import { deleteSpentApiTokens } from "./tokens.server.ts";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** The token shown once on the page after creating it. */
const tokenIn = (html: string) => /oppv_[A-Za-z0-9_-]{43}/.exec(html)?.[0] ?? null;

describe.each(dialects)("personal API tokens and the token-protected API, on %s", (dialect) => {
  let server: TestServer;
  let demo: string;
  let nabo: string;
  const clients: Record<string, TestClient> = {};
  const tokens: Record<string, string> = {};

  const api = (path: string, token?: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1${path}`, {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });

  /** Creates a token through the form on /profil, as the person would, and reads it off the page. */
  async function createThroughProfile(who: string, name: string, days = "90") {
    const response = await clients[who]?.post("/profil", {
      intent: "create-token",
      navn: name,
      varighet: days,
    });
    expect(response?.status).toBe(200);
    const html = (await response?.text()) ?? "";
    const token = tokenIn(html);
    expect(token, "the new token is shown").not.toBeNull();
    expect(textOf(html)).toContain("Du får ikke se den igjen");
    return token as string;
  }

  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
    demo = await organisationIdOf(server, "Demo kommune");
    nabo = await organisationIdOf(server, "Nabo kommune");
    for (const [who, email] of Object.entries({
      koordinator: "koordinator@demo.oppvern.no",
      leder: "leder@demo.oppvern.no",
      ansatt: "ansatt@demo.oppvern.no",
      nabo: "koordinator@nabo.oppvern.no",
      personvernombud: "personvernombud@demo.oppvern.no",
    })) {
      clients[who] = new TestClient(server.url);
      await clients[who].login(email);
    }
    // A processing in Demo kommune's record, made from a template on the page.
    const made = await clients.koordinator?.post("/behandlinger/maler", { mal: "allergi-og-kosthold" });
    expect(made?.status).toBe(303);
    for (const who of ["koordinator", "leder", "ansatt", "nabo"])
      tokens[who] = await createThroughProfile(who, `Nøkkel for ${who}`);
  });
  afterAll(() => server.close());

  it("creates a token on /profil, shows it once, and keeps only its hash", async () => {
    const token = tokens.koordinator as string;
    expect(token.startsWith("oppv_")).toBe(true);
    const row = await server.services.db
      .selectFrom("api_token as t")
      .innerJoin("user as u", "u.id", "t.user_id")
      .selectAll("t")
      .where("u.email", "=", "koordinator@demo.oppvern.no")
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(token));
    expect(row.token_hash).not.toContain(token);
    expect(row.prefix).toBe(token.slice(0, 12));
    expect(row.name).toBe("Nøkkel for koordinator");
    const days = (Date.parse(row.expires_at) - Date.parse(row.created_at)) / 86_400_000;
    expect(days).toBe(90);
    // Nothing in the database holds the token itself.
    const audit = await server.services.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity", "=", "api_token")
      .where("entity_id", "=", row.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create-api-token"]);
    expect(audit[0]?.details).not.toContain(token);
    // The page lists it afterwards by name and first characters, never in full.
    const { html } = await (clients.koordinator as TestClient).page("/profil");
    expect(tokenIn(html)).toBeNull();
    const text = textOf(html);
    expect(text).toContain("Nøkkel for koordinator");
    expect(text).toContain(`${row.prefix}…`);
    expect(text).toContain("Aldri");
  });

  it("says in plain Norwegian what to fix, and keeps what was typed", async () => {
    const before = await server.services.db.selectFrom("api_token").select("id").execute();
    const noName = await clients.koordinator?.post("/profil", {
      intent: "create-token",
      navn: "  ",
      varighet: "365",
    });
    expect(noName?.status).toBe(400);
    const html = (await noName?.text()) ?? "";
    expect(textOf(html)).toContain("Skriv et navn på nøkkelen");
    expect(html).toMatch(/value="365"[^>]*checked|checked[^>]*value="365"/);
    const badDays = await clients.koordinator?.post("/profil", {
      intent: "create-token",
      navn: "Rapport",
      varighet: "7",
    });
    expect(badDays?.status).toBe(400);
    const badHtml = (await badDays?.text()) ?? "";
    expect(textOf(badHtml)).toContain("Velg hvor lenge nøkkelen skal virke");
    expect(badHtml).toContain('value="Rapport"');
    expect(tokenIn(badHtml)).toBeNull();
    expect(await server.services.db.selectFrom("api_token").select("id").execute()).toHaveLength(
      before.length,
    );
  });

  it("answers /meg with the person and their roles as they are now", async () => {
    const response = await api("/meg", tokens.koordinator);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const me = ZMeAnswer.parse(await response.json());
    expect(me.epost).toBe("koordinator@demo.oppvern.no");
    expect(me.medlemskap).toContainEqual({
      organisasjon: { id: demo, navn: "Demo kommune", type: "eier", eierId: demo },
      rolle: "koordinator",
    });
    const post = await fetch(`${server.url}/api/v1/meg`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.koordinator}` },
    });
    expect(post.status).toBe(405);
    expect((await post.json()).feil).toBe("Bruk GET.");
    const ansatt = ZMeAnswer.parse(await (await api("/meg", tokens.ansatt)).json());
    expect(ansatt.medlemskap.map((m) => m.rolle)).toEqual(["ansatt"]);
    expect(ansatt.medlemskap[0]?.organisasjon.eierId).toBe(demo);
  });

  it("gives the owner's record of processing, action plan and systems to those who read them on the pages", async () => {
    const db = server.services.db;
    const processings = ZProcessingsAnswer.parse(
      await (await api(`/eiere/${demo}/behandlinger`, tokens.koordinator)).json(),
    );
    expect(processings.eier).toEqual({ id: demo, navn: "Demo kommune" });
    const stored = await db.selectFrom("processing").selectAll().where("owner_id", "=", demo).execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(processings.behandlinger.map((p) => p.id).sort()).toEqual(stored.map((p) => p.id).sort());
    const first = processings.behandlinger[0];
    expect(first?.navn).toBe(stored.find((s) => s.id === first?.id)?.name);
    expect(first?.opplysninger.length).toBeGreaterThan(0);

    const plan = ZMeasuresAnswer.parse(await (await api(`/eiere/${demo}/tiltak`, tokens.leder)).json());
    const chosen = await db
      .selectFrom("plan_measure")
      .select(["id", "title"])
      .where("owner_id", "=", demo)
      .where("decision", "=", "valgt")
      .execute();
    expect(chosen.length).toBeGreaterThan(0);
    expect(plan.tiltak.map((m) => m.tittel).sort()).toEqual(chosen.map((m) => m.title).sort());

    const systems = ZServicesAnswer.parse(await (await api(`/eiere/${demo}/systemer`, tokens.leder)).json());
    const services = await db
      .selectFrom("digital_service")
      .select(["id", "name"])
      .where("owner_id", "=", demo)
      .execute();
    expect(services.length).toBeGreaterThan(0);
    expect(systems.systemer.map((s) => s.navn).sort()).toEqual(services.map((s) => s.name).sort());
  });

  it("answers 401 with WWW-Authenticate without a valid token, and a session cookie is not enough", async () => {
    const expect401 = async (response: Response, says: string) => {
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect((await response.json()).feil).toContain(says);
    };
    await expect401(await api("/meg"), "Mangler API-nøkkel");
    await expect401(await api(`/eiere/${demo}/behandlinger`), "Mangler API-nøkkel");
    await expect401(await api("/meg", `oppv_${"A".repeat(43)}`), "ukjent");
    await expect401(await api("/meg", "helt-feil"), "ukjent");
    // The koordinator's browser session, without a token.
    await expect401(
      await api(`/eiere/${demo}/behandlinger`, undefined, {
        cookie: clients.koordinator?.cookieHeader() ?? "",
      }),
      "Mangler API-nøkkel",
    );
    // An expired token.
    const expiring = await createThroughProfile("personvernombud", "Utløper snart", "30");
    expect((await api("/meg", expiring)).status).toBe(200);
    await server.services.db
      .updateTable("api_token")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("token_hash", "=", sha256(expiring))
      .execute();
    await expect401(await api(`/eiere/${demo}/systemer`, expiring), "utløpt");
    const listed = textOf((await (clients.personvernombud as TestClient).page("/profil")).html);
    expect(listed).toContain("Utløper snart");
    expect(listed).toMatch(/Utløpt \d/);
  });

  it("revokes a token from /profil: it stops working at once, and the revocation is logged", async () => {
    const token = await createThroughProfile("koordinator", "Skal trekkes");
    expect((await api(`/eiere/${demo}/tiltak`, token)).status).toBe(200);
    const row = await server.services.db
      .selectFrom("api_token")
      .select("id")
      .where("token_hash", "=", sha256(token))
      .executeTakeFirstOrThrow();
    // Nobody else can revoke it.
    const stranger = await clients.nabo?.post("/profil", { intent: "revoke-token", id: row.id });
    expect(stranger?.status).toBe(404);
    expect((await api("/meg", token)).status).toBe(200);
    const revoked = await clients.koordinator?.post("/profil", { intent: "revoke-token", id: row.id });
    expect(revoked?.status).toBe(303);
    expect(revoked?.headers.get("location")).toBe("/profil?nokkel=trukket#api-nokler");
    const response = await api(`/eiere/${demo}/tiltak`, token);
    expect(response.status).toBe(401);
    expect((await response.json()).feil).toContain("trukket tilbake");
    const { html } = await (clients.koordinator as TestClient).page("/profil?nokkel=trukket");
    expect(textOf(html)).toContain("Nøkkelen er trukket tilbake");
    expect(textOf(html)).not.toContain("Skal trekkes");
    const audit = await server.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "api_token")
      .where("entity_id", "=", row.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create-api-token", "revoke-api-token"]);
  });

  it("keeps tenants apart: another owner's registers, and registers an ansatt may not read, are 404", async () => {
    for (const path of ["behandlinger", "tiltak", "systemer"]) {
      const foreign = await api(`/eiere/${demo}/${path}`, tokens.nabo);
      expect(foreign.status, `nabo → demo ${path}`).toBe(404);
      expect((await foreign.json()).feil).toBeTruthy();
      expect((await api(`/eiere/${nabo}/${path}`, tokens.nabo)).status, `nabo → nabo ${path}`).toBe(200);
      expect((await api(`/eiere/${nabo}/${path}`, tokens.koordinator)).status).toBe(404);
      expect((await api(`/eiere/${demo}/${path}`, tokens.ansatt)).status, `ansatt ${path}`).toBe(404);
      expect((await api(`/eiere/finnes-ikke/${path}`, tokens.koordinator)).status).toBe(404);
    }
    // Nabo's answer holds nothing of Demo's.
    const naboSystems = ZServicesAnswer.parse(
      await (await api(`/eiere/${nabo}/systemer`, tokens.nabo)).json(),
    );
    expect(naboSystems.eier.navn).toBe("Nabo kommune");
    const demoIds = await server.services.db
      .selectFrom("digital_service")
      .select("id")
      .where("owner_id", "=", demo)
      .execute();
    for (const { id } of demoIds) expect(naboSystems.systemer.map((s) => s.id)).not.toContain(id);
  });

  it("takes access away at the next request when the person's role is removed", async () => {
    expect((await api(`/eiere/${demo}/behandlinger`, tokens.leder)).status).toBe(200);
    const membership = await server.services.db
      .selectFrom("membership as m")
      .innerJoin("user as u", "u.id", "m.user_id")
      .select("m.id")
      .where("u.email", "=", "leder@demo.oppvern.no")
      .executeTakeFirstOrThrow();
    const eik = await organisationIdOf(server, "Eik barneskole");
    const removed = await clients.koordinator?.post(`/enheter/${eik}`, {
      intent: "remove-member",
      membershipId: membership.id,
    });
    expect(removed?.status).toBe(200);
    for (const path of ["behandlinger", "tiltak", "systemer"])
      expect((await api(`/eiere/${demo}/${path}`, tokens.leder)).status, path).toBe(404);
    const me = ZMeAnswer.parse(await (await api("/meg", tokens.leder)).json());
    expect(me.medlemskap).toEqual([]);
  });

  it("marks a token as used at most once a minute", async () => {
    const lastUsed = async () =>
      (
        await server.services.db
          .selectFrom("api_token")
          .select("last_used_at")
          .where("token_hash", "=", sha256(tokens.nabo as string))
          .executeTakeFirstOrThrow()
      ).last_used_at;
    await api("/meg", tokens.nabo);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await api("/meg", tokens.nabo);
    await api(`/eiere/${nabo}/tiltak`, tokens.nabo);
    expect(await lastUsed()).toBe(first);
    const twoMinutesAgo = new Date(Date.now() - 120_000).toISOString();
    await server.services.db
      .updateTable("api_token")
      .set({ last_used_at: twoMinutesAgo })
      .where("token_hash", "=", sha256(tokens.nabo as string))
      .execute();
    await api("/meg", tokens.nabo);
    expect(Date.parse((await lastUsed()) ?? "")).toBeGreaterThan(Date.parse(twoMinutesAgo));
    // The page shows when it was last used.
    expect(textOf((await (clients.nabo as TestClient).page("/profil")).html)).not.toContain("Aldri");
  });

  it(`allows at most ${MAX_ACTIVE_TOKENS} working tokens per person`, async () => {
    const have = async () =>
      Number(
        (
          await server.services.db
            .selectFrom("api_token as t")
            .innerJoin("user as u", "u.id", "t.user_id")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("u.email", "=", "ansatt@demo.oppvern.no")
            .where("t.revoked_at", "is", null)
            .executeTakeFirstOrThrow()
        ).n,
      );
    while ((await have()) < MAX_ACTIVE_TOKENS) await createThroughProfile("ansatt", `Nr ${await have()}`);
    const refused = await clients.ansatt?.post("/profil", {
      intent: "create-token",
      navn: "En til",
      varighet: "30",
    });
    expect(refused?.status).toBe(400);
    const html = (await refused?.text()) ?? "";
    expect(textOf(html)).toContain(`Du har allerede ${MAX_ACTIVE_TOKENS} API-nøkler som virker`);
    expect(tokenIn(html)).toBeNull();
    expect(await have()).toBe(MAX_ACTIVE_TOKENS);
  });

  it("deletes tokens revoked or expired more than 90 days ago, and keeps the rest", async () => {
    const db = server.services.db;
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const made: Record<string, string> = {};
    for (const name of ["Gammel tilbaketrukket", "Ny tilbaketrukket", "Gammel utløpt", "Ny utløpt"])
      made[name] = await createThroughProfile("leder", name);
    const set = (name: string, values: { revoked_at?: string; expires_at?: string }) =>
      db
        .updateTable("api_token")
        .set(values)
        .where("token_hash", "=", sha256(made[name] as string))
        .execute();
    await set("Gammel tilbaketrukket", { revoked_at: daysAgo(91) });
    await set("Ny tilbaketrukket", { revoked_at: daysAgo(10) });
    await set("Gammel utløpt", { expires_at: daysAgo(91) });
    await set("Ny utløpt", { expires_at: daysAgo(10) });
    const before = textOf((await (clients.leder as TestClient).page("/profil")).html);
    expect(before).toContain("Gammel utløpt");
    expect(before).toContain("står i listen i 90 dager");

    expect(await deleteSpentApiTokens(db)).toBe(2);
    const left = await db
      .selectFrom("api_token as t")
      .innerJoin("user as u", "u.id", "t.user_id")
      .select("t.name")
      .where("u.email", "=", "leder@demo.oppvern.no")
      .orderBy("t.name")
      .execute();
    expect(left.map((r) => r.name)).toEqual(["Ny tilbaketrukket", "Ny utløpt", "Nøkkel for leder"]);
    const after = textOf((await (clients.leder as TestClient).page("/profil")).html);
    expect(after).not.toContain("Gammel utløpt");
    expect(after).toContain("Ny utløpt");
    // The working token still works.
    expect((await api("/meg", tokens.leder)).status).toBe(200);
  });

  it("describes the endpoints and the bearer scheme in /api/v1/openapi.json", async () => {
    const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    for (const path of [
      "/meg",
      "/eiere/{ownerId}/behandlinger",
      "/eiere/{ownerId}/tiltak",
      "/eiere/{ownerId}/systemer",
    ]) {
      const get = doc.paths[path]?.get;
      expect(get?.security, path).toEqual([{ bearerAuth: [] }]);
      expect(Object.keys(get.responses)).toEqual(expect.arrayContaining(["200", "401", "429"]));
    }
    const answer =
      doc.paths["/eiere/{ownerId}/systemer"].get.responses["200"].content["application/json"].schema;
    expect(answer.required).toEqual(["eier", "systemer"]);
    const item = answer.properties.systemer.items;
    // What the endpoint answers has exactly the fields described.
    const got = ZServicesAnswer.parse(
      await (await api(`/eiere/${demo}/systemer`, tokens.koordinator)).json(),
    );
    expect(Object.keys(got.systemer[0] ?? {}).sort()).toEqual(Object.keys(item.properties).sort());
    expect(item.properties.status.enum).toEqual(["vurderes", "i-bruk", "avvist", "faset-ut"]);
  });
});

describe("the token-protected API's rate limit", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite", { demo: true, apiPerMinute: 3 });
  });
  afterAll(() => server.close());

  it("counts per token: one busy token is refused, another still gets through", async () => {
    const tokenFor = async (email: string) => {
      const client = new TestClient(server.url);
      await client.login(email);
      const response = await client.post("/profil", { intent: "create-token", navn: "Fart", varighet: "30" });
      return tokenIn(await response.text()) as string;
    };
    const busy = await tokenFor("koordinator@demo.oppvern.no");
    const calm = await tokenFor("leder@demo.oppvern.no");
    const call = (token: string) =>
      fetch(`${server.url}/api/v1/meg`, { headers: { authorization: `Bearer ${token}` } });
    for (let i = 0; i < 3; i++) expect((await call(busy)).status).toBe(200);
    const refused = await call(busy);
    expect(refused.status).toBe(429);
    expect((await refused.json()).feil).toContain("For mange forespørsler");
    expect((await call(calm)).status).toBe(200);
  });
});

import { Events, OAuth2Server } from "oauth2-mock-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import {
  dialects,
  organisationIdOf,
  startTestServer,
  type TestServer,
  userIdOf,
} from "../../../tests/support/test-server.ts";
import { createInvitation } from "../orgs/invitations.server.ts";
import { deleteExpiredVerifications } from "./expired-rows.server.ts";
import { ssoProvidersFromEnv } from "./sso.server.ts";

/**
 * Single sign-on against a real OpenID provider on 127.0.0.1 (oauth2-mock-server: discovery,
 * JWKS-signed ID tokens, PKCE, nonce), through our real HTTP server, on both databases.
 */
describe.each(dialects)("single sign-on on %s", (dialect) => {
  let idp: OAuth2Server;
  let server: TestServer;
  /** What the provider says about the person who signs in next. */
  let claims: Record<string, unknown> = {};

  beforeAll(async () => {
    idp = new OAuth2Server();
    await idp.issuer.keys.generate("RS256");
    await idp.start(0, "127.0.0.1");
    idp.service.on(Events.BeforeTokenSigning, (token) => {
      Object.assign(token.payload, claims);
    });
    server = await startTestServer(dialect, {
      demo: true,
      sso: [
        {
          id: "feide",
          issuer: idp.issuer.url ?? "",
          clientId: "oppvern-test",
          clientSecret: "hemmelig-test",
          trustEmail: false,
        },
        // Entra ID against the same mock provider, as another client; this one's e-mail is vouched for.
        {
          id: "entra",
          issuer: idp.issuer.url ?? "",
          clientId: "oppvern-entra-test",
          clientSecret: "hemmelig-entra",
          trustEmail: true,
        },
      ],
    });
  });
  afterAll(async () => {
    await server?.close();
    await idp?.stop();
  });
  beforeEach(() => {
    claims = {};
  });

  /** Clicks «Logg inn med Feide», lets the provider answer, and comes back: the last redirect. */
  async function signInWithSso(client: TestClient, next = "/", provider = "feide") {
    const start = await client.get(`/logg-inn/sso/${provider}?neste=${encodeURIComponent(next)}`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get("location") ?? "");
    expect(authorize.origin).toBe(idp.issuer.url);
    // better-auth's own state and PKCE go to the provider.
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("state")).toBeTruthy();
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${server.url}/logg-inn/sso/${provider}/tilbake`);
    const atIdp = await fetch(authorize, { redirect: "manual" });
    const callback = new URL(atIdp.headers.get("location") ?? "");
    expect(callback.pathname).toBe(`/logg-inn/sso/${provider}/tilbake`);
    return { callback, back: await client.get(callback.pathname + callback.search) };
  }

  const sessionOf = (client: TestClient) => client.cookie("oppvern.session_token");

  it("shows «Logg inn med Feide» beside the e-mail form, which stays", async () => {
    const { html } = await new TestClient(server.url).page("/logg-inn");
    const text = textOf(html);
    expect(text).toContain("Logg inn med Feide");
    expect(text).toContain("Logg inn med Microsoft (Entra ID)");
    expect(html).toContain('href="/logg-inn/sso/feide?neste=%2F"');
    expect(html).toContain('name="password"');
  });

  it("signs in the existing user whose verified e-mail matches, links the account, and counts the sign-in", async () => {
    const userId = await userIdOf(server, "koordinator@demo.oppvern.no");
    const longAgo = "2020-01-01T00:00:00.000Z";
    await server.services.db
      .updateTable("account_activity")
      .set({ last_login_at: longAgo })
      .where("user_id", "=", userId)
      .execute();
    claims = {
      sub: "feide-koordinator",
      email: "Koordinator@demo.oppvern.no",
      email_verified: true,
      name: "Kari fra Feide",
    };
    const client = new TestClient(server.url);
    const { back } = await signInWithSso(client, "/profil");
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe("/profil");
    expect(sessionOf(client)).toBeTruthy();
    const profile = await client.page("/profil");
    expect(profile.response.status).toBe(200);
    expect(profile.html).toContain("koordinator@demo.oppvern.no");

    const accounts = await server.services.db
      .selectFrom("account")
      .select(["providerId", "accountId"])
      .where("userId", "=", userId)
      .execute();
    expect(accounts).toContainEqual({ providerId: "feide", accountId: "feide-koordinator" });
    const activity = await server.services.db
      .selectFrom("account_activity")
      .select("last_login_at")
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(String(activity.last_login_at) > longAgo).toBe(true);
    // The Oppvern account keeps its own name: the provider does not overwrite it.
    const user = await server.services.db
      .selectFrom("user")
      .select("name")
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(user.name).not.toBe("Kari fra Feide");

    // The next time the linked account signs in by its subject alone.
    const again = new TestClient(server.url);
    const second = await signInWithSso(again);
    expect(second.back.headers.get("location")).toBe("/");
    expect((await again.get("/profil")).status).toBe(200);
  });

  it("makes a plain account, with no role, for a verified e-mail it does not know", async () => {
    claims = {
      sub: "feide-ny",
      email: "ny.person@skole.example.no",
      email_verified: true,
      name: "Ny Person",
    };
    const client = new TestClient(server.url);
    const { back } = await signInWithSso(client);
    expect(back.headers.get("location")).toBe("/");
    const user = await server.services.db
      .selectFrom("user")
      .select(["id", "name", "emailVerified"])
      .where("email", "=", "ny.person@skole.example.no")
      .executeTakeFirstOrThrow();
    expect(user.name).toBe("Ny Person");
    expect(Boolean(user.emailVerified)).toBe(true);
    const memberships = await server.services.db
      .selectFrom("membership")
      .select("id")
      .where("user_id", "=", user.id)
      .execute();
    expect(memberships).toHaveLength(0);
    const activity = await server.services.db
      .selectFrom("account_activity")
      .select("last_login_at")
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    expect(activity?.last_login_at).toBeTruthy();
    const profile = await client.page("/profil");
    expect(profile.response.status).toBe(200);
    expect(profile.html).toContain("ny.person@skole.example.no");
  });

  it("refuses an e-mail the provider has not verified: no account, no session, a plain message", async () => {
    claims = { sub: "feide-uverifisert", email: "uverifisert@skole.example.no", email_verified: false };
    const client = new TestClient(server.url);
    const { back } = await signInWithSso(client);
    const location = back.headers.get("location") ?? "";
    expect(location).toMatch(/^\/logg-inn\?/);
    expect(sessionOf(client)).toBeUndefined();
    const page = await client.page(location);
    expect(page.response.status).toBe(200);
    expect(textOf(page.html)).toContain("Innloggingstjenesten bekreftet ikke e-postadressen din");
    const user = await server.services.db
      .selectFrom("user")
      .select("id")
      .where("email", "=", "uverifisert@skole.example.no")
      .executeTakeFirst();
    expect(user).toBeUndefined();
  });

  it("does not link an unverified e-mail to someone's existing account", async () => {
    claims = { sub: "feide-angriper", email: "leder@demo.oppvern.no", email_verified: false };
    const client = new TestClient(server.url);
    const { back } = await signInWithSso(client);
    expect(back.headers.get("location")).toMatch(/^\/logg-inn\?/);
    expect(sessionOf(client)).toBeUndefined();
    const page = await client.page(back.headers.get("location") ?? "");
    expect(textOf(page.html)).toContain("Vi kunne ikke koble innloggingen");
    const linked = await server.services.db
      .selectFrom("account")
      .select("id")
      .where("providerId", "=", "feide")
      .where("accountId", "=", "feide-angriper")
      .executeTakeFirst();
    expect(linked).toBeUndefined();
  });

  it("refuses a provider answer with a state that is not this browser's", async () => {
    claims = { sub: "feide-leder", email: "leder@demo.oppvern.no", email_verified: true };
    // Someone else's sign-in: its answer carried to another browser is refused.
    const victim = new TestClient(server.url);
    const start = await victim.get("/logg-inn/sso/feide");
    const atIdp = await fetch(start.headers.get("location") ?? "", { redirect: "manual" });
    const callback = new URL(atIdp.headers.get("location") ?? "");
    const stranger = new TestClient(server.url);
    const stolen = await stranger.get(callback.pathname + callback.search);
    expect(stolen.headers.get("location")).toMatch(/^\/logg-inn\?/);
    expect(sessionOf(stranger)).toBeUndefined();
    const page = await stranger.page(stolen.headers.get("location") ?? "");
    expect(textOf(page.html)).toContain("Prøv igjen");

    // And a made-up state in the right browser.
    const client = new TestClient(server.url);
    const { callback: real } = await signInWithSso(new TestClient(server.url));
    expect(real.searchParams.get("state")).toBeTruthy();
    const own = await client.get("/logg-inn/sso/feide");
    expect(own.status).toBe(302);
    const wrong = await client.get("/logg-inn/sso/feide/tilbake?code=abc&state=feil-tilstand");
    expect(wrong.headers.get("location")).toMatch(/^\/logg-inn\?/);
    expect(sessionOf(client)).toBeUndefined();
    const wrongPage = await client.page(wrong.headers.get("location") ?? "");
    expect(textOf(wrongPage.html)).toContain(
      "Innloggingen tok for lang tid, eller den ble startet i en annen nettleser",
    );
  });

  it("deletes sign-in states and reset links that ran out, and keeps the live ones, which still work", async () => {
    const db = server.services.db;
    // better-auth keeps a sign-in's state as the row "auth-state:<state>".
    const stateOf = (response: Response) =>
      `auth-state:${new URL(response.headers.get("location") ?? "").searchParams.get("state") ?? ""}`;
    const rowOf = (identifier: string) =>
      db.selectFrom("verification").select("id").where("identifier", "=", identifier).executeTakeFirst();
    const expire = (identifier: string) =>
      db
        .updateTable("verification")
        .set({
          expiresAt:
            dialect === "postgres"
              ? new Date(Date.now() - 60_000)
              : new Date(Date.now() - 60_000).toISOString(),
        })
        .where("identifier", "=", identifier)
        .execute();
    // Two sign-ins started and left at the provider: one ran out, one is still live.
    const abandoned = stateOf(await new TestClient(server.url).get("/logg-inn/sso/feide"));
    const live = new TestClient(server.url);
    const liveStart = await live.get("/logg-inn/sso/feide");
    const liveState = stateOf(liveStart);
    expect(await rowOf(abandoned)).toBeDefined();
    await expire(abandoned);
    // Two links to set a new password: one ran out, one is live.
    const tokenOfReset = async (email: string) => {
      await new TestClient(server.url).post("/glemt-passord", { email });
      const mail = await db
        .selectFrom("outbox")
        .select("text_body")
        .where("to_address", "=", email)
        .orderBy("created_at", "desc")
        .executeTakeFirstOrThrow();
      return new URL(mail.text_body.match(/https?:\/\/\S+/)?.[0] ?? "").searchParams.get("token") ?? "";
    };
    const oldReset = await tokenOfReset("ansatt@demo.oppvern.no");
    const liveReset = await tokenOfReset("veileder@demo.oppvern.no");
    await expire(`reset-password:${oldReset}`);

    expect(await deleteExpiredVerifications(db)).toBeGreaterThanOrEqual(2);
    expect(await rowOf(abandoned)).toBeUndefined();
    expect(await rowOf(`reset-password:${oldReset}`)).toBeUndefined();
    expect(await rowOf(liveState)).toBeDefined();
    expect(await rowOf(`reset-password:${liveReset}`)).toBeDefined();
    // The live sign-in finishes, and the live link still sets a new password.
    claims = { sub: "feide-leder", email: "leder@demo.oppvern.no", email_verified: true };
    const atIdp = await fetch(liveStart.headers.get("location") ?? "", { redirect: "manual" });
    const callback = new URL(atIdp.headers.get("location") ?? "");
    const back = await live.get(callback.pathname + callback.search);
    expect(back.headers.get("location")).not.toMatch(/^\/logg-inn/);
    expect(sessionOf(live)).toBeTruthy();
    const reset = await new TestClient(server.url).post("/nytt-passord", {
      token: liveReset,
      password: "et langt og nytt passord",
      password2: "et langt og nytt passord",
    });
    expect(reset.status).toBe(303);
  });

  it("says so in plain words when the provider refuses the sign-in", async () => {
    const client = new TestClient(server.url);
    const start = await client.get("/logg-inn/sso/feide");
    const state = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
    const back = await client.get(
      `/logg-inn/sso/feide/tilbake?error=access_denied&error_description=nei&state=${encodeURIComponent(state)}`,
    );
    expect(back.headers.get("location")).toMatch(/^\/logg-inn\?/);
    const page = await client.page(back.headers.get("location") ?? "");
    expect(textOf(page.html)).toContain("Innloggingstjenesten avviste innloggingen");
    expect(page.html).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it("lets an invited person sign in with Feide and accept the invitation", async () => {
    const ownerId = await organisationIdOf(server, "Demo kommune");
    const inviter = await userIdOf(server, "koordinator@demo.oppvern.no");
    const { token } = await createInvitation(server.services.db, server.services.mailer, {
      email: "invitert@skole.example.no",
      name: "Invitert Person",
      role: "ansatt",
      organisationId: ownerId,
      organisationName: "Demo kommune",
      tenantId: ownerId,
      invitedBy: { userId: inviter, name: "Koordinator" },
      locale: "nb",
      publicUrl: server.url,
    });
    const client = new TestClient(server.url);
    const invitationPage = await client.page(`/invitasjon/${token}`);
    expect(invitationPage.html).toContain(
      `href="/logg-inn/sso/feide?neste=${encodeURIComponent(`/invitasjon/${token}`)}"`,
    );
    claims = { sub: "feide-invitert", email: "invitert@skole.example.no", email_verified: true };
    const { back } = await signInWithSso(client, `/invitasjon/${token}`);
    expect(back.headers.get("location")).toBe(`/invitasjon/${token}`);
    const signedIn = await client.page(`/invitasjon/${token}`);
    expect(textOf(signedIn.html)).toContain("Du er logget inn som invitert@skole.example.no");
    const accepted = await client.post(`/invitasjon/${token}`, {});
    expect(accepted.status).toBe(303);
    const userId = await userIdOf(server, "invitert@skole.example.no");
    const membership = await server.services.db
      .selectFrom("membership")
      .select("role")
      .where("user_id", "=", userId)
      .where("organisation_id", "=", ownerId)
      .executeTakeFirst();
    expect(membership?.role).toBe("ansatt");
  });

  it("signs in with Entra ID, whose e-mail the operator vouches for without an email_verified claim", async () => {
    claims = { sub: "entra-ny", email: "ola@eier.example.no", name: "Ola Entra" };
    const client = new TestClient(server.url);
    const { back } = await signInWithSso(client, "/", "entra");
    expect(back.headers.get("location")).toBe("/");
    expect((await client.get("/profil")).status).toBe(200);
    const userId = await userIdOf(server, "ola@eier.example.no");
    const account = await server.services.db
      .selectFrom("account")
      .select(["providerId", "accountId"])
      .where("userId", "=", userId)
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ providerId: "entra", accountId: "entra-ny" });
  });

  it("refuses the same answer through Feide, which does not vouch for it", async () => {
    claims = { sub: "feide-uten-krav", email: "kari@eier.example.no" };
    const client = new TestClient(server.url);
    const { back } = await signInWithSso(client);
    expect(back.headers.get("location")).toMatch(/^\/logg-inn\?/);
    expect(sessionOf(client)).toBeUndefined();
  });

  it("answers 404 for a provider that is not configured", async () => {
    const client = new TestClient(server.url);
    expect((await client.get("/logg-inn/sso/google")).status).toBe(404);
    expect((await client.get("/logg-inn/sso/google/tilbake?code=x&state=y")).status).toBe(404);
  });
});

describe("single sign-on configuration", () => {
  it("is off with nothing set, and refuses half a configuration", () => {
    expect(ssoProvidersFromEnv({})).toEqual([]);
    expect(() => ssoProvidersFromEnv({ OIDC_FEIDE_ISSUER: "https://auth.dataporten.no" })).toThrow(
      /OIDC_FEIDE_CLIENT_ID, OIDC_FEIDE_CLIENT_SECRET/,
    );
    expect(
      ssoProvidersFromEnv({
        OIDC_ENTRA_ISSUER: "https://login.microsoftonline.com/tenant-id/v2.0/",
        OIDC_ENTRA_CLIENT_ID: "app",
        OIDC_ENTRA_CLIENT_SECRET: "secret",
        OIDC_ENTRA_TRUST_EMAIL: "1",
      }),
    ).toEqual([
      {
        id: "entra",
        issuer: "https://login.microsoftonline.com/tenant-id/v2.0",
        clientId: "app",
        clientSecret: "secret",
        trustEmail: true,
      },
    ]);
  });
});

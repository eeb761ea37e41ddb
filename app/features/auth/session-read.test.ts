import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import { dialects, startTestServer, type TestServer } from "../../../tests/support/test-server.ts";
import { listActorMemberships } from "../orgs/memberships.server.ts";

const DAY = 24 * 60 * 60 * 1000;

describe.each(dialects)("reading sessions on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
  });
  afterAll(() => server.close());

  const loggedIn = async (email: string) => {
    const client = new TestClient(server.url);
    await client.login(email);
    const token = decodeURIComponent(client.cookie("oppvern.session_token") ?? "").split(".")[0] ?? "";
    return { client, cookie: client.cookieHeader(), token };
  };
  const setExpiry = (token: string, at: Date) =>
    server.services.db
      .updateTable("session")
      .set({ expiresAt: dialect === "postgres" ? at : at.toISOString() })
      .where("token", "=", token)
      .execute();
  const expiryOf = async (token: string) => {
    const row = await server.services.db
      .selectFrom("session")
      .select("expiresAt")
      .where("token", "=", token)
      .executeTakeFirst();
    return row ? new Date(row.expiresAt).getTime() : null;
  };

  it("finds the same user as better-auth for a fresh login", async () => {
    const { cookie } = await loggedIn("leder@demo.oppvern.no");
    const quick = await server.services.sessions(cookie);
    const full = await (await server.services.auth()).api.getSession({ headers: new Headers({ cookie }) });
    const { memberships, ...user } = quick ?? {};
    expect(user).toEqual({
      id: full?.user.id,
      name: "Lars Leder",
      email: "leder@demo.oppvern.no",
      locale: (full?.user as { locale?: string | null } | undefined)?.locale ?? null,
    });
    // The memberships come with the session, the same as the memberships query gives.
    expect(memberships).toEqual(await listActorMemberships(server.services.db, full?.user.id ?? ""));
    expect(memberships?.map((m) => m.role)).toContain("leder");
  });

  it("leaves a forged or altered cookie to better-auth, which refuses it", async () => {
    const { cookie, token } = await loggedIn("koordinator@demo.oppvern.no");
    const signature = decodeURIComponent(cookie.match(/oppvern\.session_token=([^;]+)/)?.[1] ?? "").split(
      ".",
    )[1];
    const forgedSignature = `${signature?.startsWith("A") ? "B" : "A"}${signature?.slice(1)}`;
    const forged = [
      `oppvern.session_token=${encodeURIComponent(`${token}.${forgedSignature}`)}`,
      `oppvern.session_token=${token}`,
      `oppvern.session_token=${encodeURIComponent(`x${token}.${signature}`)}`,
      "oppvern.session_token=%E0%A4%A",
    ];
    for (const bad of forged) {
      expect(await server.services.sessions(bad)).toBeUndefined();
      const response = await fetch(new URL("/profil", server.url), {
        headers: { cookie: bad },
        redirect: "manual",
      });
      expect(response.status).toBe(302);
    }
  });

  it("sees a session end at once when it is revoked, and never reads an expired one", async () => {
    const phone = await loggedIn("ansatt@demo.oppvern.no");
    expect(await server.services.sessions(phone.cookie)).toMatchObject({ email: "ansatt@demo.oppvern.no" });
    await phone.client.post("/logg-ut", {});
    expect(await server.services.sessions(phone.cookie)).toBeUndefined();
    expect(
      (await fetch(new URL("/profil", server.url), { headers: { cookie: phone.cookie }, redirect: "manual" }))
        .status,
    ).toBe(302);

    const laptop = await loggedIn("ansatt@demo.oppvern.no");
    await setExpiry(laptop.token, new Date(Date.now() - 60_000));
    expect(await server.services.sessions(laptop.cookie)).toBeUndefined();
    expect((await laptop.client.get("/profil")).status).toBe(302);
    // On the login page it is sent to, the browser is told to drop the dead cookie.
    const login = await laptop.client.page("/profil");
    expect(login.url).toMatch(/^\/logg-inn/);
    expect(laptop.client.cookie("oppvern.session_token")).toBeUndefined();
  });

  it("lets better-auth extend a session that is due for refresh, then reads it again itself", async () => {
    const { client, cookie, token } = await loggedIn("personvernombud@demo.oppvern.no");
    // Logged in 13 of 14 days ago: due for its daily refresh.
    const old = new Date(Date.now() + 1 * DAY);
    await setExpiry(token, old);
    expect(await server.services.sessions(cookie)).toBeUndefined();
    const page = await client.page("/profil");
    expect(textOf(page.html)).toContain("personvernombud@demo.oppvern.no");
    // The browser gets the extended session too: a new cookie that lasts another 14 days.
    const renewed = page.response.headers.getSetCookie().find((c) => c.startsWith("oppvern.session_token="));
    expect(renewed).toMatch(/Max-Age=1209600/i);
    expect(decodeURIComponent(renewed?.split(";")[0]?.split("=")[1] ?? "").split(".")[0]).toBe(token);
    const extended = await expiryOf(token);
    expect(extended).toBeGreaterThan(old.getTime() + 12 * DAY);
    expect(await server.services.sessions(cookie)).toMatchObject({
      email: "personvernombud@demo.oppvern.no",
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn, TestClient } from "../../../tests/support/client.ts";
import { dialects, startTestServer, type TestServer, userIdOf } from "../../../tests/support/test-server.ts";
import { DAY } from "../../lib/time.ts";
import { deleteExpiredSessions, deleteStaleRateLimits } from "./expired-rows.server.ts";

// A sign-in keeps the IP address and browser it was made from, and a rate-limit counter the IP
// address: neither may stay once it has done its job (the privacy statement: a sign-in lasts at
// most 14 days).
describe.each(dialects)("expired sign-ins and old rate-limit counters on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
  });
  afterAll(() => server.close());

  it("deletes a sign-in that has run out, with its address, and keeps the live ones signed in", async () => {
    const db = server.services.db;
    const kari = await signedIn(server, "koordinator@demo.oppvern.no");
    const lars = await signedIn(server, "leder@demo.oppvern.no");
    const larsId = await userIdOf(server, "leder@demo.oppvern.no");
    // Lars's sign-in ran out yesterday (as one on a shared PC that nobody came back to).
    await db
      .updateTable("session")
      .set({ expiresAt: new Date(Date.now() - DAY).toISOString() })
      .where("userId", "=", larsId)
      .execute();
    const before = await db.selectFrom("session").select(["userId", "ipAddress"]).execute();
    expect(before.some((s) => s.userId === larsId)).toBe(true);

    expect(await deleteExpiredSessions(db)).toBeGreaterThanOrEqual(1);
    const after = await db.selectFrom("session").select("userId").execute();
    expect(after.some((s) => s.userId === larsId)).toBe(false);
    // Kari is still signed in; Lars is asked to sign in again, as he would have been anyway.
    expect((await kari.page("/profil")).url).toBe("/profil");
    expect((await lars.page("/profil")).url).toMatch(/^\/logg-inn/);
    // Nothing more to delete the second time.
    expect(await deleteExpiredSessions(db)).toBe(0);
  });

  it("deletes rate-limit counters untouched for a day and keeps the counting ones", async () => {
    const db = server.services.db;
    // A wrong password makes better-auth count sign-in attempts from this address.
    await new TestClient(server.url).post("/logg-inn", {
      email: "koordinator@demo.oppvern.no",
      password: "feil passord",
    });
    const counters = await db.selectFrom("rateLimit").select(["id", "key", "lastRequest"]).execute();
    expect(counters.length).toBeGreaterThan(0);
    const [old, ...fresh] = counters;
    await db
      .updateTable("rateLimit")
      .set({ lastRequest: Date.now() - 2 * DAY })
      .where("id", "=", old?.id ?? "")
      .execute();

    expect(await deleteStaleRateLimits(db)).toBe(1);
    const left = await db.selectFrom("rateLimit").select("id").execute();
    expect(left.map((r) => r.id).sort()).toEqual(fresh.map((r) => r.id).sort());
  });
});

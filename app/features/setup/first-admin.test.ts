import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../../../tests/support/client.ts";
import { dialects, startTestServer, type TestServer } from "../../../tests/support/test-server.ts";
import { createFirstAdminLink, hasAdmin } from "./first-admin.server.ts";

describe.each(dialects)("the first admin on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: false });
  });
  afterAll(() => server.close());

  it("has no account and no default password outside demo mode", async () => {
    const users = await server.services.db.selectFrom("user").select("id").execute();
    expect(users).toEqual([]);
    const login = await new TestClient(server.url).post("/logg-inn", {
      email: "admin@demo.oppvern.no",
      password: "oppvern-demo",
    });
    expect(login.status).toBe(401);
  });

  it("is created once through the one-time link; the link then stops working", async () => {
    const stale = await createFirstAdminLink(server.services.db, server.url);
    const link = await createFirstAdminLink(server.services.db, server.url);
    const client = new TestClient(server.url);
    // A newer link replaces the older one.
    expect(textOf((await client.page(new URL(stale).pathname)).html)).toContain("Lenken virker ikke");
    const path = new URL(link).pathname;
    expect(textOf((await client.page(path)).html)).toContain("Opprett den første administratoren");
    const created = await client.post(path, {
      name: "Aud Admin",
      email: "aud@drift.no",
      password: "drift er gøy hver dag",
      password2: "drift er gøy hver dag",
    });
    expect(created.status).toBe(303);
    expect(await hasAdmin(server.services.db)).toBe(true);
    await client.login("aud@drift.no", "drift er gøy hver dag");
    expect((await client.get("/admin")).status).toBe(200);
    const again = await new TestClient(server.url).post(path, {
      name: "Eve",
      email: "eve@x.no",
      password: "et helt annet passord",
      password2: "et helt annet passord",
    });
    expect(again.status).toBe(410);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, textOf } from "../tests/support/client.ts";
import { dialects, startTestServer, type TestServer } from "../tests/support/test-server.ts";

describe.each(dialects)("HTTP baseline on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
  });
  afterAll(() => server.close());

  it("sends a nonce-based CSP without unsafe-inline scripts, and the other security headers", async () => {
    const response = await fetch(`${server.url}/logg-inn`);
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toMatch(/script-src 'self' 'nonce-/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("strict-transport-security")).toBeNull(); // only behind https
    const html = await response.text();
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const [, attributes] of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
    // A new nonce for every response.
    const again = (await fetch(`${server.url}/logg-inn`)).headers.get("content-security-policy");
    expect(again).not.toBe(csp);
  });

  it("shares the public front page among visitors without cookies, never a signed-in user's overview", async () => {
    const first = await new TestClient(server.url).page("/");
    const again = await new TestClient(server.url).page("/");
    expect(again.response.headers.get("x-cache")).toBe("hit");
    expect(textOf(again.html)).toContain("Ta godt vare på opplysningene om barn, elever og ansatte");
    expect(again.html).toBe(first.html);
    // Plain HTML: no script to load, and none inline.
    expect(again.html).not.toContain("<script");
    const leader = new TestClient(server.url);
    await leader.login("leder@demo.oppvern.no");
    const own = await leader.page("/");
    expect(own.response.headers.get("x-cache")).toBeNull();
    expect(textOf(own.html)).toContain("Hei, Lars Leder");
    expect(textOf(own.html)).not.toContain("Ta godt vare på opplysningene om barn");
    // After logging out, the notice is for that visitor's address only, and still correct.
    const out = await new TestClient(server.url).page("/?utlogget=1");
    expect(textOf(out.html)).toContain("Du er logget ut.");
    expect(textOf((await new TestClient(server.url).page("/")).html)).not.toContain("Du er logget ut.");
  });

  it("refuses a form posted from another site, with a message in the user's language", async () => {
    const client = new TestClient(server.url);
    const forged = await client.post(
      "/logg-inn",
      { email: "admin@demo.oppvern.no", password: "oppvern-demo" },
      { origin: "https://angriper.example" },
    );
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain("Skjemaet ble stoppet");
    expect(forged.headers.getSetCookie().some((c) => c.startsWith("oppvern.session_token"))).toBe(false);
    const crossSite = await client.post("/logg-ut", {}, { origin: "", "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    const nynorsk = await client.post(
      "/logg-inn",
      {},
      { origin: "https://angriper.example", cookie: "oppvern_lang=nn" },
    );
    expect(await nynorsk.text()).toContain("Skjemaet vart stoppa");
  });

  it("answers /healthz with 200 while the database answers", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
  });

  it("exposes Prometheus metrics by route pattern, never by token", async () => {
    await (await fetch(`${server.url}/invitasjon/hemmelig-token-123`)).text();
    await (await fetch(`${server.url}/finnes-ikke`)).text();
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toContain(
      'oppvern_http_requests_total{route="/invitasjon/:token",method="GET",status="200"}',
    );
    expect(text).toMatch(/oppvern_http_requests_total\{route="\/\*",method="GET",status="404"\} \d+/);
    expect(text).toContain("oppvern_http_request_duration_seconds_bucket");
    expect(text).toContain("oppvern_db_pool_connections_total");
    expect(text).not.toContain("hemmelig-token-123");
  });

  it("gives a request id to every response", async () => {
    const response = await fetch(`${server.url}/`, { headers: { "x-request-id": "abc-123" } });
    expect(response.headers.get("x-request-id")).toBe("abc-123");
    expect((await fetch(`${server.url}/`)).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers a broken form body with 400 and a page, not 500", async () => {
    const response = await fetch(`${server.url}/logg-inn`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", origin: server.url },
      body: "dette er ikke multipart",
    });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Vi forsto ikke forespørselen");
  });

  it("answers the hot posts (live-quiz answers, autosave) with the same rules as every other post", async () => {
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, ...headers },
        body,
        redirect: "manual",
      });
    // A phone without a session is sent to its page, with the usual headers and a request id.
    const phone = await post("/delta/123456", "questionId=q&option=a", { "x-request-id": "hot-1" });
    expect(phone.status).toBe(303);
    expect(phone.headers.get("location")).toBe("/delta/123456");
    expect(phone.headers.get("x-request-id")).toBe("hot-1");
    expect(phone.headers.get("x-content-type-options")).toBe("nosniff");
    expect(phone.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    // From another site: refused, in the chosen language.
    const forged = await post("/delta/123456", "questionId=q&option=a", {
      origin: "https://angriper.example",
      cookie: "oppvern_lang=nn",
    });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain("Skjemaet vart stoppa");
    // Cookies that are not valid percent-encoding (anyone can send them) change nothing: the
    // refusal comes in bokmål, a phone is treated as not joined, and the server keeps answering.
    const garbled = await post("/delta/123456", "questionId=q&option=a", {
      origin: "https://angriper.example",
      cookie: "oppvern_lang=%E0; oppvern_delta=%E0%A4%A",
    });
    expect(garbled.status).toBe(403);
    expect(await garbled.text()).toContain("Skjemaet ble stoppet");
    const garbledPhone = await post("/delta/123456", "questionId=q&option=a", {
      cookie: "oppvern_delta=%E0%A4%A",
    });
    expect(garbledPhone.status).toBe(303);
    expect(garbledPhone.headers.get("location")).toBe("/delta/123456");
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // Too large a body: 413, not a crash; the server answers the next request.
    const huge = await post("/delta/123456", `questionId=${"x".repeat(20_000)}`);
    expect(huge.status).toBe(413);
    // Another content type goes on to the router, which has no action there.
    const json = await post("/delta/123456", "{}", { "content-type": "application/json" });
    expect(json.status).toBe(405);
    // Autosave without a session: 401 with where to log in, never cached.
    const saved = await post("/kartlegging/r1/eier/styring/autosave", "sporsmal=x&x.level=3");
    expect(saved.status).toBe(401);
    expect(saved.headers.get("cache-control")).toBe("no-store");
    expect(await saved.json()).toHaveProperty("login");
    // Both are counted under their route pattern.
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('route="/delta/:code",method="POST",status="303"');
    expect(metrics).toContain('route="/kartlegging/:id/:scope/:omrade/autosave",method="POST",status="401"');
  });

  it("shows 404 pages in the chosen language", async () => {
    const nb = await fetch(`${server.url}/finnes-ikke`);
    expect(nb.status).toBe(404);
    expect(textOf(await nb.text())).toContain("Vi finner ikke siden");
    const en = await fetch(`${server.url}/finnes-ikke?lang=en`);
    expect(await en.text()).toMatch(/<html lang="en"/);
  });
});

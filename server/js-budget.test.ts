import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { javaScriptKb } from "../scripts/js-size.ts";
import { TestClient } from "../tests/support/client.ts";
import { startTestServer, type TestServer } from "../tests/support/test-server.ts";

const BUDGET_KB = 100;

describe("JavaScript on learner pages", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite", { demo: true });
  });
  afterAll(() => server.close());

  it(`stays within ${BUDGET_KB} KB gzipped on every learner page`, async () => {
    const client = new TestClient(server.url);
    const pages = ["/kompetanse", "/kompetanse/skole/1", "/kompetanse/barnehage/3/quiz", "/delta", "/bevis"];
    const module = await client.page("/kompetanse/skole/1");
    const firstStep = module.html.match(/href="(\/kompetanse\/skole\/1\/[a-z0-9-]+)"/)?.[1];
    expect(firstStep).toBeTruthy();
    pages.push(firstStep as string);
    for (const page of pages) {
      const { html, response } = await client.page(page);
      expect(response.status, page).toBe(200);
      const { kb } = javaScriptKb(html);
      expect(kb, `${page}: ${kb.toFixed(1)} KB`).toBeLessThanOrEqual(BUDGET_KB);
    }
  });

  it("gives an assessment area only its small autosave script, not the app", async () => {
    const client = new TestClient(server.url);
    await client.login("koordinator@demo.oppvern.no");
    const start = await client.page("/kartlegging");
    const started = await client.post("/kartlegging", {
      tittel: "Skriptstørrelse",
      frist: "",
      enhet: start.html.match(/name="enhet"[^>]*value="([^"]+)"/)?.[1] ?? "",
    });
    const roundPath = (started.headers.get("location") ?? "").split("?")[0] ?? "";
    const overview = await client.page(roundPath);
    const area = overview.html.match(/href="(\/kartlegging\/[^"?#]+\/eier\/[a-z-]+)"/)?.[1];
    expect(area).toBeTruthy();
    const { html, response } = await client.page(area as string);
    expect(response.status).toBe(200);
    const { kb, files } = javaScriptKb(html);
    expect(files).toEqual(["/autosave.js"]);
    expect(kb).toBeLessThan(5);
    // The round's overview loads none.
    expect(javaScriptKb(overview.html).files).toEqual([]);
  });

  it("measures what it claims: an interactive page does load React", async () => {
    const client = new TestClient(server.url);
    await client.login("koordinator@demo.oppvern.no");
    const { html } = await client.page("/organisasjon");
    expect(javaScriptKb(html).kb).toBeGreaterThan(50);
  });

  it("gives a hydrated page the bokmål messages only, not nynorsk and English (~28 KB each)", async () => {
    const client = new TestClient(server.url);
    await client.login("koordinator@demo.oppvern.no");
    const { html } = await client.page("/organisasjon");
    const scripts = javaScriptKb(html).files.map((file) =>
      readFileSync(path.join("build/client", file), "utf8"),
    );
    const has = (text: string) => scripts.some((source) => source.includes(text));
    // The same message in each language: the skip link.
    expect(has("Hopp til hovedinnholdet")).toBe(true);
    expect(has("Hopp til hovudinnhaldet")).toBe(false);
    expect(has("Skip to main content")).toBe(false);
  });
});

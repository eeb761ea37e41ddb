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

  it("measures what it claims: an interactive page does load React", async () => {
    const client = new TestClient(server.url);
    await client.login("koordinator@demo.oppvern.no");
    const { html } = await client.page("/organisasjon");
    expect(javaScriptKb(html).kb).toBeGreaterThan(50);
  });
});

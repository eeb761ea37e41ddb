import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const baseUrl = () => inject("baseUrl");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const withoutJavaScript = new WeakMap<Page, Browser>();

export const PHONE = { width: 390, height: 844 };

export async function newPage(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
) {
  const context: BrowserContext = await browser.newContext({
    baseURL: baseUrl(),
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    isMobile: options.viewport === PHONE,
    hasTouch: options.viewport === PHONE,
  });
  const page = await context.newPage();
  if (options.javaScriptEnabled === false) withoutJavaScript.set(page, browser);
  return page;
}

/**
 * Every page a journey visits is checked against WCAG 2.1 A and AA. axe runs as a script, so a
 * page seen without JavaScript is checked as a copy of exactly what that browser got, with its
 * scripts removed, on the same origin so that the styles apply.
 */
export async function expectAccessible(page: Page) {
  const browser = withoutJavaScript.get(page);
  let target = page;
  if (browser) {
    const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/g, "");
    target = await newPage(browser);
    await target.goto("/healthz");
    await target.setContent(html, { waitUntil: "load" });
  }
  const result = await new AxeBuilder({ page: target })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  if (target !== page) await target.context().close();
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

export async function login(page: Page, email: string, password = "oppvern-demo") {
  await page.goto("/logg-inn");
  await page.getByLabel(/E-post/).fill(email);
  await page.getByLabel(/^Passord/).fill(password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/logg-inn"));
}

/** The main heading, once the page has rendered it. */
export async function heading(page: Page, expected: string | RegExp) {
  await expect
    .poll(() => page.getByRole("heading", { level: 1 }).textContent())
    .toMatch(
      typeof expected === "string" ? new RegExp(expected.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : expected,
    );
}

export async function screenshot(page: Page, name: string) {
  mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

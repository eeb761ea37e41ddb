import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** The global set-up starts a mock OpenID provider as Feide; it signs in the demo's leder. */
describe("single sign-on with Feide", () => {
  it("signs in with «Logg inn med Feide» and lands on the front page, signed in", async () => {
    const page = await newPage(browser);
    await page.goto("/logg-inn");
    await heading(page, "Logg inn");
    const feide = page.getByRole("link", { name: "Logg inn med Feide" });
    await expect.poll(() => feide.isVisible()).toBe(true);
    // The e-mail form stays beside it.
    await expect.poll(() => page.getByLabel(/E-post/).isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, "logg-inn-sso-1280");

    // By keyboard: the link is reached with Tab and followed with Enter.
    await feide.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/");
    const cookies = await page.context().cookies();
    expect(cookies.some((c) => c.name === "oppvern.session_token")).toBe(true);
    await page.goto("/profil");
    await expect.poll(() => page.locator("main").textContent()).toContain("leder@demo.oppvern.no");
    await page.context().close();
  });

  it("works without JavaScript, and on a phone", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false, viewport: PHONE });
    await page.goto("/logg-inn");
    await expectAccessible(page);
    await screenshot(page, "logg-inn-sso-390");
    await page.getByRole("link", { name: "Logg inn med Feide" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto("/profil");
    await expect.poll(() => page.locator("main").textContent()).toContain("leder@demo.oppvern.no");
    await page.context().close();
  });

  it("explains a failed sign-in on the login page, in plain words", async () => {
    const page = await newPage(browser);
    await page.goto("/logg-inn/sso/feide/tilbake?code=abc&state=feil");
    await page.waitForURL(/\/logg-inn\?/);
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("Innloggingen tok for lang tid, eller den ble startet i en annen nettleser");
    await expectAccessible(page);
    await screenshot(page, "logg-inn-sso-feil");
    await page.context().close();
  });
});

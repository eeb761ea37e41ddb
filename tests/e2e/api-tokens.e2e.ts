import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe("personal API tokens on the profile page", () => {
  it("creates a token, shows it once with a warning, lists it, and revokes it", async () => {
    const page = await newPage(browser);
    await login(page, "personvernombud@demo.oppvern.no");
    await page.goto("/profil?lang=nb");
    await heading(page, "Min profil");
    expect(await page.getByRole("heading", { name: "API-nøkler" }).isVisible()).toBe(true);
    await expectAccessible(page);
    await page.getByLabel("Navn på nøkkelen").fill("Rapport til ledermøtet");
    await page.getByLabel("30 dager").check();
    await page.getByRole("button", { name: "Lag API-nøkkel" }).click();
    const shown = page.getByLabel("Din nye API-nøkkel");
    await expect.poll(() => shown.count()).toBe(1);
    const token = await shown.inputValue();
    expect(token).toMatch(/^oppv_[\w-]{43}$/);
    const main = page.locator("main");
    expect(await main.textContent()).toContain("Du får ikke se den igjen");
    expect(await page.getByRole("button", { name: "Kopier nøkkelen" }).isVisible()).toBe(true);
    const row = page.getByRole("listitem").filter({ hasText: "Rapport til ledermøtet" });
    expect(await row.textContent()).toContain(`${token.slice(0, 12)}…`);
    // The form starts empty again for the next token.
    expect(await page.getByLabel("Navn på nøkkelen").inputValue()).toBe("");
    await expectAccessible(page);
    await screenshot(page, "profil-api-nokkel");
    // The token works on the API, where the browser's session alone would not.
    const me = await page.request.get("/api/v1/meg", { headers: { authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(200);
    expect((await me.json()).epost).toBe("personvernombud@demo.oppvern.no");
    // Shown once: the page read again does not have it.
    await page.goto("/profil");
    expect(await page.getByLabel("Din nye API-nøkkel").count()).toBe(0);
    expect(await page.content()).not.toContain(token);
    await page.getByRole("button", { name: "Trekk tilbake nøkkelen «Rapport til ledermøtet»" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("Nøkkelen er trukket tilbake");
    expect(await page.getByRole("listitem").filter({ hasText: "Rapport til ledermøtet" }).count()).toBe(0);
    await expectAccessible(page);
    const after = await page.request.get("/api/v1/meg", { headers: { authorization: `Bearer ${token}` } });
    expect(after.status()).toBe(401);
    await page.context().close();
  });

  it("works without JavaScript on a phone: says what to fix, then shows the token", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false, viewport: PHONE });
    await login(page, "leder@demo.oppvern.no");
    await page.goto("/profil?lang=nb");
    await heading(page, "Min profil");
    await page.getByRole("button", { name: "Lag API-nøkkel" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("Skriv et navn på nøkkelen");
    await expectAccessible(page);
    await page.getByLabel("Navn på nøkkelen").fill("Regneark for rektor");
    await page.getByRole("button", { name: "Lag API-nøkkel" }).click();
    const token = await page.getByLabel("Din nye API-nøkkel").inputValue();
    expect(token).toMatch(/^oppv_/);
    // Without JavaScript there is no copy button that would do nothing; the field can be selected.
    expect(await page.getByRole("button", { name: "Kopier nøkkelen" }).count()).toBe(0);
    expect(await page.locator("main").textContent()).toContain("Regneark for rektor");
    await expectAccessible(page);
    await screenshot(page, "profil-api-nokkel-mobil");
    await page.context().close();
  });
});

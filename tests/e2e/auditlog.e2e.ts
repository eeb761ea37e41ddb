import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe("the audit log", () => {
  it("shows the koordinator, without JavaScript, that a leader opened a system, and filters it", async () => {
    // Lars Leder opens one of Demo kommune's systems.
    const reader = await newPage(browser);
    await login(reader, "leder@demo.oppvern.no");
    await reader.goto("/systemer?lang=nb");
    await reader.getByRole("link", { name: "Krokus barnehageapp" }).click();
    await heading(reader, "Krokus barnehageapp");
    // The leader has no link to the log, and the log is not there for them.
    expect(await reader.getByRole("link", { name: "Logg", exact: true }).count()).toBe(0);
    await reader.context().close();

    const page = await newPage(browser, { javaScriptEnabled: false });
    await login(page, "koordinator@demo.oppvern.no");
    await page.goto("/systemer?lang=nb");
    await page.getByRole("navigation", { name: "Registrene" }).getByRole("link", { name: "Logg" }).click();
    await heading(page, "Logg: hvem har sett og endret");
    // Other journeys may have had Lars open other entries since: find his opening of this one.
    const row = page.getByRole("row", { name: /Lars Leder.*Krokus barnehageapp/ }).first();
    expect(await row.textContent()).toMatch(
      /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}Lars LederÅpnetSystemer og leverandørerKrokus barnehageapp$/,
    );
    expect(await row.getByRole("link", { name: "Krokus barnehageapp" }).getAttribute("href")).toMatch(
      /^\/systemer\/[\w-]+$/,
    );
    await expectAccessible(page);
    await screenshot(page, "logg");

    await page.getByLabel("Person").selectOption({ label: "Lars Leder" });
    await page.getByLabel("Register").selectOption({ label: "Systemer og leverandører" });
    await page.getByRole("button", { name: "Vis", exact: true }).click();
    await heading(page, "Logg: hvem har sett og endret");
    const rows = page.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents())
      expect(text).toMatch(/Lars Leder.*Systemer og leverandører/);
    expect(await page.getByLabel("Person").inputValue()).not.toBe("");

    // A period that ends before it starts is said, and what was chosen stays.
    await page.getByLabel("Fra og med dato").fill("2026-12-04");
    await page.getByLabel("Til og med dato").fill("2026-12-01");
    await page.getByRole("button", { name: "Vis", exact: true }).click();
    expect(await page.getByRole("alert").textContent()).toContain("Til-datoen kan ikke være før fra-datoen.");
    expect(await page.getByLabel("Til og med dato").inputValue()).toBe("2026-12-01");
    await expectAccessible(page);
    await screenshot(page, "logg-feil");
  });

  it("fits a phone", async () => {
    const page = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    await login(page, "personvernombud@demo.oppvern.no");
    await page.goto("/logg?lang=nb");
    await heading(page, "Logg: hvem har sett og endret");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    await screenshot(page, "logg-mobil");
    // The top of the table as the phone shows it.
    await page.locator("table").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/screenshots/logg-mobil-tabell.png" });
    await page.evaluate(() => {
      const box = document.querySelector(".table-scroll");
      if (box) box.scrollLeft = 400;
    });
    await page.screenshot({ path: "test-results/screenshots/logg-mobil-tabell-hoyre.png" });
  });
});

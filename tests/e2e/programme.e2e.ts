import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe("guidance programmes", () => {
  it("the network's programansvarlig opens the programme, sets a gathering's place and reads the cohort figures", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await login(page, "programansvarlig@demo.oppvern.no");
    await page.goto("/?lang=nb");
    await page.getByRole("link", { name: "Program", exact: true }).first().click();
    await heading(page, "Veiledningsprogram");
    await expectAccessible(page);
    await screenshot(page, "program");
    await page.getByRole("link", { name: "Veiledning i personvern 2026–2027" }).click();
    await heading(page, "Veiledning i personvern 2026–2027");
    const gathering = page.locator("#samling-3");
    await gathering.getByLabel("Sted").fill("Kulturhuset, sal 2");
    await gathering.getByRole("button", { name: /^Lagre dato og sted/ }).click();
    await expect
      .poll(() => page.locator("#samling-3").textContent())
      .toContain("4. februar 2027, Kulturhuset, sal 2");
    const figures = await page.locator("#tall ~ *").allTextContents();
    expect(figures.join(" ")).toContain("7 av 7 eiere har avsluttet en kartlegging.");
    expect(await page.getByRole("table").textContent()).toContain("Median");
    await expectAccessible(page);
    await screenshot(page, "program-samlinger");
    await page.context().close();
  });

  it("a guide on a phone reads the programme without forms", async () => {
    const page = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    await login(page, "veileder@demo.oppvern.no");
    await page.goto("/program?lang=nb");
    await page.getByRole("link", { name: "Veiledning i personvern 2026–2027" }).click();
    await heading(page, "Veiledning i personvern 2026–2027");
    expect(await page.locator("main form").count()).toBe(0);
    expect(await page.locator("main").textContent()).toContain("For veilederne");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    await screenshot(page, "program-mobil");
    await page.context().close();
  });
});

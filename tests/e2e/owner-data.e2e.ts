import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

// The deletion itself is tested against its own database (app/features/orgs/owner-data.test.ts):
// here the browser shares the demo owner with every other journey, so it stops before deleting.
describe("the owner's data", () => {
  it("a koordinator without JavaScript downloads everything, and a slip of the hand deletes nothing", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false, viewport: PHONE });
    await login(page, "koordinator@demo.oppvern.no");
    await page.goto("/?lang=nb");
    await page.getByRole("link", { name: "Organisasjon" }).first().click();
    await heading(page, "Demo kommune");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Last ned alle data (Excel)" }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path()) ?? "");
    expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Eier og enheter", "Avvik"]));
    await page.getByRole("link", { name: "Slett eieren og alle dataene" }).click();
    await heading(page, "Slette Demo kommune?");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    await page.getByLabel(/Skriv navnet på eieren/).fill("Demo");
    await page.getByRole("button", { name: "Slett eieren for godt" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("Navnet er ikke likt");
    expect(await page.getByLabel(/Skriv navnet på eieren/).inputValue()).toBe("Demo");
    await expectAccessible(page);
    await screenshot(page, "eier-slett-mobil");
    await page.getByRole("link", { name: "Avbryt" }).click();
    await heading(page, "Demo kommune");
    await page.context().close();
  });
});

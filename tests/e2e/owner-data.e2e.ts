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
  it("a programansvarlig invites an owner to the network and is told what to fix", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false, viewport: PHONE });
    await login(page, "programansvarlig@demo.oppvern.no");
    // The organisation page of the programansvarlig is the network's.
    await page.goto("/organisasjon");
    await heading(page, "Demo digitaliseringsnettverk");
    const field = page.getByLabel("Organisasjonsnummer");
    await field.fill("123 456");
    await page.getByRole("button", { name: "Inviter eieren" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("Skriv et gyldig organisasjonsnummer med ni siffer.");
    expect(await page.getByLabel("Organisasjonsnummer").inputValue()).toBe("123 456");
    await expectAccessible(page);
    await screenshot(page, "nettverk-inviter-feil-mobil");
    // Every demo owner is a member already: the page says so rather than sending anything.
    await page.getByLabel("Organisasjonsnummer").fill("910000039");
    await page.getByRole("button", { name: "Inviter eieren" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("Eieren er allerede med i nettverket.");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });

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
    expect(book.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["Eier og enheter", "Avvik", "Program", "Dokumentasjon (filer)"]),
    );
    // The uploaded evidence files come as a ZIP file beside the workbook.
    const [zip] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Last ned dokumentasjonsfilene (ZIP)" }).click(),
    ]);
    expect(zip.suggestedFilename()).toBe("dokumentasjon-demo-kommune.zip");
    // The owner's networks are on its page.
    await expect
      .poll(() => page.getByRole("heading", { name: "Nettverk", exact: true }).isVisible())
      .toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    await screenshot(page, "eier-data-mobil");
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

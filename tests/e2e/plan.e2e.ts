import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe("prioritising and the action plan", () => {
  it("a koordinator without JavaScript turns the round's gaps into proposals, decides, and plans a measure", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await login(page, "koordinator@nabo.oppvern.no");
    // In bokmål, whatever an earlier test left in this person's profile.
    await page.goto("/?lang=nb");
    await page.getByRole("link", { name: "Handlingsplan", exact: true }).first().click();
    await heading(page, "Handlingsplan");
    expect(await page.locator("main").textContent()).toContain("Planen er tom");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Til prioriteringen" }).click();
    await heading(page, "Prioritering");
    await page.getByRole("button", { name: "Lag forslag fra kartleggingen" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toMatch(/\d+ nye forslag er laget/);
    await expectAccessible(page);
    await screenshot(page, "prioritering");
    const cards = page.locator("#forslag ~ ol > li");
    const first = cards.nth(0);
    const second = cards.nth(1);
    const secondTitle = (await second.locator("h3").textContent())?.replace(/^\d+\.\s*/, "") ?? "";
    // Letting one wait needs a reason; the page says so by the field.
    await second.getByRole("button", { name: /^La vente/ }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("Skriv hvorfor tiltaket kan vente.");
    await expectAccessible(page);
    await page
      .locator("article", { hasText: secondTitle })
      .getByLabel("Begrunnelse")
      .fill("Vi bytter fagsystem til høsten og tar det da.");
    await page
      .locator("article", { hasText: secondTitle })
      .getByRole("button", { name: /^La vente/ })
      .click();
    await expect.poll(() => page.locator("#valgt-bort ~ ul").textContent()).toContain(secondTitle);
    const firstTitle = (await first.locator("h3").textContent())?.replace(/^\d+\.\s*/, "") ?? "";
    await page
      .locator("article", { hasText: firstTitle })
      .getByRole("button", { name: /^Ta inn i handlingsplanen/ })
      .click();
    await page.getByRole("link", { name: /^Til handlingsplanen \(1 tiltak valgt\)/ }).click();
    await heading(page, "Handlingsplan");
    await page.getByRole("link", { name: firstTitle }).click();
    await heading(page, firstTitle);
    expect(await page.locator("main").textContent()).toContain("Svakhet fra kartleggingen");
    await page.getByLabel("Ansvarlig").selectOption({ label: "Nils Nabo" });
    await page.getByLabel("Frist").fill("2027-03-15");
    await page.getByLabel("Status").selectOption("pagar");
    await page.getByRole("button", { name: "Lagre" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Tiltaket er lagret.");
    await expectAccessible(page);
    await screenshot(page, "tiltak");
    await page.getByRole("link", { name: "Handlingsplan" }).first().click();
    const row = page.getByRole("row", { name: new RegExp(firstTitle.slice(0, 20)) });
    expect(await row.textContent()).toContain("Nils Nabo");
    expect(await row.textContent()).toContain("15. mars 2027");
    expect(await row.textContent()).toContain("Pågår");
    await screenshot(page, "handlingsplan");
    // The due dates in a calendar app: a secret address, shown once.
    await page.getByRole("button", { name: "Lag kalenderadresse" }).click();
    const address = await page.getByLabel("Din kalenderadresse").inputValue();
    expect(address).toMatch(/\/handlingsplan\/kalender\/[\w-]+\.ics$/);
    const ics = await (await page.request.get(address)).text();
    expect(ics).toContain("DTSTART;VALUE=DATE:20270315");
    await expectAccessible(page);
    // The evaluation: how far the plan has come, before the next round.
    await page.getByRole("link", { name: "Evaluering" }).click();
    await heading(page, "Evaluering");
    expect(await page.locator("main").textContent()).toContain(
      "Tiltak: 1. Ferdige: 0. Pågår: 1. Ikke startet: 0.",
    );
    await expectAccessible(page);
    await screenshot(page, "evaluering");
    await page.context().close();
  });

  it("a unit leader on a phone reads the plan, sees what is overdue, and gets no forms", async () => {
    const page = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    await login(page, "leder@demo.oppvern.no");
    await page.goto("/handlingsplan?lang=nb");
    await heading(page, "Handlingsplan");
    const table = await page.locator("table").textContent();
    expect(table).toContain("Over fristen");
    expect(table).toContain("Ferdig");
    expect(await page.getByRole("link", { name: "Nytt tiltak" }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, "handlingsplan-mobil");
    await page.getByRole("link", { name: /^Vis bare mine/ }).click();
    await expect.poll(() => page.locator("main").textContent()).toContain("Tiltak du har ansvaret for");
    expect(await page.locator("table").textContent()).toContain("Over fristen");
    await page.locator("table a").first().click();
    expect(await page.locator("main").textContent()).toContain("Koordinatoren endrer handlingsplanen");
    expect(await page.locator("main form").count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    await screenshot(page, "tiltak-mobil");
    await page.context().close();
  });
});

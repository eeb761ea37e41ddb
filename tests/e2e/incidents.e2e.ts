import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe("incidents (avvik)", () => {
  it("a teacher on a phone without JavaScript reports an incident in one form, and fixes what it asks", async () => {
    const page = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    await login(page, "ansatt@demo.oppvern.no");
    await page.goto("/avvik");
    await heading(page, "Avvik");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Meld et avvik" }).click();
    await heading(page, "Meld et avvik");
    // Her own school is chosen already; nothing else is needed but what happened.
    expect(await page.getByLabel("Hvor skjedde det?").locator("option:checked").textContent()).toBe(
      "Eik barneskole",
    );
    await page.getByLabel("Foresatte").check();
    await page.getByRole("button", { name: "Send meldingen" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("Skriv kort hva som har skjedd.");
    expect(page.url()).toContain("#feil");
    // What she chose is still chosen.
    expect(await page.getByLabel("Foresatte").isChecked()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, "avvik-feil-mobil");
    await page
      .getByLabel("Hva har skjedd?")
      .fill("Jeg la igjen en utskrift av klasselista med telefonnumre til foresatte på bussen.");
    await page.getByLabel("2–10 personer").check();
    await page.getByRole("button", { name: "Send meldingen" }).click();
    await heading(page, /^Avvik mottatt/);
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Meldingen er sendt");
    expect(await page.locator("main").textContent()).toMatch(/7[12] timer igjen av fristen/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    await screenshot(page, "avvik-kvittering-mobil");
    await page.context().close();
  });

  it("the koordinator sees the log with its clocks, assesses the report, notes the notice and closes it", async () => {
    const page = await newPage(browser);
    await login(page, "koordinator@demo.oppvern.no");
    await page.getByRole("link", { name: "Avvik", exact: true }).first().click();
    await heading(page, "Avvik");
    await expect.poll(() => page.locator("table").textContent()).toContain("klasselista med telefonnumre");
    expect(await page.locator("table").textContent()).toContain("timer igjen av fristen");
    expect(await page.locator("table").textContent()).toContain("Skal ikke meldes");
    await expectAccessible(page);
    await screenshot(page, "avvikslogg");
    await page
      .getByRole("row", { name: /klasselista med telefonnumre/ })
      .getByRole("link")
      .click();
    await heading(page, /^Avvik mottatt/);
    await page.getByLabel("Noen som ikke skulle, fikk eller kunne få se opplysningene").check();
    await page.getByLabel("Kan gi risiko: meld til Datatilsynet").check();
    await page.getByLabel("Status").selectOption("lukket");
    await page.getByRole("button", { name: "Lagre" }).click();
    // Closing asks for what the log must hold; the choices made are kept.
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("Skriv vurderingen");
    expect(await page.getByLabel("Kan gi risiko: meld til Datatilsynet").isChecked()).toBe(true);
    await expectAccessible(page);
    await page
      .getByLabel("Vurdering")
      .fill(
        "Telefonnumre til foresatte i én klasse kan ha blitt sett av andre passasjerer. Ingen sensitive opplysninger.",
      );
    await page.getByLabel("Dato meldt til Datatilsynet").fill("2026-12-02");
    await page
      .getByLabel("Tiltak")
      .fill("Bussselskapet fant arket og makulerte det. Klasselister skrives ikke ut lenger.");
    await page.getByRole("button", { name: "Lagre" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Lagret.");
    expect(await page.locator("main").textContent()).toContain("Meldt 2. desember 2026");
    await expectAccessible(page);
    await screenshot(page, "avvik-behandlet");
    await page.context().close();
  });
});

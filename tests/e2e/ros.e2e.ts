import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe("risk assessments (ROS)", () => {
  it("a koordinator without JavaScript assesses a service, adds a risk after a mistake, and puts its measure in the plan", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await login(page, "koordinator@demo.oppvern.no");
    await page.goto("/?lang=nb");
    await page.getByRole("link", { name: "Registre", exact: true }).first().click();
    await page.getByRole("navigation", { name: "Registrene" }).getByRole("link", { name: /ROS/ }).click();
    await heading(page, "Risikovurderinger (ROS)");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Ny risikovurdering" }).click();
    await heading(page, "Ny risikovurdering");
    await page.getByLabel("Navn på vurderingen").fill("Quiz-app på ungdomsskolen");
    await page.getByRole("button", { name: "Opprett og gå videre til risikoene" }).click();
    // Nothing is lost: the name stays, and the summary says what is missing.
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("Skriv hva dere vurderer.");
    expect(await page.getByLabel("Navn på vurderingen").inputValue()).toBe("Quiz-app på ungdomsskolen");
    await expectAccessible(page);
    await page
      .getByLabel("Hva vurderes")
      .fill("Appen lærerne bruker til quiz i timen. Elevene logger inn med skolekontoen.");
    await page.getByRole("button", { name: "Opprett og gå videre til risikoene" }).click();
    await heading(page, "Quiz-app på ungdomsskolen");
    expect(await page.locator("main").textContent()).toContain("Risikoer (0)");

    const form = page.locator("form", { has: page.getByRole("button", { name: "Legg til risikoen" }) });
    await form.getByLabel("Hva kan skje").fill("Elevenes svar blir lagret hos leverandøren i flere år");
    await form.getByLabel("Sannsynlighet", { exact: true }).selectOption("4");
    await form.getByLabel("Tiltak", { exact: true }).fill("Be leverandøren slette svar etter skoleåret");
    await form.getByLabel("Sannsynlighet etter tiltaket").selectOption("2");
    await form.getByRole("button", { name: "Legg til risikoen" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("Velg en konsekvens fra 1 til 5.");
    await expectAccessible(page);
    await form.getByLabel("Konsekvens", { exact: true }).selectOption("3");
    await form.getByLabel("Konsekvens etter tiltaket").selectOption("3");
    expect(await form.getByLabel("Hva kan skje").inputValue()).toBe(
      "Elevenes svar blir lagret hos leverandøren i flere år",
    );
    await form.getByRole("button", { name: "Legg til risikoen" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Risikoen er lagret.");
    const card = page.locator("article", { hasText: "Elevenes svar blir lagret" });
    expect(await card.textContent()).toContain("Høy (sannsynlighet 4 × konsekvens 3 = 12)");
    expect(await card.textContent()).toContain("Middels (sannsynlighet 2 × konsekvens 3 = 6)");
    // The matrix counts it in the cell for likelihood 4 and consequence 3, before the measure.
    const before = page.getByRole("group", { name: "Før tiltak" });
    expect(
      await before
        .getByRole("row", { name: /^3 Moderat/ })
        .getByRole("cell")
        .nth(3)
        .textContent(),
    ).toContain("1");
    await expectAccessible(page);
    await screenshot(page, "ros");

    await card.getByRole("button", { name: /^Legg tiltaket i handlingsplanen/ }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("Tiltaket er lagt i handlingsplanen.");
    await page
      .locator("article", { hasText: "Elevenes svar blir lagret" })
      .getByRole("link", { name: "Be leverandøren slette svar etter skoleåret" })
      .click();
    await heading(page, "Be leverandøren slette svar etter skoleåret");
    expect(await page.locator("main").textContent()).toContain("Fra risikovurdering");
    await expectAccessible(page);
    await page.context().close();
  });

  it("a unit leader on a phone reads the assessment and its matrix, without forms", async () => {
    const page = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    await login(page, "leder@demo.oppvern.no");
    await page.goto("/ros?lang=nb");
    await heading(page, "Risikovurderinger (ROS)");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Læringsplattform på barneskolene" }).click();
    await heading(page, "Læringsplattform på barneskolene");
    expect(await page.locator("main").textContent()).toContain("I handlingsplanen");
    expect(await page.locator("main form").count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    await screenshot(page, "ros-mobil");
    await page.context().close();
  });
});

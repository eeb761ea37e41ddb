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

  it("the programansvarlig opens a gathering's page and writes its agenda, without JavaScript", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await login(page, "programansvarlig@demo.oppvern.no");
    await page.goto("/program?lang=nb");
    await page.getByRole("link", { name: "Veiledning i personvern 2026–2027" }).click();
    await page.getByRole("link", { name: /^Mål, egenarbeid og agenda\W*Samling 2$/ }).click();
    await heading(page, "Samling 2: Prioritering");
    const main = page.locator("main");
    expect(await main.textContent()).toContain("Dette er et forslag til agenda.");
    expect(await main.textContent()).toContain("Del 1 – for veilederne");
    await expectAccessible(page);
    const agenda = page.getByLabel("Agendaen for samlingen");
    await agenda.fill("09.00 Kaffe\n09.30 Runde om kartleggingen\n11.00 Prioritering i gruppene");
    await page.getByRole("button", { name: "Lagre agendaen" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Agendaen er lagret.");
    const points = await page.locator("#agenda ~ ol li").allTextContents();
    expect(points).toEqual(["09.00 Kaffe", "09.30 Runde om kartleggingen", "11.00 Prioritering i gruppene"]);
    await expectAccessible(page);
    await screenshot(page, "program-samling-agenda");
    await page.context().close();
  });

  it("a koordinator on a phone reads what to do before the next gathering", async () => {
    const page = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    await login(page, "koordinator@demo.oppvern.no");
    await page.goto("/program?lang=nb");
    await page.getByRole("link", { name: "Veiledning i personvern 2026–2027" }).click();
    await page.getByRole("link", { name: /^Mål, egenarbeid og agenda\W*Samling 1$/ }).click();
    await heading(page, "Samling 1: Kartlegging");
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toContain("Egenarbeid før samling 2");
    expect(text).not.toContain("Del 1 – for veilederne");
    await page.getByRole("link", { name: /Gjør ferdig kartleggingen/ }).click();
    await heading(page, "Kartlegging");
    await page.goBack();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    await screenshot(page, "program-samling-mobil");
    await page.context().close();
  });

  it("the programansvarlig adds a link to the resource library, and a koordinator reads the invitation letter", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await login(page, "programansvarlig@demo.oppvern.no");
    await page.goto("/program?lang=nb");
    await page.getByRole("link", { name: "Veiledning i personvern 2026–2027" }).click();
    await page.getByRole("link", { name: /^Ressursbanken/ }).click();
    await heading(page, "Ressursbanken");
    await expectAccessible(page);
    await page.getByLabel("Tittel").fill("Nettverkets årshjul");
    await page.getByLabel("Nettadresse").fill("https://digi.example.no/arshjul");
    await page.getByLabel("Hører til").selectOption("3");
    await page.getByRole("button", { name: "Legg til lenken" }).click();
    await expect.poll(() => page.locator("#egne ~ *").allTextContents()).toContain("Lenken er lagt til.");
    await page.getByLabel("Samling", { exact: true }).selectOption("3");
    await page.getByRole("button", { name: "Vis", exact: true }).click();
    const shown = (await page.locator("main").textContent()) ?? "";
    expect(shown).toContain("Nettverkets årshjul");
    expect(shown).toContain("Viser ressursene til samling 3");
    await expectAccessible(page);
    await screenshot(page, "program-ressurser");
    await page.context().close();

    const phone = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    await login(phone, "koordinator@demo.oppvern.no");
    await phone.goto("/program?lang=nb");
    await phone.getByRole("link", { name: "Veiledning i personvern 2026–2027" }).click();
    await phone.getByRole("link", { name: /^Ressursbanken/ }).click();
    expect(await phone.locator("main").textContent()).not.toContain("Bli veileder");
    await phone.getByRole("link", { name: "Invitasjon til eiere – brevmal" }).click();
    await heading(phone, "Invitasjon til eiere – brevmal");
    expect(await phone.locator("main").textContent()).toContain("Hva vi ber dere om");
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(phone);
    await screenshot(phone, "program-ressurs-mobil");
    await phone.context().close();
  });
});

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe("systems and suppliers", () => {
  it("a koordinator without JavaScript registers a service, is told what to fix, and follows the guide", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await login(page, "koordinator@demo.oppvern.no");
    await page.goto("/?lang=nb");
    await page.goto("/systemer");
    await heading(page, "Systemer og leverandører");
    const main = () => page.locator("main").textContent();
    expect(await main()).toContain("1 tjeneste i bruk mangler databehandleravtale.");
    expect(await page.getByRole("row", { name: /Elevfokus/ }).textContent()).toContain("(passert)");
    await expectAccessible(page);
    await screenshot(page, "systemer");

    await page.getByRole("link", { name: "Ny tjeneste" }).click();
    await heading(page, "Ny tjeneste");
    await expectAccessible(page);
    await page.getByLabel("Navn på tjenesten").fill("Skriveverkstedet");
    await page.getByLabel("Hva brukes den til?").fill("Skriveopplæring på 3.–7. trinn.");
    await page.getByLabel("Personopplysninger i tjenesten").fill("Elevenes navn og tekstene de skriver.");
    await page.locator("#f-databehandler").getByLabel("Ja", { exact: true }).check();
    await page.getByLabel("Databehandleravtale", { exact: true }).selectOption("signert");
    await page.getByRole("button", { name: "Lagre tjenesten" }).click();
    const summary = page.getByRole("alert");
    await expect.poll(() => summary.textContent()).toContain("Skriv hvem som leverer tjenesten.");
    expect(await summary.textContent()).toContain(
      "En signert databehandleravtale trenger datoen den ble signert.",
    );
    expect(await page.getByLabel("Navn på tjenesten").inputValue()).toBe("Skriveverkstedet");
    expect(await page.getByLabel("Hva brukes den til?").inputValue()).toBe("Skriveopplæring på 3.–7. trinn.");
    expect(await page.locator("#f-databehandler").getByLabel("Ja", { exact: true }).isChecked()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, "systemer-ny-feil");

    await page.getByLabel("Leverandør", { exact: true }).fill("Måkeskjær Programvare AS");
    await page.getByLabel("Avtalen ble signert").fill("2026-11-02");
    await page.getByRole("button", { name: "Lagre tjenesten" }).click();
    await heading(page, "Skriveverkstedet");
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Tjenesten er lagret.");
    const guide = page.locator("section", {
      has: page.getByRole("heading", { name: "Kan vi ta i bruk tjenesten?" }),
    });
    expect(await guide.textContent()).toContain("2 av 5 steg er gjort.");
    expect(await guide.getByRole("heading", { name: /^Førstevurdering/ }).textContent()).toContain("(gjort)");
    expect(await guide.getByRole("heading", { name: /^Risikovurdering/ }).textContent()).toContain(
      "(mangler noe)",
    );
    expect(
      await guide.getByRole("link", { name: "Start en DPIA for tjenesten" }).getAttribute("href"),
    ).toMatch(/^\/dpia\/ny\?tjeneste=[\w-]+$/);
    await expectAccessible(page);
    await screenshot(page, "system-veileder");

    // The guide's "what is missing" leads to the field to fill.
    await guide.getByRole("link", { name: /Ingen risikovurdering er registrert/ }).click();
    expect(page.url()).toContain("#f-rosDato");
    await page.getByLabel("Dato for siste risikovurdering (ROS)").fill("2026-10-20");
    await page.getByLabel("Trengs en DPIA?").selectOption("ikke-nodvendig");
    await page.getByLabel("Status", { exact: true }).selectOption("i-bruk");
    await page.getByLabel("Beslutning og begrunnelse").fill("Godkjent av oppvekstsjefen etter ROS.");
    await page.getByRole("button", { name: "Lagre endringene" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Tjenesten er lagret.");
    expect(await guide.textContent()).toContain("5 av 5 steg er gjort.");
    // In use with a signed agreement but no review date: saved, and the page says so.
    expect(await main()).toContain("Databehandleravtalen har ingen dato for neste gjennomgang.");
    await expectAccessible(page);
    await screenshot(page, "system-lagret");

    await page.getByRole("link", { name: "Systemer og leverandører" }).click();
    const row = page.getByRole("row", { name: /Skriveverkstedet/ });
    expect(await row.textContent()).toContain("I bruk");
    expect(await row.textContent()).toContain("Mangler dato");
    await expectAccessible(page);
    await page.context().close();
  });

  it("a unit leader on a phone reads the register and a service, with no forms", async () => {
    const page = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    await login(page, "leder@demo.oppvern.no");
    await page.goto("/systemer?lang=nb");
    await heading(page, "Systemer og leverandører");
    expect(await page.getByRole("link", { name: "Ny tjeneste" }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByLabel("Hvilke tjenester vil du se?").selectOption("oppfolging");
    await page.getByRole("button", { name: "Vis", exact: true }).click();
    await expect.poll(() => page.locator("table").textContent()).not.toContain("Ordlaben");
    expect(await page.locator("table").textContent()).toContain("Krokus barnehageapp");
    await expectAccessible(page);
    await screenshot(page, "systemer-mobil");
    await page.getByRole("link", { name: "Krokus barnehageapp" }).click();
    await heading(page, "Krokus barnehageapp");
    const text = await page.locator("main").textContent();
    expect(text).toContain("databehandleravtalen er ikke signert");
    expect(text).toContain("Koordinatoren og personvernombudet endrer registeret.");
    expect(await page.locator("main form").count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    await screenshot(page, "system-mobil");
    await page.context().close();
  });
});

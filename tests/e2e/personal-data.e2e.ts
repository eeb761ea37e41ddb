import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe("the personal-data guide and the classifier", () => {
  it("a teacher on a phone reads the guide, opens an example and checks a description, without JavaScript", async () => {
    const page = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    await page.goto("/");
    await page.getByRole("link", { name: "Personopplysninger" }).first().click();
    await heading(page, "Hva er personopplysninger?");
    await expectAccessible(page);
    await screenshot(page, "veileder-mobil");
    const example = page.locator("details.guide-example").first();
    await example.locator("summary").click();
    await expect.poll(() => example.locator(".verdict").isVisible()).toBe(true);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Sjekk en opplysning" }).first().click();
    await heading(page, "Sjekk en opplysning");
    await page.getByRole("button", { name: "Sjekk" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("Skriv kort hva opplysningen er");
    await expectAccessible(page);
    await page.getByLabel("Hva er opplysningen?").fill("fritak fra vurdering i engelsk på grunn av dysleksi");
    await page.getByRole("button", { name: "Sjekk" }).click();
    const answer = page.getByRole("status");
    await expect.poll(() => answer.textContent()).toContain("Særlig kategori");
    expect(await answer.textContent()).toContain("helse");
    expect(await page.getByLabel("Hva er opplysningen?").inputValue()).toBe(
      "fritak fra vurdering i engelsk på grunn av dysleksi",
    );
    await expectAccessible(page);
    await screenshot(page, "klassifiserer-svar-mobil");
    await page.context().close();
  });

  it("answers in nynorsk and lets you browse the catalogue", async () => {
    const page = await newPage(browser);
    await page.goto("/personopplysninger/sjekk?lang=nn");
    await heading(page, "Sjekk ei opplysning");
    await page.getByLabel("Kva er opplysninga?").fill("bilete av elev med hijab på nettsida");
    await page.getByRole("button", { name: "Sjekk" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("religion");
    await expectAccessible(page);
    await screenshot(page, "klassifiserer-nynorsk");
    await page.goto("/personopplysninger/katalog?lang=nb&kategori=saerlig");
    await heading(page, "Katalog over personopplysninger i skole og barnehage");
    await expect.poll(() => page.locator("article.catalogue-entry").count()).toBeGreaterThan(10);
    await expectAccessible(page);
    await screenshot(page, "katalog");
    await page.context().close();
  });
});

describe("the record of processing", () => {
  it("a coordinator creates a processing from a template, adds sykefravær, is asked for an art. 9 condition, and exports", async () => {
    const page = await newPage(browser);
    await login(page, "koordinator@demo.oppvern.no");
    await page.getByRole("link", { name: "Registre", exact: true }).first().click();
    await heading(page, "Behandlingsoversikt");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Ny fra mal" }).click();
    await heading(page, "Maler for behandlinger");
    await expectAccessible(page);
    await screenshot(page, "behandling-maler");
    await page.getByRole("button", { name: "Bruk malen: Føring og oppfølging av fravær" }).click();
    await expect.poll(() => page.getByText("utkast laget fra en mal").isVisible()).toBe(true);
    await expectAccessible(page);

    await page.getByLabel("Navn på behandlingen").fill("Fravær og sykefravær – Demo kommune");
    await page.getByRole("checkbox", { name: "Sykefravær" }).check();
    await page.getByLabel("Vilkår for særlige kategorier (artikkel 9 nr. 2)").selectOption("");
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("artikkel 9 nr. 2");
    expect(await page.getByLabel("Navn på behandlingen").inputValue()).toBe(
      "Fravær og sykefravær – Demo kommune",
    );
    await expectAccessible(page);
    await screenshot(page, "behandling-mangler-art9");

    await page.getByLabel("Vilkår for særlige kategorier (artikkel 9 nr. 2)").selectOption("g");
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await expect.poll(() => page.getByText("Endringene er lagret").isVisible()).toBe(true);
    await screenshot(page, "behandling-lagret");

    await page.getByRole("link", { name: "Behandlingsoversikt" }).first().click();
    await expect
      .poll(() => page.getByRole("link", { name: "Fravær og sykefravær – Demo kommune" }).isVisible())
      .toBe(true);
    // The list was reached by a client-side navigation: let its data settle before the click, and
    // give the first export time to load the file writers on a slow machine.
    await page.waitForLoadState("networkidle");
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("link", { name: "Last ned som Excel (XLSX)" }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path()) ?? "");
    expect(JSON.stringify(book.worksheets[0]?.getSheetValues())).toContain(
      "Fravær og sykefravær – Demo kommune",
    );
    await page.context().close();
  });
});

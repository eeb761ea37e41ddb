import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadNewestBankFromDisk } from "../../app/features/assessment/bank-schema.ts";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

const bank = loadNewestBankFromDisk();
const styring = bank.areas.find((a) => a.id === "styring");
const ownerQuestions = styring?.sporsmal.filter((q) => q.niva === "eier") ?? [];
const firstUnitArea = bank.areas.find((a) =>
  a.sporsmal.some((q) => q.niva === "enhet" && q.gjelder.includes("skole")),
);
const unitQuestions =
  firstUnitArea?.sporsmal.filter((q) => q.niva === "enhet" && q.gjelder.includes("skole")) ?? [];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe("an assessment round for Demo kommune", () => {
  it("koordinator starts it, a leader answers on a phone without JavaScript, the koordinator reconciles, closes and reads the results", async () => {
    const title = `Kartlegging ${Date.now()}`;
    const kari = await newPage(browser);
    await login(kari, "koordinator@demo.oppvern.no");
    await kari.getByRole("link", { name: "Kartlegging" }).first().click();
    await heading(kari, "Kartlegging");
    await expectAccessible(kari);
    // A name that is too short: a clear message, and what was chosen stays.
    await kari.getByLabel("Navn på runden").fill("K");
    await kari.getByLabel("Fjellsida ungdomsskole").uncheck();
    await kari.getByRole("button", { name: "Start runden" }).click();
    await expect.poll(() => kari.getByRole("alert").first().textContent()).toContain("minst 3 tegn");
    expect(await kari.getByLabel("Fjellsida ungdomsskole").isChecked()).toBe(false);
    await expectAccessible(kari);
    await kari.getByLabel("Navn på runden").fill(title);
    await kari.getByRole("button", { name: "Start runden" }).click();
    await heading(kari, title);
    await expect.poll(() => kari.getByText("Runden er startet").isVisible()).toBe(true);
    await expectAccessible(kari);
    await screenshot(kari, "kartlegging-runde");

    // The owner's part, answered with autosave.
    const ownerPart = kari.locator("section", { hasText: "Eierens del" });
    await ownerPart.getByRole("link", { name: styring?.tittel.nb ?? "?" }).click();
    await heading(kari, styring?.tittel.nb ?? "?");
    await kari.waitForLoadState("load"); // the autosave script has run
    const first = kari.locator(`fieldset#${ownerQuestions[0]?.id}`);
    await first.getByRole("radio").nth(2).check();
    await first.getByLabel("Kommentar (valgfri)").fill("Ansvaret står i delegeringsreglementet.");
    await expect.poll(() => first.locator(".autosave-status").textContent()).toContain("Lagret");
    // A link that is not a web address: said at once, beside the field, and gone when it is fixed.
    const link = first.getByLabel("Lenke til dokumentasjon (valgfri)");
    await link.fill("intranett/rutiner");
    await expect
      .poll(() => first.locator(".ds-validation-message").textContent())
      .toContain("Lenken må være en nettadresse");
    expect(await link.getAttribute("aria-invalid")).toBe("true");
    expect(await first.locator(".autosave-status").textContent()).toContain("Ikke lagret");
    await expectAccessible(kari);
    await first.screenshot({ path: "test-results/screenshots/kartlegging-omrade-feil.png" });
    await link.fill("https://intranett.demo.kommune.no/rutiner");
    await expect.poll(() => first.locator(".autosave-status").textContent()).toContain("Lagret");
    expect(await first.locator(".ds-validation-message").count()).toBe(0);
    expect(await link.getAttribute("aria-invalid")).toBeNull();
    await expectAccessible(kari);
    await screenshot(kari, "kartlegging-omrade");
    // Coming back later: exactly what was chosen and written.
    await kari.reload();
    expect(
      await kari.locator(`fieldset#${ownerQuestions[0]?.id}`).getByRole("radio").nth(2).isChecked(),
    ).toBe(true);
    expect(
      await kari.locator(`fieldset#${ownerQuestions[0]?.id}`).getByLabel("Kommentar (valgfri)").inputValue(),
    ).toBe("Ansvaret står i delegeringsreglementet.");
    expect(
      await kari
        .locator(`fieldset#${ownerQuestions[0]?.id}`)
        .getByLabel("Lenke til dokumentasjon (valgfri)")
        .inputValue(),
    ).toBe("https://intranett.demo.kommune.no/rutiner");
    // The page loaded on its own (not drawn by the app after a link) saves as the user goes too.
    const third = kari.locator(`fieldset#${ownerQuestions[2]?.id}`);
    await third.getByRole("radio").nth(1).check();
    await expect.poll(() => third.locator(".autosave-status").textContent()).toContain("Lagret");
    // "Not relevant" without a reason is refused with a message, the rest is kept.
    const second = kari.locator(`fieldset#${ownerQuestions[1]?.id}`);
    await second.getByLabel("Ikke relevant for oss", { exact: true }).check();
    await kari.getByRole("button", { name: "Lagre svarene" }).click();
    await expect
      .poll(() => kari.getByRole("alert").first().textContent())
      .toContain("Skriv kort hvorfor spørsmålet ikke er relevant");
    // The page opens at the error summary.
    expect(new URL(kari.url()).hash).toBe("#feil");
    await expect
      .poll(() => kari.evaluate(() => document.getElementById("feil")?.getBoundingClientRect().top))
      .toBeLessThan(200);
    await expectAccessible(kari);
    await kari
      .locator(`fieldset#${ownerQuestions[1]?.id}`)
      .getByLabel(/Hvorfor er det ikke relevant/)
      .fill("Vi har ingen slike.");
    await kari.getByRole("button", { name: "Lagre svarene" }).click();
    await expect.poll(() => kari.getByText("Svarene er lagret").isVisible()).toBe(true);
    // A quick tap on the next area right after a change loses nothing: what is still waiting is
    // sent as the page goes.
    await kari.waitForLoadState("load");
    const areaPath = new URL(kari.url()).pathname;
    const fourth = kari.locator(`fieldset#${ownerQuestions[3]?.id}`);
    await fourth.getByRole("radio").nth(3).check();
    await fourth.getByLabel("Kommentar (valgfri)").fill("Gjennomgått på ledermøtet i november.");
    await kari.locator("nav a").filter({ hasText: "→" }).click();
    await kari.waitForURL((url) => url.pathname !== areaPath);
    const fourthAgain = kari.locator(`fieldset#${ownerQuestions[3]?.id}`);
    await expect
      .poll(async () => {
        await kari.goto(areaPath);
        return fourthAgain.getByLabel("Kommentar (valgfri)").inputValue();
      })
      .toBe("Gjennomgått på ledermøtet i november.");
    expect(await fourthAgain.getByRole("radio").nth(3).isChecked()).toBe(true);

    // The leader of Eik barneskole, on a phone without JavaScript.
    const lars = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    await login(lars, "leder@demo.oppvern.no");
    await lars.goto("/kartlegging");
    await lars.getByRole("link", { name: title }).click();
    await heading(lars, title);
    expect(await lars.getByText("Eierens del").count()).toBe(0);
    await lars
      .getByRole("link", { name: firstUnitArea?.tittel.nb ?? "?" })
      .first()
      .click();
    await heading(lars, firstUnitArea?.tittel.nb ?? "?");
    for (const [i, q] of unitQuestions.entries())
      await lars
        .locator(`fieldset#${q.id}`)
        .getByRole("radio")
        .nth(i % 2 === 0 ? 1 : 3)
        .check();
    await lars.getByRole("button", { name: "Lagre svarene" }).click();
    await expect.poll(() => lars.getByText("Svarene er lagret").isVisible()).toBe(true);
    await expectAccessible(lars);
    await screenshot(lars, "kartlegging-leder-mobil");
    // The leader reads their own school's results (still provisional), and only those.
    await lars.goto("/kartlegging");
    await lars.getByRole("link", { name: title }).click();
    await lars.getByRole("link", { name: "Se resultatet" }).click();
    await heading(lars, "Resultat");
    expect(await lars.getByText("Du ser resultatet for Eik barneskole.").count()).toBe(1);
    expect(await lars.getByText("Eierens del").count()).toBe(0);
    expect(await lars.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(lars);
    await screenshot(lars, "kartlegging-resultat-leder-mobil");
    await lars.context().close();

    // Reconcile, close, results.
    await kari.goto("/kartlegging");
    await kari.getByRole("link", { name: title }).click();
    await kari.getByRole("link", { name: "Avstem svarene" }).click();
    await heading(kari, "Avstem svarene");
    await expectAccessible(kari);
    await screenshot(kari, "kartlegging-avstemming");
    // «Not relevant» without a reason: refused, and the summary of what to fix takes the focus.
    const firstFinal = kari.getByLabel("Endelig svar").first();
    const suggested = await firstFinal.inputValue();
    await firstFinal.selectOption("ir");
    await kari
      .getByLabel(/Hvorfor er det ikke relevant/)
      .first()
      .fill("");
    await kari.getByRole("button", { name: "Lagre endelige svar" }).click();
    await expect
      .poll(() => kari.evaluate(() => document.activeElement?.classList.contains("ds-error-summary")))
      .toBe(true);
    expect(await kari.getByRole("alert").first().textContent()).toContain("Skriv kort hvorfor");
    await firstFinal.selectOption(suggested);
    await kari.getByRole("button", { name: "Lagre endelige svar" }).click();
    await expect.poll(() => kari.getByText(/endelige? svar er lagret/).isVisible()).toBe(true);
    await kari.getByRole("link", { name: title }).click();
    await kari.getByRole("button", { name: "Avslutt runden" }).click();
    await expect.poll(() => kari.getByText("Vil du avslutte runden nå?").isVisible()).toBe(true);
    await expectAccessible(kari);
    await screenshot(kari, "kartlegging-avslutt");
    await kari.getByRole("button", { name: "Ja, avslutt runden" }).click();
    await expect.poll(() => kari.getByText("Runden er avsluttet. Nå kan ingen endre").isVisible()).toBe(true);
    expect(await kari.getByText("Runden er avsluttet, og svarene kan bare leses.").count()).toBe(0);
    await kari.getByRole("link", { name: "Se resultatet" }).click();
    await heading(kari, "Resultat");
    await expectAccessible(kari);
    await screenshot(kari, "kartlegging-resultat");
    const [download] = await Promise.all([
      kari.waitForEvent("download"),
      kari.getByRole("link", { name: "Last ned alle svar (Excel)" }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path()) ?? "");
    expect(JSON.stringify(book.worksheets.map((w) => w.getSheetValues()))).toContain(
      "Ansvaret står i delegeringsreglementet.",
    );
    // The PDF and Word reports download too, each a real file of its kind.
    for (const [label, magic] of [
      ["Last ned rapport (PDF)", "%PDF"],
      ["Last ned rapport (Word)", "PK"],
    ] as const) {
      const [file] = await Promise.all([
        kari.waitForEvent("download"),
        kari.getByRole("link", { name: label }).click(),
      ]);
      const bytes = readFileSync((await file.path()) ?? "");
      expect(bytes.subarray(0, magic.length).toString("latin1")).toBe(magic);
      expect(bytes.length).toBeGreaterThan(1000);
    }
    await kari.goto(`${new URL(kari.url()).pathname}?lang=nn`);
    await heading(kari, "Resultat");
    await expect.poll(() => kari.getByText("Poeng per område").first().isVisible()).toBe(true);
    await expectAccessible(kari);
    await screenshot(kari, "kartlegging-resultat-nn");
    // Nothing is wider than the screen (WCAG 1.4.10), not even an area whose name is one long
    // word, nor the results with their chart and tables: a table with a column per area (13) or
    // with long English headings scrolls inside its own region, on a desktop, on a phone and at
    // the 320 px that WCAG reflows to.
    const resultsPath = new URL(kari.url()).pathname;
    const pageWidth = () =>
      kari.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    // The scrolling region, inside the section under the heading of the same name.
    const heatmap = kari.getByRole("group", { name: "Enheter og områder" }).and(kari.locator("[tabindex]"));
    for (const width of [1280, PHONE.width, 320]) {
      await kari.setViewportSize({ width, height: 900 });
      for (const lang of ["nb", "nn", "en"]) {
        await kari.goto(`${resultsPath}?lang=${lang}`);
        const { page, screen } = await pageWidth();
        expect(page, `${resultsPath} at ${width} px in ${lang}`).toBeLessThanOrEqual(screen);
      }
      await kari
        .locator("section[aria-labelledby=andre]")
        .screenshot({ path: `test-results/screenshots/kartlegging-resultat-andre-en-${width}.png` });
      await kari.goto(`${resultsPath}?lang=nb`);
      await kari
        .locator("section[aria-labelledby=kart]")
        .screenshot({ path: `test-results/screenshots/kartlegging-resultat-tabell-${width}.png` });
      // The heatmap's region scrolls sideways, and is reached by the keyboard to do so.
      expect(await heatmap.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      expect(await heatmap.getAttribute("tabindex")).toBe("0");
      await heatmap.focus();
      await kari.keyboard.press("ArrowRight");
      await expect.poll(() => heatmap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    }
    await kari.setViewportSize(PHONE);
    const dpiaArea = resultsPath.replace(/resultat$/, "eier/risiko-dpia");
    await kari.goto(dpiaArea);
    expect(await kari.evaluate(() => document.documentElement.scrollWidth), dpiaArea).toBeLessThanOrEqual(
      PHONE.width,
    );
    await kari.setViewportSize({ width: 1280, height: 900 });
    // The choice of language is kept in the profile: give the demo koordinator bokmål back.
    await kari.goto(`${resultsPath}?lang=nb`);
    await heading(kari, "Resultat");
    await kari.context().close();
  });
});

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const TITLE = "Skrivehagen med KI-tilbakemelding";

/** A page without JavaScript, signed in, in bokmål. */
async function signedIn(email: string, viewport?: { width: number; height: number }) {
  const page = await newPage(browser, { javaScriptEnabled: false, viewport });
  await login(page, email);
  await page.goto("/?lang=nb");
  return page;
}

const section = (page: Page, name: string) =>
  page.locator("section", { has: page.getByRole("heading", { level: 2, name, exact: true }) });

describe("the DPIA register", () => {
  let path = "";

  it("a koordinator without JavaScript screens a new service, fills a section and adds a risk", async () => {
    const page = await signedIn("koordinator@demo.oppvern.no");
    await page.goto("/dpia");
    await heading(page, /konsekvenser \(DPIA\)$/);
    expect(await page.locator("table").textContent()).toContain("Læringsplattformen Læringsløypa");
    await expectAccessible(page);
    await screenshot(page, "dpia-liste");
    await page.getByRole("link", { name: "Ny DPIA" }).click();
    await heading(page, "Ny DPIA");
    await expectAccessible(page);
    await page.getByLabel("Tittel").fill(TITLE);
    await page.getByLabel("Sårbare personer").check();
    await page.getByLabel("Ny teknologi eller ny bruk").check();
    await page.getByLabel("Begrunnelse").fill("En KI leser elevenes tekster og foreslår tilbakemeldinger.");
    await screenshot(page, "dpia-ny");
    await page.getByRole("button", { name: "Lagre screeningen" }).click();
    await heading(page, TITLE);
    path = new URL(page.url()).pathname;
    expect(await page.locator("#konklusjon").textContent()).toContain("Det trengs en DPIA");
    await expectAccessible(page);

    // One section, saved on its own.
    const description = section(page, "Systematisk beskrivelse");
    await description
      .getByLabel("Hva skal gjøres?")
      .fill("Elevene på 5.–7. trinn leverer tekster i Skrivehagen.");
    await description.getByLabel("Hvorfor?").fill("Raskere tilbakemeldinger og tilpasset opplæring.");
    await description.getByRole("button", { name: "Lagre" }).click();
    await expect
      .poll(() => section(page, "Systematisk beskrivelse").getByRole("status").textContent())
      .toContain("Lagret.");
    expect(await page.getByLabel("Hva skal gjøres?").inputValue()).toContain("leverer tekster i Skrivehagen");

    // A risk: first without saying what could happen.
    await page.getByRole("button", { name: "Legg til risikoen" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("Skriv hva som kan skje.");
    await expectAccessible(page);
    await page.locator("#rn-trussel").fill("Elevtekster brukes til å trene leverandørens språkmodell");
    await page.locator("#rn-sannsynlighet").selectOption("4");
    await page.locator("#rn-konsekvens").selectOption("4");
    await page.locator("#rn-tiltak").fill("Databehandleravtalen forbyr annen bruk.");
    await page.locator("#rn-sannsynlighet-etter").selectOption("1");
    await page.locator("#rn-konsekvens-etter").selectOption("4");
    await page.getByRole("button", { name: "Legg til risikoen" }).click();
    const risks = page.locator(".dpia-risks");
    await expect.poll(() => risks.textContent()).toContain("høy (sannsynlighet 4 × konsekvens 4 = 16)");
    expect(await risks.textContent()).toContain("lav (sannsynlighet 1 × konsekvens 4 = 4)");
    await expectAccessible(page);
    await screenshot(page, "dpia-skjema");
    await page.context().close();
  });

  it("the personvernombud writes the advice and the koordinator approves it as version 1", async () => {
    const ombud = await signedIn("personvernombud@demo.oppvern.no");
    await ombud.goto(path);
    await heading(ombud, TITLE);
    await ombud.getByLabel("Råd fra personvernombudet").fill("Godkjenn når databehandleravtalen er signert.");
    await ombud.getByRole("button", { name: "Lagre rådet" }).click();
    await expect
      .poll(() => section(ombud, "Personvernombudets råd").textContent())
      .toContain("Skrevet av Per Personvernombud");
    await expectAccessible(ombud);
    await ombud.context().close();

    const page = await signedIn("koordinator@demo.oppvern.no");
    await page.goto(path);
    expect(await page.getByLabel("Råd fra personvernombudet").count()).toBe(0);
    await page.getByRole("button", { name: "Godkjenn DPIA-en" }).click();
    await expect.poll(() => page.locator("main").textContent()).toContain("Status: Godkjent.");
    const versions = section(page, "Versjoner");
    expect(await versions.textContent()).toMatch(/Versjon 1, godkjent .* av Kari Koordinator/);
    await expectAccessible(page);
    await screenshot(page, "dpia-godkjent");
    await versions.getByRole("link", { name: /^Versjon 1/ }).click();
    await heading(page, TITLE);
    expect(await page.locator("main").textContent()).toContain("Dette er versjon 1");
    expect(await page.locator("main form").count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, "dpia-versjon");
    await page.context().close();
  });

  it("a unit leader on a phone reads the DPIA without forms", async () => {
    const page = await signedIn("leder@demo.oppvern.no", PHONE);
    await page.goto("/dpia");
    await heading(page, /konsekvenser \(DPIA\)$/);
    expect(await page.getByRole("link", { name: "Ny DPIA" }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, "dpia-liste-mobil");
    await page.getByRole("link", { name: TITLE }).click();
    await heading(page, TITLE);
    expect(await page.locator("main").textContent()).toContain("Du kan lese den.");
    expect(await page.locator("main form").count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    await screenshot(page, "dpia-mobil");
    await page.context().close();
  });

  it("a koordinator starts a DPIA from a service's guide and puts a risk's measure in the action plan", async () => {
    const page = await signedIn("koordinator@demo.oppvern.no");
    await page.goto("/systemer");
    await page.getByRole("link", { name: "Quizkameraten" }).click();
    await heading(page, "Quizkameraten");
    await page.getByRole("link", { name: "Start en DPIA for tjenesten" }).click();
    await heading(page, "Ny DPIA");
    expect(await page.getByLabel("Tjeneste", { exact: true }).inputValue()).not.toBe("");
    expect(await page.getByLabel("Tittel").inputValue()).toBe("Quizkameraten");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Lagre screeningen" }).click();
    await heading(page, "Quizkameraten");
    expect(await page.locator("main").textContent()).toContain("DPIA-en gjelder tjenesten Quizkameraten");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Quizkameraten", exact: true }).click();
    const guide = page.locator("section", {
      has: page.getByRole("heading", { name: "Kan vi ta i bruk tjenesten?" }),
    });
    await expect
      .poll(() => guide.textContent())
      .toContain("Gjort fordi en screening av tjenesten kom til at det ikke trengs en DPIA.");
    await expectAccessible(page);
    await guide.screenshot({ path: "test-results/screenshots/dpia-tjeneste-veileder.png" });

    await page.goto("/dpia");
    await page.getByRole("link", { name: "Læringsplattformen Læringsløypa for 1.–7. trinn" }).click();
    const risks = page.locator(".dpia-risks");
    expect(await risks.textContent()).toContain("Tiltaket er i handlingsplanen:");
    await risks
      .getByRole("button", { name: /^Legg tiltaket i handlingsplanen/ })
      .first()
      .click();
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain("Tiltaket er lagt i handlingsplanen.");
    await expectAccessible(page);
    await screenshot(page, "dpia-til-plan");
    await page
      .locator("section[aria-labelledby=risikoer]")
      .screenshot({ path: "test-results/screenshots/dpia-risikoer.png" });
    // The page came back to the risk it put in the plan; its card now links to the measure.
    await page.locator(":target a[href^='/handlingsplan/']").click();
    await expect.poll(() => page.locator("main").textContent()).toContain("Fra DPIA");
    await expectAccessible(page);
    await screenshot(page, "dpia-tiltak-i-plan");
    await page.context().close();

    const phone = await signedIn("koordinator@demo.oppvern.no", PHONE);
    await phone.goto("/dpia");
    await phone.getByRole("link", { name: "Læringsplattformen Læringsløypa for 1.–7. trinn" }).click();
    await phone.locator("#risikoer").scrollIntoViewIfNeeded();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await phone
      .locator("section[aria-labelledby=risikoer]")
      .screenshot({ path: "test-results/screenshots/dpia-risikoer-mobil.png" });
    await phone.context().close();
  });

  it("a unit leader and the personvernombud see which risks are in the action plan where they only read", async () => {
    const platform = "Læringsplattformen Læringsløypa for 1.–7. trinn";
    const page = await signedIn("leder@demo.oppvern.no");
    await page.goto("/dpia");
    await page.getByRole("link", { name: platform }).click();
    await heading(page, platform);
    const risks = page.locator("section[aria-labelledby=risikoer]");
    // The demo's and the koordinator's measures above: two risks are in the plan, one is not.
    await expect.poll(() => risks.getByText("Tiltaket er i handlingsplanen:").count()).toBe(2);
    expect(await page.locator("main form").count()).toBe(0);
    await expectAccessible(page);
    await risks.screenshot({ path: "test-results/screenshots/dpia-lese-plan-leder.png" });
    await risks.locator("a[href^='/handlingsplan/']").first().click();
    await expect.poll(() => page.locator("main").textContent()).toContain("Fra DPIA");
    await page.context().close();

    const ombud = await signedIn("personvernombud@demo.oppvern.no");
    await ombud.goto("/dpia");
    await ombud.getByRole("link", { name: platform }).click();
    await section(ombud, "Versjoner")
      .getByRole("link", { name: /^Versjon 1/ })
      .click();
    await expect.poll(() => ombud.locator("main").textContent()).toContain("Dette er versjon 1");
    const approved = ombud.locator("section[aria-labelledby=risikoer]");
    expect(await approved.getByRole("link").count()).toBe(2);
    expect(await approved.textContent()).toContain("Tiltaket er i handlingsplanen:");
    await expectAccessible(ombud);
    await screenshot(ombud, "dpia-versjon-plan-ombud");
    await approved.screenshot({ path: "test-results/screenshots/dpia-versjon-plan-ombud-risikoer.png" });
    await ombud.context().close();
  });
});

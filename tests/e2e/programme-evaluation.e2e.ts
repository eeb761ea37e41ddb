import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const PROGRAMME = "Veiledning i personvern 2026–2027";
const STATEMENTS = [
  "Samlingene var nyttige for oss.",
  "Oppfølgingen fra veilederen hjalp oss.",
  "Vi vet bedre hvilke plikter vi har som behandlingsansvarlig.",
  "Vi har en kartlegging og en tiltaksplan som vi kommer til å bruke videre.",
  "Oppvern var lett å bruke.",
  "Tiden vi brukte, var verdt det.",
];

describe("the programme's evaluation", () => {
  // Only this file answers as the personvernombud: an answer is permanent in the shared demo DB.
  it("a participant answers once, anonymously; the programansvarlig sees only the count below 5", async () => {
    const dpo = await newPage(browser, { javaScriptEnabled: false, viewport: PHONE });
    await login(dpo, "personvernombud@demo.oppvern.no");
    await dpo.goto("/program?lang=nb");
    await dpo.getByRole("link", { name: PROGRAMME }).click();
    await heading(dpo, PROGRAMME);
    await dpo.getByRole("link", { name: "Til evalueringen" }).click();
    await heading(dpo, "Evaluering av programmet");
    await expect.poll(() => dpo.locator("main").textContent()).toContain("Svaret ditt er anonymt");
    await expectAccessible(dpo);
    await screenshot(dpo, "evaluering-skjema-mobil");
    // One statement left out: the form says what to fix and keeps the rest.
    for (const s of STATEMENTS.slice(1))
      await dpo.getByRole("group", { name: s }).getByLabel("Litt enig").check();
    await dpo.getByLabel("Hva fungerte best?").fill("Samlingene");
    await dpo.getByRole("button", { name: "Send svaret" }).click();
    await expect.poll(() => dpo.getByRole("alert").first().textContent()).toContain("Velg et svar");
    expect(await dpo.getByLabel("Hva fungerte best?").inputValue()).toBe("Samlingene");
    await expectAccessible(dpo);
    await dpo.getByRole("group", { name: STATEMENTS[0] }).getByLabel("Helt enig").check();
    await dpo.getByRole("button", { name: "Send svaret" }).click();
    await expect.poll(() => dpo.getByRole("status").first().textContent()).toContain("Takk for svaret!");
    expect(await dpo.getByRole("button", { name: "Send svaret" }).count()).toBe(0);
    await expectAccessible(dpo);
    await dpo.context().close();

    const lead = await newPage(browser, { javaScriptEnabled: false });
    await login(lead, "programansvarlig@demo.oppvern.no");
    await lead.goto("/program?lang=nb");
    await lead.getByRole("link", { name: PROGRAMME }).click();
    await lead.getByRole("link", { name: "Til evalueringen" }).click();
    await heading(lead, "Evaluering av programmet");
    // Other files do not answer, but count loosely all the same.
    await expect.poll(() => lead.locator("main").textContent()).toMatch(/[1-4] av minst 5 svar så langt/);
    expect(await lead.getByRole("button", { name: "Send svaret" }).count()).toBe(0);
    await expectAccessible(lead);
    await screenshot(lead, "evaluering-resultat");
    await lead.context().close();
  });
});

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const PROGRAMME = "Veiledning i personvern 2026–2027";

async function openProgramme(page: Page) {
  await page.goto("/program?lang=nb");
  await page.getByRole("link", { name: PROGRAMME }).click();
  await heading(page, PROGRAMME);
}

const fitsPhone = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

describe("guidance groups", () => {
  it("the programansvarlig makes a group, the koordinator shares, the guide sees and comments, the koordinator reads and answers", async () => {
    // The programansvarlig puts Nabo kommune and Bakkeby kommune in a group with Vera Veileder.
    const lead = await newPage(browser, { javaScriptEnabled: false });
    await login(lead, "programansvarlig@demo.oppvern.no");
    await openProgramme(lead);
    await lead.getByRole("link", { name: "Lag og endre grupper" }).click();
    await heading(lead, "Veiledningsgrupper");
    await expectAccessible(lead);
    const create = lead.locator("form", { has: lead.getByRole("button", { name: "Lag gruppen" }) });
    await create.getByLabel("Navn på gruppen").fill("Gruppe Skogen");
    await create.getByLabel("Nabo kommune").check();
    await create.getByRole("button", { name: "Lag gruppen" }).click();
    await expect
      .poll(() => lead.getByRole("alert").first().textContent())
      .toContain("Velg en veileder fra listen.");
    // What was typed and ticked is still there.
    const again = lead.locator("form", { has: lead.getByRole("button", { name: "Lag gruppen" }) });
    expect(await again.getByLabel("Navn på gruppen").inputValue()).toBe("Gruppe Skogen");
    expect(await again.getByLabel("Nabo kommune").isChecked()).toBe(true);
    await expectAccessible(lead);
    await again.getByLabel("Veileder").selectOption({ label: "Vera Veileder" });
    await again.getByLabel("Bakkeby kommune").check();
    await again.getByRole("button", { name: "Lag gruppen" }).click();
    await expect.poll(() => lead.getByRole("status").first().textContent()).toContain("Gruppen er lagret.");
    await expectAccessible(lead);
    await screenshot(lead, "grupper");
    await lead.context().close();

    // Nabo kommune's koordinator, on a phone, shares its phase and scores with the programme.
    const owner = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    await login(owner, "koordinator@nabo.oppvern.no");
    await openProgramme(owner);
    const part = owner.locator("article", { has: owner.getByRole("heading", { name: "Nabo kommune" }) });
    expect(await part.textContent()).toContain(
      "Dere er med i Gruppe Skogen, med Vera Veileder som veileder.",
    );
    expect(await part.getByLabel(/^Fase og fremdrift/).isChecked()).toBe(false);
    await part.getByLabel(/^Fase og fremdrift/).check();
    await part.getByLabel(/^Resultatene per område/).check();
    await part.getByRole("button", { name: /^Lagre hva vi deler/ }).click();
    await expect.poll(() => owner.getByRole("status").first().textContent()).toContain("Valget er lagret.");
    await expectAccessible(owner);
    await fitsPhone(owner);
    await screenshot(owner, "grupper-deling-mobil");
    await part.screenshot({ path: "test-results/screenshots/grupper-deling-del-mobil.png" });

    // The guide opens the group: Nabo kommune's phase and scores, Bakkeby kommune's "not shared".
    const guide = await newPage(browser, { javaScriptEnabled: false });
    await login(guide, "veileder@demo.oppvern.no");
    await openProgramme(guide);
    await guide.getByRole("link", { name: "Gruppe Skogen" }).click();
    await heading(guide, "Gruppe Skogen");
    const nabo = guide.locator("article", { has: guide.getByRole("heading", { name: "Nabo kommune" }) });
    const bakkeby = guide.locator("article", {
      has: guide.getByRole("heading", { name: "Bakkeby kommune" }),
    });
    expect(await nabo.textContent()).toMatch(/Fase\s*Prioritering/);
    expect(await nabo.getByRole("table").textContent()).toMatch(/Styring og internkontroll\s*\d+/);
    expect(await bakkeby.textContent()).toContain("Ikke delt");
    expect(await bakkeby.getByRole("table").count()).toBe(0);
    await expectAccessible(guide);
    await nabo.getByRole("button", { name: /^Send kommentaren/ }).click();
    await expect
      .poll(() => guide.getByRole("alert").first().textContent())
      .toContain("Skriv kommentaren før du sender.");
    await expectAccessible(guide);
    await guide
      .locator("article", { has: guide.getByRole("heading", { name: "Nabo kommune" }) })
      .getByLabel("Skriv en kommentar til eieren")
      .fill("Fint at dere har avsluttet kartleggingen. Velg gjerne tre tiltak før neste samling.");
    await guide
      .locator("article", { has: guide.getByRole("heading", { name: "Nabo kommune" }) })
      .getByRole("button", { name: /^Send kommentaren/ })
      .click();
    await expect
      .poll(() => guide.getByRole("status").first().textContent())
      .toContain("Kommentaren er sendt.");
    // She corrects it: only her own comment has the link; an empty text is refused and kept out.
    await guide
      .locator("article", { has: guide.getByRole("heading", { name: "Nabo kommune" }) })
      .getByRole("link", { name: /^Endre eller slett/ })
      .click();
    await heading(guide, "Endre kommentaren");
    await expectAccessible(guide);
    await guide.getByLabel("Kommentaren", { exact: true }).fill("");
    await guide.getByRole("button", { name: "Lagre endringen" }).click();
    await expect
      .poll(() => guide.getByRole("alert").first().textContent())
      .toContain("Skriv kommentaren før du sender.");
    await expectAccessible(guide);
    await guide
      .getByLabel("Kommentaren", { exact: true })
      .fill("Fint at dere har avsluttet kartleggingen. Velg gjerne to eller tre tiltak før neste samling.");
    await screenshot(guide, "grupper-kommentar-endre");
    await guide.getByRole("button", { name: "Lagre endringen" }).click();
    await heading(guide, "Gruppe Skogen");
    const corrected = guide.locator("article", { has: guide.getByRole("heading", { name: "Nabo kommune" }) });
    expect(await corrected.textContent()).toContain("Kommentaren er endret.");
    expect(await corrected.textContent()).toMatch(/\(endret \d+\./);
    await expectAccessible(guide);
    await screenshot(guide, "grupper-veileder");
    // The guide records who came to gathering 1, for the group's owners.
    await openProgramme(guide);
    await guide
      .locator("#samling-1")
      .getByRole("link", { name: /^Registrer oppmøte/ })
      .click();
    await heading(guide, /Oppmøte på Samling 1/);
    await guide.getByLabel("Nabo kommune").check();
    await guide.getByRole("button", { name: "Lagre oppmøtet" }).click();
    await expect.poll(() => guide.locator("#samling-1").textContent()).toContain("Nabo kommune");
    await expectAccessible(guide);
    await guide.setViewportSize(PHONE);
    await guide.goto(guide.url().replace(/\?.*$/, ""));
    await guide.getByRole("link", { name: "Gruppe Skogen" }).click();
    await fitsPhone(guide);
    await screenshot(guide, "grupper-veileder-mobil");
    await guide.context().close();

    // Back at Nabo kommune: the koordinator reads the comment and answers.
    await openProgramme(owner);
    const thread = owner.locator("article", { has: owner.getByRole("heading", { name: "Nabo kommune" }) });
    expect(await thread.textContent()).toContain("Velg gjerne to eller tre tiltak før neste samling.");
    expect(await thread.textContent()).toContain("Vera Veileder (veileder)");
    await thread.getByLabel("Svar veilederen").fill("Takk! Vi tar det opp i ledermøtet.");
    await thread.getByRole("button", { name: /^Send svaret/ }).click();
    await expect
      .poll(() => owner.locator("article", { hasText: "Takk! Vi tar det opp" }).count())
      .toBeGreaterThan(0);
    await expectAccessible(owner);
    await screenshot(owner, "grupper-svar-mobil");
    await thread.screenshot({ path: "test-results/screenshots/grupper-svar-del-mobil.png" });
    await owner.context().close();
  });

  it("the koordinator of Demo kommune reads the programme page, on a computer and a phone", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await login(page, "koordinator@demo.oppvern.no");
    await openProgramme(page);
    const part = page.locator("article", { has: page.getByRole("heading", { name: "Demo kommune" }) });
    expect(await part.textContent()).toContain("Godt jobbet med kartleggingen");
    expect(await part.getByRole("link", { name: /^Gå ut av programmet/ }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, "program-koordinator");
    await page.setViewportSize(PHONE);
    await page.reload();
    await fitsPhone(page);
    await screenshot(page, "program-koordinator-mobil");
    await page.context().close();
  });

  it("an owner's koordinator leaves a programme after a confirmation page; the programansvarlig sees it", async () => {
    // A programme of its own, so the demo programme the other journeys read stays as it is.
    const lead = await newPage(browser, { javaScriptEnabled: false });
    await login(lead, "programansvarlig@demo.oppvern.no");
    await lead.goto("/program?lang=nb");
    await lead.getByLabel("Navn på programmet").fill("Høstkurs i personvern");
    await lead.getByRole("button", { name: "Start programmet" }).click();
    await heading(lead, "Høstkurs i personvern");
    const programmeUrl = lead.url().replace(/[?#].*$/, "");

    const owner = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    await login(owner, "koordinator@nabo.oppvern.no");
    await owner.goto(`${programmeUrl}?lang=nb`);
    await owner
      .locator("article", { has: owner.getByRole("heading", { name: "Nabo kommune" }) })
      .getByRole("link", { name: /^Gå ut av programmet/ })
      .click();
    await heading(owner, "Skal Nabo kommune gå ut av «Høstkurs i personvern»?");
    expect(await owner.locator("main").textContent()).toContain("Delingen stopper med en gang.");
    await expectAccessible(owner);
    await fitsPhone(owner);
    await screenshot(owner, "program-forlat-mobil");
    await owner.getByRole("button", { name: "Ja, Nabo kommune går ut av programmet" }).click();
    await heading(owner, "Veiledningsprogram");
    await expect
      .poll(() => owner.getByRole("status").first().textContent())
      .toContain("Nabo kommune har gått ut av «Høstkurs i personvern».");
    expect(await owner.getByRole("link", { name: "Høstkurs i personvern" }).count()).toBe(0);
    await expectAccessible(owner);
    await owner.context().close();

    await lead.goto(programmeUrl);
    expect(await lead.locator("#deltakere ~ *").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/Nabo kommune, gikk ut \d+\./)]),
    );
    await expectAccessible(lead);
    await screenshot(lead, "program-forlatt-programansvarlig");
    await lead.context().close();
  });
});

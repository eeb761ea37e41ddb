import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/**
 * An owner's koordinator takes the owner out of a network (decision 015). Every other journey
 * shares the demo database and relies on the demo owners' memberships, so this one makes its own
 * owner and koordinator first (the admin adds the owner and invites its koordinator), lets the
 * network invite it and the koordinator accept, and then leaves: no demo owner's membership changes.
 */
describe("an owner leaves a network", () => {
  const OWNER = "Utmeldingsvik kommune";
  const ORG_NUMBER = "920000010";
  const EMAIL = "koordinator@utmeldingsvik.oppvern.no";
  const PASSWORD = "utmeldingsvik går egne veier";

  it("the admin adds an owner and invites its koordinator, who takes the network's invitation and then leaves", async () => {
    const admin = await newPage(browser);
    await login(admin, "admin@demo.oppvern.no");
    await admin.goto("/admin");
    await admin.getByText("Legg til en eier").click();
    await admin.getByLabel("Navn på eieren").fill(OWNER);
    await admin.getByLabel("Organisasjonsnummer").fill(ORG_NUMBER);
    await admin.getByRole("button", { name: "Legg til eier" }).click();
    await expect.poll(() => admin.getByRole("status").first().textContent()).toContain("Eieren er lagt til.");
    await admin.getByRole("link", { name: OWNER }).click();
    await heading(admin, OWNER);
    const ownerPath = new URL(admin.url()).pathname;
    await admin.locator("#inv-email").fill(EMAIL);
    await admin.locator("#inv-name").fill("Ulla Utmelding");
    await admin.locator("#inv-target").selectOption({ label: `Koordinator – ${OWNER}` });
    await admin.getByRole("button", { name: "Send invitasjon" }).click();
    await expect.poll(() => admin.getByRole("status").first().textContent()).toContain(EMAIL);
    await admin.goto("/admin/utboks");
    const body = await admin
      .locator(".outbox-message", { hasText: EMAIL })
      .first()
      .locator("pre")
      .textContent();
    const link = body?.match(/https?:\/\/\S+\/invitasjon\/\S+/)?.[0];
    expect(link).toBeTruthy();
    await admin.context().close();

    // The koordinator accepts the invitation to Oppvern, without JavaScript, on a phone.
    const ulla = await newPage(browser, { javaScriptEnabled: false, viewport: PHONE });
    await ulla.goto(new URL(link as string).pathname);
    await ulla.getByLabel("Nytt passord").fill(PASSWORD);
    await ulla.getByLabel("Gjenta passordet").fill(PASSWORD);
    await ulla.getByRole("button", { name: "Ta imot invitasjonen" }).click();
    // A new koordinator lands on the owner's page.
    await heading(ulla, OWNER);

    // The network's programansvarlig invites the new owner by its organisation number.
    const lead = await newPage(browser);
    await login(lead, "programansvarlig@demo.oppvern.no");
    await lead.goto("/organisasjon");
    await heading(lead, "Demo digitaliseringsnettverk");
    await lead.getByLabel("Organisasjonsnummer").fill(ORG_NUMBER);
    await lead.getByRole("button", { name: "Inviter eieren" }).click();
    await expect
      .poll(() => lead.getByRole("status").first().textContent())
      .toContain("Invitasjonen er sendt");
    const networkPath = new URL(lead.url()).pathname;

    // The koordinator says yes on the owner's page, and then takes the owner out again.
    await ulla.goto(ownerPath);
    await heading(ulla, OWNER);
    await ulla.getByRole("button", { name: "Bli med i nettverket Demo digitaliseringsnettverk" }).click();
    await expect
      .poll(() => ulla.getByRole("status").first().textContent())
      .toContain("Eieren er med i nettverket.");
    await expectAccessible(ulla);
    await screenshot(ulla, "nettverk-eier-medlem-mobil");
    await ulla.getByRole("link", { name: "Gå ut av nettverket Demo digitaliseringsnettverk" }).click();
    await heading(ulla, `Skal ${OWNER} gå ut av Demo digitaliseringsnettverk?`);
    const confirm = (await ulla.locator("main").textContent()) ?? "";
    expect(confirm).toContain("Dere er ikke med i noe veiledningsprogram i nettverket");
    expect(confirm).toContain("Dere har ikke delt noen risikovurderinger i nettverket.");
    expect(await ulla.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(ulla);
    await screenshot(ulla, "nettverk-forlat-bekreft-mobil");
    // «Nei, gå tilbake» leaves everything as it was.
    await ulla.getByRole("link", { name: "Nei, gå tilbake" }).click();
    await heading(ulla, OWNER);
    await ulla.getByRole("link", { name: "Gå ut av nettverket Demo digitaliseringsnettverk" }).click();
    await ulla.getByRole("button", { name: `Ja, ${OWNER} går ut av nettverket` }).click();
    await heading(ulla, OWNER);
    await expect
      .poll(() => ulla.getByRole("status").first().textContent())
      .toContain(`${OWNER} har gått ut av Demo digitaliseringsnettverk.`);
    expect(await ulla.getByText("Eieren er ikke med i noe nettverk.").isVisible()).toBe(true);
    await expectAccessible(ulla);
    await screenshot(ulla, "nettverk-forlatt-eier-mobil");
    await ulla.context().close();

    // The programansvarlig sees on the network's page that the owner left.
    await lead.goto(networkPath);
    await expect.poll(() => lead.getByText(`${OWNER} gikk ut`).isVisible()).toBe(true);
    await expectAccessible(lead);
    await screenshot(lead, "nettverk-har-gatt-ut");
    await lead.context().close();
  });
});

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe("a first-time visitor", () => {
  it("reads what Oppvern is on the front page, in bokmål and nynorsk", async () => {
    const page = await newPage(browser);
    await page.goto("/");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("nb");
    await heading(page, "Ta godt vare på");
    await expectAccessible(page);
    await screenshot(page, "forside-nb");
    await page.getByRole("link", { name: "Nynorsk" }).click();
    await page.waitForURL(/lang=nn/);
    expect(await page.locator("html").getAttribute("lang")).toBe("nn");
    await expectAccessible(page);
    await screenshot(page, "forside-nn");
    await page.getByRole("link", { name: "Personvernerklæring" }).click();
    await page.waitForURL(/\/personvern/);
    await expectAccessible(page);
    await page.goto("/tilgjengelighet");
    await expectAccessible(page);
    await page.goto("/finnes-ikke");
    await heading(page, /finn/i);
    await expectAccessible(page);
    await page.context().close();
  });
});

describe("the header", () => {
  it("shows which language the page is in, and leaves most of a phone's first screen to the page", async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await login(page, "koordinator@demo.oppvern.no");
    await page.goto("/?lang=nn");
    const weight = (name: string) =>
      page.getByRole("link", { name, exact: true }).evaluate((a) => Number(getComputedStyle(a).fontWeight));
    const underline = (name: string) =>
      page.getByRole("link", { name, exact: true }).evaluate((a) => getComputedStyle(a).textDecorationLine);
    // Nynorsk is the page's language: bold, not underlined; the others look like links.
    expect(await weight("Nynorsk")).toBeGreaterThanOrEqual(600);
    expect(await underline("Nynorsk")).toBe("none");
    expect(await weight("Bokmål")).toBeLessThan(600);
    expect(await underline("Bokmål")).toBe("underline");
    // Signed in, with nine menu items, the header takes at most a third of a phone's screen.
    const header = await page.locator("header.site-header").boundingBox();
    expect(header?.height ?? 999).toBeLessThan(PHONE.height / 3);
    await expectAccessible(page);
    await screenshot(page, "topptekst-mobil-nn");
    await page.context().close();
  });
});

describe("invite → accept → log in → nynorsk → log out", () => {
  it("works end to end for a new member of staff", async () => {
    const koordinator = await newPage(browser);
    await login(koordinator, "koordinator@demo.oppvern.no");
    await koordinator.getByRole("link", { name: "Organisasjon" }).click();
    await koordinator.waitForURL(/\/eiere\//);
    await heading(koordinator, "Demo kommune");
    await expectAccessible(koordinator);
    await screenshot(koordinator, "koordinator-oversikt-nb");

    await koordinator.locator("#inv-email").fill("tone.tilsett@demo.oppvern.no");
    await koordinator.locator("#inv-name").fill("Tone Tilsett");
    await koordinator.locator("#inv-target").selectOption({ label: "Ansatt – Eik barneskole" });
    await koordinator.getByRole("button", { name: "Send invitasjon" }).click();
    await expect
      .poll(() => koordinator.getByRole("status").first().textContent())
      .toContain("tone.tilsett@demo.oppvern.no");
    await expectAccessible(koordinator);

    // The email arrives in the development outbox, which the admin can read.
    const admin = await newPage(browser);
    await login(admin, "admin@demo.oppvern.no");
    await admin.goto("/admin/utboks");
    await expectAccessible(admin);
    const body = await admin
      .locator(".outbox-message", { hasText: "tone.tilsett@demo.oppvern.no" })
      .first()
      .locator("pre")
      .textContent();
    const link = body?.match(/https?:\/\/\S+\/invitasjon\/\S+/)?.[0];
    expect(link).toBeTruthy();
    await admin.context().close();

    const tone = await newPage(browser);
    await tone.goto(new URL(link as string).pathname);
    await heading(tone, "Invitasjon");
    await expectAccessible(tone);
    // A too-short password first: the form says what to fix and keeps the name.
    await tone.getByLabel("Nytt passord").fill("kort");
    await tone.getByLabel("Gjenta passordet").fill("kort");
    await tone.getByRole("button", { name: "Ta imot invitasjonen" }).click();
    await expect.poll(() => tone.getByRole("alert").first().textContent()).toContain("minst 10 tegn");
    expect(await tone.getByLabel("Fullt navn").inputValue()).toBe("Tone Tilsett");
    await expectAccessible(tone);
    await tone.getByLabel("Nytt passord").fill("tone lærer om personvern");
    await tone.getByLabel("Gjenta passordet").fill("tone lærer om personvern");
    await tone.getByRole("button", { name: "Ta imot invitasjonen" }).click();
    await tone.waitForURL((url) => url.pathname === "/");
    await heading(tone, "Tone Tilsett");
    await tone.getByRole("button", { name: "Logg ut" }).click();
    await tone.waitForURL(/utlogget=1/);

    // The link cannot be used twice.
    await tone.goto(new URL(link as string).pathname);
    expect(await tone.getByRole("status").first().textContent()).toContain("allerede brukt");

    await login(tone, "tone.tilsett@demo.oppvern.no", "tone lærer om personvern");
    await expect.poll(() => tone.getByText("Eik barneskole").first().isVisible()).toBe(true);
    await tone.getByRole("link", { name: "Nynorsk" }).click();
    await tone.waitForURL(/lang=nn/);
    expect(await tone.locator("html").getAttribute("lang")).toBe("nn");
    await expectAccessible(tone);
    // The choice is remembered on the next page, without the query.
    // The profile is hydrated: the browser loads the nynorsk messages before React takes over, so
    // the page stays in nynorsk with no hydration error (the browser has bokmål only by default).
    const errors: string[] = [];
    tone.on("pageerror", (error) => errors.push(error.message));
    tone.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    const catalogue = tone.waitForResponse((response) => /\/assets\/nn-[\w-]+\.js$/.test(response.url()));
    await tone.goto("/profil");
    expect((await catalogue).ok()).toBe(true);
    expect(await tone.locator("html").getAttribute("lang")).toBe("nn");
    // React has hydrated the heading (it keeps its fibre on the element).
    const hydrated = () =>
      tone.evaluate(() =>
        Object.keys(document.querySelector("h1") ?? {}).some((k) => k.startsWith("__react")),
      );
    await expect.poll(hydrated).toBe(true);
    await heading(tone, "Min profil");
    expect(errors).toEqual([]);
    await expectAccessible(tone);
    // Changing the language in the profile loads the page anew in English.
    await tone.getByLabel("English", { exact: true }).check();
    await tone.getByRole("button", { name: "Lagre språk" }).click();
    await heading(tone, "My profile");
    expect(await tone.locator("html").getAttribute("lang")).toBe("en");
    expect(errors).toEqual([]);
    await tone.getByLabel("Nynorsk", { exact: true }).check();
    await tone.getByRole("button", { name: "Save language" }).click();
    await heading(tone, "Min profil");
    await tone.getByRole("button", { name: "Logg ut", exact: true }).click();
    await tone.waitForURL(/utlogget=1/);
    expect(await tone.locator("html").getAttribute("lang")).toBe("nn");
    await tone.goto("/profil");
    await tone.waitForURL(/\/logg-inn/);
    await expectAccessible(tone);
    await tone.context().close();
    await koordinator.context().close();
  });
});

describe("without JavaScript", () => {
  it("logs in with the plain form and shows the overview", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto("/logg-inn");
    await expectAccessible(page);
    await screenshot(page, "logg-inn-nb");
    await page.getByLabel(/E-post/).fill("leder@demo.oppvern.no");
    await page.getByLabel(/^Passord/).fill("feil passord her");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByRole("alert").first().textContent()).toContain(
      "E-postadressen eller passordet er feil",
    );
    expect(await page.getByLabel(/E-post/).inputValue()).toBe("leder@demo.oppvern.no");
    await expectAccessible(page);
    await page.getByLabel(/^Passord/).fill("oppvern-demo");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await heading(page, "Lars Leder");
    await page.getByRole("link", { name: "Min enhet" }).click();
    await page.waitForURL(/\/enheter\//);
    await heading(page, "Eik barneskole");
    await expectAccessible(page);
    await page.context().close();
  });

  it("switches organisation with the header form", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await login(page, "personvernombud@demo.oppvern.no");
    await page.getByLabel("Du jobber i").selectOption({ label: "Nabo kommune" });
    await page.getByRole("button", { name: "Bytt" }).click();
    await page.waitForURL(/\/eiere\//);
    await heading(page, "Nabo kommune");
    await expectAccessible(page);
    await page.context().close();
  });
});

describe("tenants", () => {
  it("gives a user of Nabo kommune 404 for a Demo kommune unit's page", async () => {
    const demo = await newPage(browser);
    await login(demo, "koordinator@demo.oppvern.no");
    await demo.goto("/organisasjon");
    await demo.getByRole("link", { name: "Eik barneskole" }).click();
    await demo.waitForURL(/\/enheter\//);
    const unitPath = new URL(demo.url()).pathname;
    await expectAccessible(demo);
    await demo.context().close();

    const nabo = await newPage(browser);
    await login(nabo, "koordinator@nabo.oppvern.no");
    const response = await nabo.goto(unitPath);
    expect(response?.status()).toBe(404);
    await heading(nabo, "Vi finner ikke siden");
    expect(await nabo.content()).not.toContain("Eik barneskole");
    await expectAccessible(nabo);
    await nabo.goto("/?lang=nn");
    await nabo.goto("/organisasjon");
    await expectAccessible(nabo);
    await screenshot(nabo, "koordinator-oversikt-nn");
    await nabo.context().close();
  });

  it("shows the admin pages, accessible", async () => {
    const admin = await newPage(browser);
    await login(admin, "admin@demo.oppvern.no");
    await admin.goto("/admin");
    await expectAccessible(admin);
    await admin.getByRole("link", { name: "Demo digitaliseringsnettverk" }).click();
    await admin.waitForURL(/\/nettverk\//);
    // Seven demo owners; network-leave.e2e.ts has an owner of its own in the network for a moment.
    await expect
      .poll(() =>
        admin
          .getByText(/^Antall eiere: [78]$/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await expectAccessible(admin);
    await admin.goto("/profil");
    await expectAccessible(admin);
    for (const path of [
      "/registrer",
      "/glemt-passord",
      "/nytt-passord?token=x",
      "/bekreft-epost?token=x",
      "/invitasjon/x",
      "/forste-admin/x",
    ]) {
      const anon = await newPage(browser);
      await anon.goto(path);
      await expectAccessible(anon);
      await anon.context().close();
    }
    await admin.context().close();
  });
});

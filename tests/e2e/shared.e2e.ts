import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe("shared risk assessments and removing a service", () => {
  it("Demo kommune's koordinator, without JavaScript, reads what will be shared and shares the newest version", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await login(page, "koordinator@demo.oppvern.no");
    await page.goto("/ros?lang=nb");
    await page.getByRole("link", { name: "Læringsplattform på barneskolene" }).click();
    await heading(page, "Læringsplattform på barneskolene");
    await page.getByRole("link", { name: "Del med nettverket" }).click();
    await heading(page, "Del risikovurderingen med nettverket");
    const main = () => page.locator("main").textContent();
    // The demo shared it already; the page says where, and what is and is not shared.
    expect(await page.getByRole("list", { name: "Delt nå" }).textContent()).toContain(
      "Delt i Demo digitaliseringsnettverk,",
    );
    expect(await main()).toContain("hvem som var med på vurderingen");
    expect(await main()).not.toContain("IKT-ansvarlig og en kontaktlærer");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Del vurderingen" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("Les gjennom teksten og kryss av for at ingen personer er nevnt.");
    expect(await page.getByLabel("Demo digitaliseringsnettverk").isChecked()).toBe(true);
    await expectAccessible(page);
    await page.getByLabel(/nevner ingen elever/).check();
    await page.getByRole("button", { name: "Del vurderingen" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("Vurderingen er delt med nettverket.");
    expect(await page.getByRole("list", { name: "Delt nå" }).getByRole("listitem").count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, "ros-del");
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, "ros-del-mobil");
    await page.context().close();
  });

  it("Nabo kommune's koordinator on a phone, without JavaScript, finds it and adopts it as a draft of their own", async () => {
    const page = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    await login(page, "koordinator@nabo.oppvern.no");
    await page.goto("/ros?lang=nb");
    await page.getByRole("link", { name: "Delt i nettverket" }).click();
    await heading(page, "Delt i nettverket");
    expect(await page.getByRole("row", { name: /Læringsplattform på barneskolene/ }).textContent()).toContain(
      "Demo kommune",
    );
    await expectAccessible(page);
    await screenshot(page, "ros-delte-mobil");
    await page.getByRole("link", { name: "Læringsplattform på barneskolene" }).click();
    await heading(page, "Læringsplattform på barneskolene");
    expect(await page.locator("main").textContent()).toContain("Delt av Demo kommune");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    await screenshot(page, "ros-delt-mobil");
    await page.getByRole("button", { name: "Ta i bruk som vår egen vurdering" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("Vurderingen er kopiert til dere.");
    await heading(page, "Læringsplattform på barneskolene");
    const main = await page.locator("main").textContent();
    expect(main).toContain("«Læringsplattform på barneskolene», delt av Demo kommune");
    expect(main).toContain("Under arbeid");
    expect(main).toContain("Risikoer (4)");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    await screenshot(page, "ros-overtatt-mobil");
    await page.context().close();
  });

  it("a network guide reads the list but gets no button to adopt", async () => {
    const page = await newPage(browser);
    await login(page, "veileder@demo.oppvern.no");
    await page.goto("/?lang=nb");
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Nettverk" }).click();
    await heading(page, "Demo digitaliseringsnettverk");
    await page.getByRole("link", { name: "Delt i nettverket" }).click();
    await heading(page, "Delt i nettverket");
    await expectAccessible(page);
    await screenshot(page, "ros-delte");
    await page.getByRole("link", { name: "Læringsplattform på barneskolene" }).click();
    await heading(page, "Læringsplattform på barneskolene");
    expect(await page.getByRole("button", { name: "Ta i bruk som vår egen vurdering" }).count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it("the koordinator, without JavaScript, deletes a service after the confirmation page", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await login(page, "koordinator@demo.oppvern.no");
    await page.goto("/systemer?lang=nb");
    await page.getByRole("link", { name: "Ordlaben digital ordbok" }).click();
    await heading(page, "Ordlaben digital ordbok");
    await page.getByRole("link", { name: "Slett tjenesten fra registeret" }).click();
    await heading(page, "Slette Ordlaben digital ordbok?");
    expect(await page.locator("main").textContent()).toContain("Det kan ikke angres.");
    await expectAccessible(page);
    await screenshot(page, "systemer-slett");
    await page.getByRole("button", { name: "Ja, slett tjenesten" }).click();
    await heading(page, "Systemer og leverandører");
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("Tjenesten er slettet.");
    expect(await page.getByRole("link", { name: "Ordlaben digital ordbok" }).count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });
});

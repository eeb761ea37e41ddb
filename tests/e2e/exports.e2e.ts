import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const NAMES = ["Last ned som Excel (XLSX)", "Last ned som Word (DOCX)", "Last ned som PDF"];

describe("exports in three formats", () => {
  it("a koordinator on a phone finds the three downloads on every register page, and they download real files", async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await login(page, "koordinator@demo.oppvern.no");
    const pages: [string, string, string][] = [
      ["/handlingsplan?lang=nb", "Handlingsplan", "eksport-handlingsplan"],
      ["/avvik?lang=nb", "Avvik", "eksport-avvik"],
      ["/systemer?lang=nb", "Systemer og leverandører", "eksport-systemer"],
      ["/behandlinger?lang=nb", "Behandlingsoversikt", "eksport-behandlinger"],
    ];
    for (const [path, title, shot] of pages) {
      await page.goto(path);
      await heading(page, title);
      for (const name of NAMES)
        expect(await page.getByRole("link", { name, exact: true }).count(), `${path} ${name}`).toBe(1);
      await expectAccessible(page);
      await screenshot(page, shot);
    }
    // One risk assessment and one DPIA, opened from their lists.
    await page.goto("/ros?lang=nb");
    await page.getByRole("link", { name: "Læringsplattform på barneskolene" }).first().click();
    await heading(page, "Læringsplattform på barneskolene");
    await expectAccessible(page);
    await screenshot(page, "eksport-ros");
    for (const [name, magic] of [
      ["Last ned som PDF", "%PDF"],
      ["Last ned som Word (DOCX)", "PK"],
      ["Last ned som Excel (XLSX)", "PK"],
    ] as const) {
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name, exact: true }).click(),
      ]);
      expect(file.suggestedFilename()).toMatch(
        /^ros-demo-kommune-læringsplattform-på-barneskolene\.(pdf|docx|xlsx)$/,
      );
      const bytes = readFileSync((await file.path()) ?? "");
      expect(bytes.subarray(0, magic.length).toString("latin1")).toBe(magic);
    }
    await page.goto("/dpia?lang=nb");
    await page.getByRole("link", { name: "Læringsplattformen Læringsløypa for 1.–7. trinn" }).first().click();
    await heading(page, "Læringsplattformen Læringsløypa");
    for (const name of NAMES) expect(await page.getByRole("link", { name, exact: true }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, "eksport-dpia");
    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Last ned som PDF", exact: true }).click(),
    ]);
    expect(
      readFileSync((await pdf.path()) ?? "")
        .subarray(0, 4)
        .toString("latin1"),
    ).toBe("%PDF");
  });
});

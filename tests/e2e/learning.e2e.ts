import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModuleFile } from "../../app/features/learning/parse-module.ts";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

const skole1 = parseModuleFile(readFileSync("content/learning/skole/1/nb.yaml", "utf8"), "skole/1/nb.yaml");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe("an anonymous person on a phone", () => {
  it("completes Personvern i skolen module 1, page by page, and passes the quiz", async () => {
    const page = await newPage(browser, { viewport: PHONE });
    await page.goto("/");
    await page.getByRole("link", { name: "Se kursene" }).first().click();
    await heading(page, "Kurs om personvern");
    await expectAccessible(page);
    await screenshot(page, "kurs-oversikt-mobil");
    await page.getByRole("link", { name: skole1.title }).click();
    await heading(page, skole1.title);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Start modulen" }).click();

    for (const [i, step] of skole1.steps.entries()) {
      await heading(page, step.title);
      await expect
        .poll(() => page.getByText(`Side ${i + 1} av ${skole1.steps.length}`).isVisible())
        .toBe(true);
      if (i === 0 || step.kind !== "text") {
        if (step.kind === "example") await page.getByText("Se hva reglene sier").click();
        await expectAccessible(page);
        if (i < 4) await screenshot(page, `kurs-steg-${i + 1}-${step.kind}-mobil`);
      }
      const button = i === skole1.steps.length - 1 ? "Til quizen" : "Neste";
      await page.getByRole("button", { name: button }).click();
    }

    await heading(page, "Quiz");
    await expectAccessible(page);
    // Send without answering: the page says which questions are missing.
    await page.getByRole("button", { name: "Se resultatet" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("mangler svar");
    // The page opens at the list of what is missing; each question names its group of choices,
    // and the group is described by what to fix.
    expect(new URL(page.url()).hash).toBe("#feil");
    const first = skole1.quiz[0];
    const group = page.getByRole("group", { name: first?.question ?? "" });
    const describedBy = (await group.getAttribute("aria-describedby")) ?? "";
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(
      "Velg et svar på dette spørsmålet.",
    );
    for (const q of skole1.quiz) {
      for (const o of q.options.filter((x) => x.correct)) await page.locator(`#q-${q.id}-${o.id}`).check();
    }
    await page.getByRole("button", { name: "Se resultatet" }).click();
    await heading(page, "Resultat");
    expect(await page.getByRole("status").first().textContent()).toContain("Modulen er fullført");
    await expect.poll(() => page.getByText("Du valgte riktig:").first().isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, "kurs-resultat-mobil");
    await page.goto("/kompetanse");
    await expect.poll(() => page.getByText("Fullført").first().isVisible()).toBe(true);
    await page.context().close();
  });
});

describe("a member of staff with an account", () => {
  it("downloads a certificate PDF and the code verifies at /bevis", async () => {
    const page = await newPage(browser);
    await login(page, "ansatt@demo.oppvern.no");
    await page.goto("/kompetanse/skole/1/quiz");
    for (const q of skole1.quiz) {
      for (const o of q.options.filter((x) => x.correct)) await page.locator(`#q-${q.id}-${o.id}`).check();
    }
    await page.getByRole("button", { name: "Se resultatet" }).click();
    await heading(page, "Resultat");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Last ned kursbevis/ }).click(),
    ]);
    const path = await download.path();
    const document = await getDocumentProxy(new Uint8Array(readFileSync(path)));
    const { text } = await extractText(document, { mergePages: true });
    expect(text).toContain("Anne Ansatt");
    const code = text.match(/[A-Z0-9]{5}-[A-Z0-9]{5}/)?.[0];
    expect(code).toBeTruthy();

    const visitor = await newPage(browser);
    await visitor.goto("/bevis");
    await visitor.getByLabel("Kode fra kursbeviset").fill(code ?? "");
    await visitor.getByRole("button", { name: "Sjekk" }).click();
    await expect
      .poll(() => visitor.getByRole("status").first().textContent())
      .toContain("Kursbeviset er ekte");
    await expect.poll(() => visitor.getByText("Anne Ansatt").isVisible()).toBe(true);
    await expectAccessible(visitor);
    await screenshot(visitor, "bevis-sjekk");
    await visitor.context().close();
    await page.goto("/kompetanse");
    await expectAccessible(page);
    await page.context().close();
  });
});

import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModuleFile } from "../../app/features/learning/parse-module.ts";
import { expectAccessible, heading, launchBrowser, login, newPage, PHONE, screenshot } from "./support.ts";

const module = parseModuleFile(
  readFileSync("content/learning/barnehage/3/nb.yaml", "utf8"),
  "barnehage/3/nb.yaml",
);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe("a leader runs barnehage module 3 as a group session", () => {
  it("three phones join with the code, answer live, and see the results", async () => {
    const leader = await newPage(browser);
    await login(leader, "styrer@demo.oppvern.no");
    await leader.goto("/kompetanse/barnehage/3");
    await expectAccessible(leader);
    await leader.getByRole("button", { name: "Start gruppeøkt" }).click();
    await leader.waitForURL(/\/gruppe\//);
    await heading(leader, module.steps[0]?.title ?? "");
    const code = (await leader.locator(".join-code").textContent())?.replace(/\s/g, "") ?? "";
    expect(code).toMatch(/^\d{6}$/);
    await expectAccessible(leader);
    await screenshot(leader, "gruppe-presentasjon");

    const phones: Page[] = [];
    for (let i = 0; i < 3; i++) {
      const phone = await newPage(browser, { viewport: PHONE });
      await phone.goto("/delta");
      await phone.getByLabel("Kode (seks siffer)").fill(code);
      await phone.getByRole("button", { name: "Bli med" }).click();
      await phone.waitForURL(new RegExp(`/delta/${code}`));
      await heading(phone, "Følg med på skjermen");
      phones.push(phone);
    }
    await expectAccessible(phones[0] as Page);
    await screenshot(phones[0] as Page, "gruppe-mobil-venter");
    await expect.poll(() => leader.getByText("Deltakere: 3").isVisible()).toBe(true);

    // A task step: the timer starts and counts down on the shared screen.
    const taskIndex = module.steps.findIndex((s) => s.kind === "task");
    for (let i = 0; i < taskIndex; i++)
      await leader.getByRole("button", { name: "Neste", exact: true }).click();
    await heading(leader, module.steps[taskIndex]?.title ?? "");
    await leader.getByRole("button", { name: /Start tidtaker/ }).click();
    await expect.poll(() => leader.getByRole("timer").isVisible()).toBe(true);
    // The phones follow the screen without being reloaded by hand.
    await expect
      .poll(() => phones[0]?.getByText(module.steps[taskIndex]?.title ?? "").isVisible())
      .toBe(true);

    await leader.getByRole("button", { name: "Hopp til quizen" }).click();
    const question = module.quiz[0];
    await heading(leader, question?.question ?? "");
    const right = question?.options.find((o) => o.correct);
    const wrong = question?.options.find((o) => !o.correct);
    for (const [i, phone] of phones.entries()) {
      await expect
        .poll(() =>
          phone
            .getByText(question?.question.slice(0, 40) ?? "")
            .first()
            .isVisible(),
        )
        .toBe(true);
      if (i === 0) {
        // The phone says where in the quiz it is, and shows the story the question is about, so
        // nobody depends on reading the shared screen.
        await heading(phone, `Spørsmål 1 av ${module.quiz.length}`);
        if (question?.scenario)
          expect(await phone.locator(".quiz-scenario").textContent()).toContain(
            question.scenario.split("\n")[0]?.slice(0, 40),
          );
        await expectAccessible(phone);
      }
      const option = i < 2 ? right : wrong;
      await phone.getByLabel(option?.text ?? "").check();
      await phone.getByRole("button", { name: "Send svaret" }).click();
      await expect.poll(() => phone.getByText("Svaret ditt er registrert").isVisible()).toBe(true);
    }
    await screenshot(phones[0] as Page, "gruppe-mobil-svart");
    await expect.poll(() => leader.getByText("Svar: 3 av 3").isVisible()).toBe(true);
    await leader.getByRole("button", { name: "Vis svarene" }).click();
    await expect.poll(() => leader.locator(".bar-chart").isVisible()).toBe(true);
    const table = await leader.locator(".bar-chart table").textContent();
    expect(table).toContain(`${right?.id.toUpperCase()} (riktig)2`);
    await expectAccessible(leader);
    await screenshot(leader, "gruppe-resultat");
    await expect.poll(() => phones[2]?.getByText("Ikke helt riktig").isVisible()).toBe(true);
    await expect.poll(() => phones[0]?.getByText("Riktig", { exact: true }).isVisible()).toBe(true);
    await expectAccessible(phones[2] as Page);

    let phoneSawScenario = false;
    for (let i = 0; i < module.quiz.length; i++) {
      const last = i === module.quiz.length - 1;
      if (i > 0) await leader.getByRole("button", { name: "Vis svarene" }).click();
      await leader
        .getByRole("button", { name: last ? "Ferdig – registrer oppmøte" : "Neste spørsmål" })
        .click();
      const next = module.quiz[i + 1];
      if (next?.scenario && !phoneSawScenario) {
        await heading(phones[0] as Page, `Spørsmål ${i + 2} av ${module.quiz.length}`);
        await expect
          .poll(() => phones[0]?.locator(".quiz-scenario").textContent())
          .toContain(next.scenario.split("\n")[0]?.slice(0, 40));
        await expectAccessible(phones[0] as Page);
        await screenshot(phones[0] as Page, "gruppe-mobil-historie");
        phoneSawScenario = true;
      }
    }
    expect(phoneSawScenario).toBe(true);
    await heading(leader, "Hvem var med?");
    await expectAccessible(leader);
    await leader.getByRole("button", { name: "Avslutt økten" }).click();
    // The phone hears the change over Server-Sent Events and loads the page again.
    await expect
      .poll(() =>
        phones[1]
          ?.getByText("Økten er ferdig")
          .isVisible()
          .catch(() => false),
      )
      .toBe(true);
    for (const phone of phones) await phone.context().close();
    await leader.context().close();
  });
});

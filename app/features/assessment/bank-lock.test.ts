import { cpSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hashVersion, readLock } from "./bank-lock.ts";
import { byRelease, loadBankFromDisk } from "./bank-schema.ts";

const root = "content/question-bank";
const versions = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort(byRelease);

describe("the question bank", () => {
  it("has at least 12 areas and 90 questions, each with five levels, references and a measure", () => {
    const bank = loadBankFromDisk(path.join(root, versions.at(-1) ?? ""));
    const questions = bank.areas.flatMap((a) => a.sporsmal);
    expect(bank.areas.length).toBeGreaterThanOrEqual(12);
    expect(questions.length).toBeGreaterThanOrEqual(90);
    expect(questions.some((q) => q.gjelder.length === 1 && q.gjelder[0] === "barnehage")).toBe(true);
    expect(questions.some((q) => q.gjelder.length === 1 && q.gjelder[0] === "skole")).toBe(true);
    expect(questions.filter((q) => q.niva === "enhet").length).toBeGreaterThanOrEqual(20);
  });

  it.each(versions)("version %s: a released version's files never change (hash lock)", (version) => {
    const bank = loadBankFromDisk(path.join(root, version));
    if (bank.utgitt === null) return;
    expect(readLock(), `add ${version} to bank-lock.json when releasing it`).toHaveProperty([version]);
    expect(hashVersion(path.join(root, version)), `${version} is released and must not change`).toBe(
      readLock()[version],
    );
  });

  it("notices a change to a released version", () => {
    const copy = mkdtempSync(path.join(tmpdir(), "bank-"));
    cpSync(path.join(root, "2026.1"), copy, { recursive: true });
    const before = hashVersion(copy);
    writeFileSync(path.join(copy, "styring.yaml"), "# one more line\n", { flag: "a" });
    expect(hashVersion(copy)).not.toBe(before);
  });

  it("maps old question ids only to questions that exist", () => {
    for (const version of versions) {
      const bank = loadBankFromDisk(path.join(root, version));
      const ids = new Set(bank.areas.flatMap((a) => a.sporsmal.map((q) => q.id)));
      for (const target of Object.values(bank.erstatter)) expect(ids.has(target), target).toBe(true);
    }
  });
});

/** Every nynorsk text of a version, with where it stands. */
function nynorsk(version: string) {
  const out: { where: string; text: string }[] = [];
  for (const area of loadBankFromDisk(path.join(root, version)).areas) {
    out.push({ where: `${area.id} tittel`, text: area.tittel.nn });
    out.push({ where: `${area.id} beskrivelse`, text: area.beskrivelse.nn });
    for (const q of area.sporsmal) {
      for (const [key, text] of [
        ["tekst", q.tekst.nn],
        ["hjelp", q.hjelp.nn],
        ["konsekvens", q.konsekvens.nn],
        ...q.nivaer.map((l, i) => [`nivå ${i + 1}`, l.nn]),
        ...q.tiltak.map((m, i) => [`tiltak ${i + 1}`, m.tekst.nn]),
      ])
        out.push({ where: `${q.id} ${key}`, text: text as string });
    }
  }
  return out;
}

describe("version 2026.2", () => {
  it("keeps every area and question id of 2026.1, so a follow-up round compares with a baseline", () => {
    const ids = (version: string) =>
      loadBankFromDisk(path.join(root, version)).areas.flatMap((a) => [a.id, ...a.sporsmal.map((q) => q.id)]);
    expect(ids("2026.2")).toEqual(ids("2026.1"));
  });

  it("writes nynorsk with one form for each word (brukar, barn, enkelte, åtakar …)", () => {
    // The forms 2026.1 mixed with the ones chosen ("viss" for "dersom" too), and bokmål forms.
    const unwanted =
      /(?<![\p{L}-])(bruker|born|borna|friviljug|einskilde|einskildpersonar|angripar|framlegg|viss|røynsler|skuffer|gjester|ikke|hvis|hva|hvordan|noen|ansatte|eier|eieren|virksomhet|opplysninger)(?!\p{L})|sakshandsam/iu;
    const found = nynorsk("2026.2").filter((t) => unwanted.test(t.text));
    expect(found.map((t) => `${t.where}: ${t.text.match(unwanted)?.[0]}`)).toEqual([]);
    // 2026.1 is released and keeps its mixed forms; the test would say so if the pattern missed them.
    expect(nynorsk("2026.1").some((t) => unwanted.test(t.text))).toBe(true);
  });

  it("introduces each area so that it reads right on the owner's page and on a unit's page", () => {
    for (const area of loadBankFromDisk(path.join(root, "2026.2")).areas) {
      expect(area.beskrivelse.nb, area.id).not.toMatch(/^Hvordan eieren (?!og)/);
      expect(area.beskrivelse.nn, area.id).not.toMatch(/^Korleis eigaren (?!og)/);
    }
  });
});

import { cpSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hashVersion, readLock } from "./bank-lock.ts";
import { loadBankFromDisk } from "./bank-schema.ts";

const root = "content/question-bank";
const versions = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe("the question bank", () => {
  it("has at least 12 areas and 90 questions, each with five levels, references and a measure", () => {
    const bank = loadBankFromDisk(path.join(root, versions.sort().at(-1) ?? ""));
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

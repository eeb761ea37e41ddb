import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { catalogues } from "./translate.ts";

// The forms the question bank 2026.2 chose ("brukar", "barn", "enkelte" …), and bokmål forms that
// slip into nynorsk. "viss" is left out: the bank writes "dersom", but "viss" is good nynorsk.
const unwanted =
  /(?<![\p{L}-])(bruker|born|borna|friviljug|einskilde|einskildpersonar|angripar|framlegg|røynsler|ikke|hvis|hva|hvem|hvordan|noen|mye|jeg|ansatte|eier|eieren|virksomhet|opplysninger)(?!\p{L})|sakshandsam/iu;

const contentRoot = path.resolve(import.meta.dirname, "../../content");

/** Every nynorsk text in content/: whole `nn.yaml` files and every value under an `nn` key. */
function nynorskContent(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const walk = (where: string, value: unknown, inNn: boolean) => {
    if (typeof value === "string") {
      // Ids and other slugs ("hva-er-personvern") are not text anyone reads.
      if (inNn && !/^[a-z0-9-]+$/.test(value)) out.push({ where, text: value });
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(`${where}[${i}]`, v, inNn);
    } else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) walk(`${where}.${k}`, v, inNn || k === "nn");
  };
  for (const file of fs.readdirSync(contentRoot, { recursive: true }) as string[]) {
    // A released bank cannot change (docs/decisions/007-assessment.md); 2026.1 keeps its forms.
    if (file.startsWith(path.join("question-bank", "2026.1"))) continue;
    const full = path.join(contentRoot, file);
    if (file.endsWith(".yaml"))
      walk(file, parse(fs.readFileSync(full, "utf8")), path.basename(file) === "nn.yaml");
    else if (file.endsWith(".json") && !file.endsWith("bank-lock.json"))
      walk(file, JSON.parse(fs.readFileSync(full, "utf8")), false);
  }
  return out;
}

const hits = (texts: { where: string; text: string }[]) =>
  texts.filter((t) => unwanted.test(t.text)).map((t) => `${t.where}: ${t.text.match(unwanted)?.[0]}`);

describe("nynorsk", () => {
  it("the interface writes the same forms as the question bank (brukar, barn, ikkje …)", () => {
    const texts = Object.entries(catalogues.nn).map(([where, text]) => ({ where, text }));
    expect(hits(texts)).toEqual([]);
  });

  it("the courses, the guide, the catalogue and the templates do too", () => {
    const texts = nynorskContent();
    expect(texts.length).toBeGreaterThan(1000);
    expect(hits(texts)).toEqual([]);
  });
});

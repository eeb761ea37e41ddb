// Checks the question bank of the assessment. With file arguments: validates just those area files
// (for writing one area at a time). Without: validates the whole current version.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { loadBankFromDisk, ZArea } from "../app/features/assessment/bank-schema.ts";

const files = process.argv.slice(2);
const problems: string[] = [];
if (files.length > 0) {
  for (const file of files) {
    const result = ZArea.safeParse(parse(readFileSync(file, "utf8")));
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push(`${file}: ${issue.path.join(".")}: ${issue.message}`);
      continue;
    }
    const area = result.data;
    for (const q of area.sporsmal)
      if (!q.id.startsWith(`${area.id}-`)) problems.push(`${file}: ${q.id} må starte med ${area.id}-`);
    const ids = area.sporsmal.map((q) => q.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (dupes.length > 0) problems.push(`${file}: id brukt flere ganger: ${dupes.join(", ")}`);
    console.log(
      `${area.id}: ${area.sporsmal.length} spørsmål (eier ${area.sporsmal.filter((q) => q.niva === "eier").length}, enhet ${area.sporsmal.filter((q) => q.niva === "enhet").length})`,
    );
  }
} else {
  const root = "content/question-bank";
  for (const version of readdirSync(root)) {
    try {
      const bank = loadBankFromDisk(path.join(root, version));
      const count = bank.areas.reduce((n, a) => n + a.sporsmal.length, 0);
      console.log(`${version}: ${bank.areas.length} områder, ${count} spørsmål`);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
}
if (problems.length > 0) {
  console.error(`Feil:\n${problems.map((p) => `- ${p}`).join("\n")}`);
  process.exit(1);
}
console.log("Gyldig.");

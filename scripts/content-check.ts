// npm run content:check – validates every course module file (nb and nn), checks that both
// languages have the same steps and questions, and reports the LIX readability score per module
// and language. Fails when module 1 or 3 scores over 40 or module 2 over 45.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadBankFromDisk } from "../app/features/assessment/bank-schema.ts";
import { loadCatalogueFromDisk } from "../app/features/classifier/catalogue.ts";
import { parseGuide } from "../app/features/guide/guide-schema.ts";
import { MODULES, PACKAGES } from "../app/features/learning/content-schema.ts";
import { lix } from "../app/features/learning/lix.ts";
import { compareLanguages, moduleProse, parseModuleFile } from "../app/features/learning/parse-module.ts";
import { parseTemplates } from "../app/features/processing/template-schema.ts";

const root = path.resolve("content/learning");
const limits: Record<number, number> = { 1: 40, 2: 45, 3: 40 };
const problems: string[] = [];
const warnings: string[] = [];
const rows: string[] = [];
const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);

for (const pkg of PACKAGES) {
  for (const mod of MODULES) {
    const where = `${pkg}/${mod}`;
    if (only && only !== where) continue;
    const modules = [];
    const present = (["nb", "nn"] as const).filter((lang) =>
      existsSync(path.join(root, pkg, String(mod), `${lang}.yaml`)),
    );
    if (present.length === 0) {
      // A module not written yet is left out of the course list; half a module is an error.
      warnings.push(`${where}: ikke skrevet ennå`);
      continue;
    }
    for (const lang of ["nb", "nn"] as const) {
      const file = path.join(root, pkg, String(mod), `${lang}.yaml`);
      if (!existsSync(file)) {
        problems.push(`${where}: ${lang}.yaml mangler`);
        continue;
      }
      try {
        const module = parseModuleFile(readFileSync(file, "utf8"), path.relative(process.cwd(), file));
        const score = lix(moduleProse(module));
        const ok = score.score <= (limits[mod] ?? 40);
        rows.push(
          `| ${where} | ${lang} | ${score.score.toFixed(1)} | ${limits[mod]} | ${score.words} | ${module.steps.length} | ${module.quiz.length} | ${ok ? "ok" : "FOR HØY"} |`,
        );
        if (!ok)
          problems.push(`${where} ${lang}: LIX ${score.score.toFixed(1)} er over grensen ${limits[mod]}`);
        modules.push(module);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    if (modules.length === 2 && modules[0] && modules[1])
      problems.push(...compareLanguages(modules[0], modules[1], where));
  }
}

// The personal-data catalogue, the processing templates (whose data types must be in the catalogue)
// and the guide (same sections and self-test in nb and nn, plain language).
let catalogueIds = new Set<string>();
try {
  const catalogue = loadCatalogueFromDisk("content/catalogue");
  catalogueIds = new Set(catalogue.map((e) => e.id));
  if (catalogue.length < 60)
    problems.push(`katalogen har ${catalogue.length} oppføringer; det skal være minst 60`);
  rows.push(`| katalog | nb+nn | – | – | – | ${catalogue.length} oppføringer | – | |`);
} catch (error) {
  problems.push((error as Error).message);
}
try {
  const dir = "content/processing-templates";
  const templates = parseTemplates(
    readdirSync(dir)
      .filter((n) => n.endsWith(".yaml"))
      .sort()
      .map((name) => ({ name, source: readFileSync(path.join(dir, name), "utf8") })),
  );
  if (templates.length < 15)
    problems.push(`det er ${templates.length} maler for behandlinger; det skal være minst 15`);
  for (const tpl of templates) {
    const unknown = tpl.opplysninger.filter((id) => !catalogueIds.has(id));
    if (unknown.length > 0)
      problems.push(`mal ${tpl.id}: ukjente opplysninger i katalogen: ${unknown.join(", ")}`);
  }
  rows.push(`| maler | nb+nn | – | – | – | ${templates.length} maler | – | |`);
} catch (error) {
  problems.push((error as Error).message);
}
try {
  const guides = (["nb", "nn"] as const).map((lang) => {
    const file = `content/guide/${lang}.yaml`;
    const guide = parseGuide(readFileSync(file, "utf8"), file);
    const prose = [guide.intro, ...guide.sections.flatMap((s) => [s.title, s.body])].join("\n");
    const score = lix(prose);
    rows.push(
      `| veileder | ${lang} | ${score.score.toFixed(1)} | 40 | ${score.words} | ${guide.sections.length} | ${guide.selfTest.length} | ${score.score <= 40 ? "ok" : "FOR HØY"} |`,
    );
    if (score.score > 40) problems.push(`veileder ${lang}: LIX ${score.score.toFixed(1)} er over grensen 40`);
    return guide;
  });
  const shape = (g: (typeof guides)[number]) => [
    ...g.sections.map((s) => s.id),
    ...g.selfTest.map(
      (q) => `${q.id}:${q.type}:${q.options.map((o) => `${o.id}${o.correct ? "+" : "-"}`).join("")}`,
    ),
  ];
  if (JSON.stringify(shape(guides[0] as never)) !== JSON.stringify(shape(guides[1] as never)))
    problems.push("veilederen: nb og nn har ikke de samme delene og spørsmålene");
} catch (error) {
  problems.push((error as Error).message);
}

// The question bank of the assessment: every version valid, at least 12 areas and 90 questions.
for (const version of readdirSync("content/question-bank", { withFileTypes: true }).filter((d) =>
  d.isDirectory(),
)) {
  try {
    const bank = loadBankFromDisk(path.join("content/question-bank", version.name));
    const count = bank.areas.reduce((n, a) => n + a.sporsmal.length, 0);
    if (count < 90)
      problems.push(`spørsmålsbanken ${version.name} har ${count} spørsmål; det skal være minst 90`);
    rows.push(
      `| spørsmålsbank ${version.name} | nb+nn | – | – | – | ${bank.areas.length} områder | ${count} | |`,
    );
  } catch (error) {
    problems.push((error as Error).message);
  }
}

process.stdout.write(
  "| modul | språk | LIX | grense | ord | steg | quiz | |\n|---|---|---|---|---|---|---|---|\n",
);
process.stdout.write(`${rows.join("\n")}\n`);
if (warnings.length > 0) process.stdout.write(`\nMerk:\n${warnings.map((w) => `- ${w}`).join("\n")}\n`);
if (problems.length > 0) {
  process.stderr.write(`\nInnholdet har feil:\n${problems.map((p) => `- ${p}`).join("\n")}\n`);
  process.exit(1);
}
process.stdout.write("\nAlt innhold er gyldig.\n");

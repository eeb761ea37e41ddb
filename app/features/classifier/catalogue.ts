import { z } from "zod";
import { type ContentSource, contentData } from "../../lib/content-source.ts";

/**
 * The personal-data catalogue: content/catalogue/*.yaml. Each file is a YAML list of entries, written
 * so that people who are not programmers can add words and examples. The classifier reads names and
 * synonyms from here; the rules that combine them live in classify.ts.
 */

/** Bump when entries change meaning, so answers stored elsewhere can say which catalogue they used. */
export const CATALOGUE_VERSION = "2026-11";

/** Strictest last: when several entries match, the highest one wins. */
export const KATEGORIER = ["ikke", "alminnelig", "ekstra_varsomhet", "saerlig"] as const;
export type Kategori = (typeof KATEGORIER)[number];

/** The special categories of GDPR art. 9 nr. 1, in the order they are listed there. */
export const SAERLIGE_KATEGORIER = [
  "etnisk_opprinnelse",
  "politisk_oppfatning",
  "religion",
  "filosofisk_overbevisning",
  "fagforening",
  "genetikk",
  "biometri",
  "helse",
  "seksuelle_forhold",
] as const;
export type SaerligKategori = (typeof SAERLIGE_KATEGORIER)[number];

export const LOCALES = ["nb", "nn"] as const;
export type Locale = (typeof LOCALES)[number];

const text = z.string().trim().min(1, "kan ikke være tom");

/** The same text in bokmål and nynorsk; both are required (språklova). */
const ZBothLanguages = z.object({ nb: text, nn: text }, { error: "må ha både nb og nn" });

/** Word lists in both languages; at least one word in each. */
const ZBothLists = z.object(
  {
    nb: z.array(text).min(1, "trenger minst ett ord på bokmål"),
    nn: z.array(text).min(1, "trenger minst eitt ord på nynorsk"),
  },
  { error: "må ha både nb og nn" },
);

export const ZCatalogueEntry = z
  .object({
    /** Stable: other parts of Oppvern (and answers already given) refer to it. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "id: bare små bokstaver a–z, tall og bindestrek"),
    navn: ZBothLanguages,
    /** Words people actually type; the classifier also accepts inflected forms and compounds ending in them. */
    synonymer: ZBothLists,
    kategori: z.enum(KATEGORIER, { error: `kategori må være en av ${KATEGORIER.join(", ")}` }),
    saerligeKategorier: z.array(z.enum(SAERLIGE_KATEGORIER, { error: `ukjent særlig kategori` })).default([]),
    /** Plain language, 1–3 short sentences: why the entry has this class. */
    forklaring: ZBothLanguages,
    /** Legal reference, e.g. "GDPR art. 9 nr. 1". */
    hjemmel: text,
    eksempler: ZBothLists,
    /**
     * The type often hides a special category (health, religion …) that the words alone do not show.
     * Without a stated reason, the classifier then marks its answer as uncertain.
     */
    tvil: z.boolean().default(false),
    /** Phrases that look like a match but are not, e.g. "risikovurdering" for the entry on assessment. */
    unntak: z
      .object({ nb: z.array(text).default([]), nn: z.array(text).default([]) })
      .default({ nb: [], nn: [] }),
  })
  .superRefine((entry, ctx) => {
    if (entry.kategori === "saerlig" && entry.saerligeKategorier.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["saerligeKategorier"],
        message: "en særlig kategori må si hvilken (f.eks. helse)",
      });
    if (entry.kategori !== "saerlig" && entry.saerligeKategorier.length > 0)
      ctx.addIssue({
        code: "custom",
        path: ["saerligeKategorier"],
        message: `bare kategori saerlig kan ha særlige kategorier (denne er ${entry.kategori})`,
      });
    const sentences = (s: string) => s.split(/[.!?](?:\s|$)/).filter((p) => p.trim()).length;
    for (const lang of LOCALES) {
      if (sentences(entry.forklaring[lang]) > 3)
        ctx.addIssue({
          code: "custom",
          path: ["forklaring", lang],
          message: "forklaringen skal være kort: høyst tre setninger",
        });
    }
  });

export type CatalogueEntry = z.infer<typeof ZCatalogueEntry>;

export class CatalogueError extends Error {}

/** The name of entry `i` in an error message: its id when it has one, else its position. */
function entryLabel(raw: unknown, i: number): string {
  const id = typeof raw === "object" && raw !== null && "id" in raw ? String(raw.id) : "";
  return id ? `oppføring «${id}»` : `oppføring nr. ${i + 1}`;
}

/**
 * Validates every file and entry; throws one error that names each file and entry with a problem,
 * so a content editor can fix them all in one go.
 */
export function parseCatalogue(files: { name: string; source: ContentSource }[]): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    let raw: unknown;
    try {
      raw = contentData(file.source);
    } catch (error) {
      problems.push(`${file.name}: ikke gyldig YAML – ${(error as Error).message}`);
      continue;
    }
    if (!Array.isArray(raw)) {
      problems.push(`${file.name}: filen må være en liste med oppføringer (hver linje starter med «- id:»)`);
      continue;
    }
    raw.forEach((item: unknown, i) => {
      const result = ZCatalogueEntry.safeParse(item);
      if (!result.success) {
        for (const issue of result.error.issues)
          problems.push(
            `${file.name}, ${entryLabel(item, i)}: ${issue.path.join(".") || "(oppføringen)"}: ${issue.message}`,
          );
        return;
      }
      const entry = result.data;
      const earlier = seen.get(entry.id);
      if (earlier) problems.push(`${file.name}, oppføring «${entry.id}»: id er allerede brukt i ${earlier}`);
      else seen.set(entry.id, file.name);
      entries.push(entry);
    });
  }
  if (problems.length > 0)
    throw new CatalogueError(`Katalogen har feil:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return entries;
}

/**
 * Reads content/catalogue/*.yaml in name order (stable order = stable answers). For scripts and
 * tests; the fs module is fetched at call time so that importing this file stays safe in a browser
 * bundle, where the catalogue arrives through parseCatalogue instead.
 */
export function loadCatalogueFromDisk(dir = "content/catalogue"): CatalogueEntry[] {
  const fs = process.getBuiltinModule("node:fs");
  const path = process.getBuiltinModule("node:path");
  const names = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".yaml") || n.endsWith(".yml"))
    .sort();
  return parseCatalogue(
    names.map((name) => ({ name, source: fs.readFileSync(path.join(dir, name), "utf8") })),
  );
}

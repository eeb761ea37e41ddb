import { z } from "zod";
import { type ContentSource, contentData } from "../../lib/content-source.ts";

/**
 * The question bank of the assessment (kartlegging): content/question-bank/<version>/. One file
 * bank.yaml names the version and the order of the areas; one file per area holds its questions.
 * A released version never changes (see bank-lock.json and its test); a new version may map old
 * question ids to new ones so that rounds stay comparable.
 */
const text = z.string().trim().min(1, "kan ikke være tom");
const ZBoth = z.object({ nb: text, nn: text }, { error: "må ha både nb og nn" });

export const EFFORTS = ["liten", "middels", "stor"] as const;
export const LEVELS = ["eier", "enhet"] as const;
export const AUDIENCES = ["skole", "barnehage"] as const;

export const ZMeasure = z.object({
  tekst: ZBoth,
  /** Effort: small (a day or two), medium (weeks), large (months or money). */
  innsats: z.enum(EFFORTS),
});

export const ZQuestion = z.object({
  /** Stable across versions: <area>-<nn>, e.g. styring-01. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*-\d{2}$/, "id: <område>-<to sifre>, f.eks. styring-01"),
  tekst: ZBoth,
  /** Why it matters and what "good" looks like, in plain language. */
  hjelp: ZBoth,
  /** The five maturity levels for this question, from 1 (not in place) to 5 (improved continuously). */
  nivaer: z.array(ZBoth).length(5, "et spørsmål må ha nøyaktig fem nivåer"),
  /** Answered once for the owner, or once for each unit. */
  niva: z.enum(LEVELS),
  gjelder: z.array(z.enum(AUDIENCES)).min(1),
  /** Legal references, e.g. "Personvernforordningen artikkel 30". */
  hjemler: z.array(text).min(1),
  /** NSM Grunnprinsipper for IKT-sikkerhet ids: principles (2.6) or checked measures (2.6.7). */
  nsm: z.array(z.string().regex(/^[1-4]\.\d{1,2}(\.\d{1,2})?$/, "nsm: id som 2.6 eller 2.6.7")),
  vekt: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** What can happen when this is missing. */
  konsekvens: ZBoth,
  tiltak: z.array(ZMeasure).min(1, "minst ett foreslått tiltak"),
});

export const ZArea = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  tittel: ZBoth,
  beskrivelse: ZBoth,
  sporsmal: z.array(ZQuestion).min(5, "et område må ha minst fem spørsmål"),
});

export const ZBankIndex = z.object({
  versjon: z.string().regex(/^\d{4}\.\d+$/),
  /** Set when the version is released: from then on its files must never change. */
  utgitt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  omrader: z.array(z.string()).min(12, "banken må ha minst 12 områder"),
  /** Old question id → new question id, for comparing with rounds on an earlier version. */
  erstatter: z.record(z.string(), z.string()).default({}),
});

export type Question = z.infer<typeof ZQuestion>;
export type Area = z.infer<typeof ZArea>;
export type Bank = z.infer<typeof ZBankIndex> & { areas: Area[] };

/** Validates a whole version: the index, every area, unique ids, and that every area in the index exists. */
export function parseBank(files: { name: string; source: ContentSource }[]): Bank {
  const problems: string[] = [];
  const index = files.find((f) => f.name.endsWith("bank.yaml"));
  if (!index) throw new Error("Spørsmålsbanken mangler bank.yaml");
  const parsedIndex = ZBankIndex.safeParse(contentData(index.source));
  if (!parsedIndex.success)
    throw new Error(
      `bank.yaml: ${parsedIndex.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  const areas = new Map<string, Area>();
  const seen = new Set<string>();
  for (const file of files.filter((f) => f !== index)) {
    const result = ZArea.safeParse(contentData(file.source));
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push(`${file.name}: ${issue.path.join(".")}: ${issue.message}`);
      continue;
    }
    for (const q of result.data.sporsmal) {
      if (seen.has(q.id)) problems.push(`${file.name}: spørsmål ${q.id} finnes fra før`);
      seen.add(q.id);
      if (!q.id.startsWith(`${result.data.id}-`))
        problems.push(`${file.name}: ${q.id} må starte med ${result.data.id}-`);
    }
    areas.set(result.data.id, result.data);
  }
  for (const id of parsedIndex.data.omrader)
    if (!areas.has(id)) problems.push(`bank.yaml: området ${id} har ingen fil`);
  if (problems.length > 0)
    throw new Error(`Spørsmålsbanken har feil:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return { ...parsedIndex.data, areas: parsedIndex.data.omrader.map((id) => areas.get(id) as Area) };
}

/** Orders version names as released: 2026.10 comes after 2026.9. */
export const byRelease = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/** The newest version on disk: the one new rounds use (scripts and tests about the current bank). */
export function loadNewestBankFromDisk(root = "content/question-bank"): Bank {
  const fs = process.getBuiltinModule("node:fs");
  const path = process.getBuiltinModule("node:path");
  const versions = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort(byRelease);
  return loadBankFromDisk(path.join(root, versions.at(-1) ?? ""));
}

/** Reads one version from disk (scripts and tests). */
export function loadBankFromDisk(dir: string): Bank {
  const fs = process.getBuiltinModule("node:fs");
  const path = process.getBuiltinModule("node:path");
  return parseBank(
    fs
      .readdirSync(dir)
      .filter((n) => n.endsWith(".yaml"))
      .sort()
      .map((name) => ({ name, source: fs.readFileSync(path.join(dir, name), "utf8") })),
  );
}

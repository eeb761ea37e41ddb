import type { Locale as AppLocale } from "../../i18n/locales.ts";
import type { ContentSource } from "../../lib/content-source.ts";
import { type Area, type Bank, byRelease, parseBank, type Question } from "./bank-schema.ts";

export { questionsFor, type ScopeKind, unitAudience } from "./scoring.ts";

/** Every version of the question bank, bundled at build time and validated when the server starts. */
const files = import.meta.glob<ContentSource>("/content/question-bank/*/*.yaml", {
  query: "?parsed",
  import: "default",
  eager: true,
});

const byVersion = new Map<string, Bank>();
for (const version of new Set(Object.keys(files).map((name) => name.split("/").at(-2) ?? ""))) {
  byVersion.set(
    version,
    parseBank(
      Object.entries(files)
        .filter(([name]) => name.split("/").at(-2) === version)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, source]) => ({ name: name.split("/").pop() ?? name, source })),
    ),
  );
}

const versions = [...byVersion.keys()].sort(byRelease);

/** The newest version: new rounds use it. */
export function currentBank(): Bank {
  const bank = byVersion.get(versions.at(-1) ?? "");
  if (!bank) throw new Error("Spørsmålsbanken mangler");
  return bank;
}

export const getBank = (version: string): Bank | null => byVersion.get(version) ?? null;

/** Bank text exists in bokmål and nynorsk; English readers get bokmål. */
export const bankLocale = (locale: AppLocale): "nb" | "nn" => (locale === "nn" ? "nn" : "nb");

export function findQuestion(bank: Bank, questionId: string): { area: Area; question: Question } | null {
  for (const area of bank.areas) {
    const question = area.sporsmal.find((q) => q.id === questionId);
    if (question) return { area, question };
  }
  return null;
}

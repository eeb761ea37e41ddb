import type { Locale as AppLocale } from "../../i18n/locales.ts";
import type { ContentSource } from "../../lib/content-source.ts";
import { CATALOGUE_VERSION, type CatalogueEntry, type Locale, parseCatalogue } from "./catalogue.ts";
import { type Answer, classify } from "./classify.ts";

/** The catalogue files, bundled at build time and validated when the server starts. */
const files = import.meta.glob<ContentSource>("/content/catalogue/*.yaml", {
  query: "?parsed",
  import: "default",
  eager: true,
});

const catalogue: CatalogueEntry[] = parseCatalogue(
  Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, source]) => ({ name: name.split("/").pop() ?? name, source })),
);
const byId = new Map(catalogue.map((e) => [e.id, e]));

export const getCatalogue = () => catalogue;
export const getCatalogueEntry = (id: string) => byId.get(id) ?? null;
export const catalogueVersion = CATALOGUE_VERSION;

/** Catalogue text exists in bokmål and nynorsk; English readers get bokmål. */
export const catalogueLocale = (locale: AppLocale): Locale => (locale === "nn" ? "nn" : "nb");

export function classifyText(text: string, locale: AppLocale): Answer {
  return classify(text, catalogue, catalogueLocale(locale));
}

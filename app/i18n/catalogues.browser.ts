import type { Locale } from "./locales.ts";
import { nb } from "./messages/nb.ts";
import type { Messages } from "./translate.ts";

/**
 * The browser's messages: bokmål (the default, and the fallback of the others), and nynorsk or
 * English only for a reader of that language. Each catalogue is ~25 KB gzipped, so a hydrated page
 * loads one or two of them instead of all three.
 */
export const catalogues: Partial<Record<Locale, Messages>> = { nb };

/**
 * Loads the page's language before React hydrates it (app/entry.client.tsx): the first render in
 * the browser must show the same text as the server's. A change of language loads a new document
 * (the language links are plain links, the profile's form reloads the page), so no later render
 * needs a catalogue that is not here.
 */
export async function loadCatalogue(locale: Locale): Promise<void> {
  if (catalogues[locale]) return;
  if (locale === "nn") catalogues.nn = (await import("./messages/nn.ts")).nn;
  if (locale === "en") catalogues.en = (await import("./messages/en.ts")).en;
}

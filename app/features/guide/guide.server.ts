import type { Locale } from "../../i18n/locales.ts";
import type { ContentSource } from "../../lib/content-source.ts";
import { type Guide, parseGuide } from "./guide-schema.ts";

/** The guide text, bundled at build time and validated when the server starts. */
const files = import.meta.glob<ContentSource>("/content/guide/*.yaml", {
  query: "?parsed",
  import: "default",
  eager: true,
});

const guides = new Map<string, Guide>();
for (const [file, source] of Object.entries(files)) {
  const lang = file.match(/\/(nb|nn)\.yaml$/)?.[1];
  if (lang) guides.set(lang, parseGuide(source, file));
}

/** The guide exists in bokmål and nynorsk; English readers get bokmål. */
export function getGuide(locale: Locale): Guide | null {
  return guides.get(locale === "nn" ? "nn" : "nb") ?? null;
}

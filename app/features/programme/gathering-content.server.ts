import type { Locale } from "../../i18n/locales.ts";
import type { ContentSource } from "../../lib/content-source.ts";
import { type GatheringContent, parseGatheringTemplate } from "./gathering-content.ts";

/** The gathering template, bundled at build time and validated when the server starts. */
const files = import.meta.glob<ContentSource>("/content/programme/*.yaml", {
  query: "?parsed",
  import: "default",
  eager: true,
});

const templates = new Map<string, GatheringContent[]>();
for (const [file, source] of Object.entries(files)) {
  const lang = file.match(/\/(nb|nn|en)\.yaml$/)?.[1];
  if (lang) templates.set(lang, parseGatheringTemplate(source, file));
}

/** What the template says about one gathering, in the reader's language. */
export function gatheringContent(number: number, locale: Locale): GatheringContent | null {
  return (templates.get(locale) ?? templates.get("nb"))?.[number] ?? null;
}

/** A template link, with `{id}` made the programme's. */
export const programmeLink = (link: string, programmeId: string) =>
  link.replace("{id}", encodeURIComponent(programmeId));

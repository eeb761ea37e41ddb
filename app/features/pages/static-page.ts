import { z } from "zod";
import personvern from "../../../content/pages/personvern.json" with { type: "json" };
import tilgjengelighet from "../../../content/pages/tilgjengelighet.json" with { type: "json" };
import type { Locale } from "../../i18n/locales.ts";

const ZSection = z.object({
  heading: z.string().min(1),
  paragraphs: z.array(z.string().min(1)).default([]),
  list: z.array(z.string().min(1)).optional(),
});

const ZPageText = z.object({
  title: z.string().min(1),
  lead: z.string().min(1),
  updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sections: z.array(ZSection).min(1),
});

/** A page written as data (content/pages/*.json), in all three languages. */
export const ZStaticPage = z.object({ nb: ZPageText, nn: ZPageText, en: ZPageText });
export type TStaticPage = z.infer<typeof ZStaticPage>;

const pages = {
  personvern: ZStaticPage.parse(personvern),
  tilgjengelighet: ZStaticPage.parse(tilgjengelighet),
};

export function getStaticPage(slug: keyof typeof pages, locale: Locale) {
  return pages[slug][locale];
}

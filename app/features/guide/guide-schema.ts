import { z } from "zod";
import { type ContentSource, contentData } from "../../lib/content-source.ts";
import { ZQuizQuestion } from "../learning/content-schema.ts";

/**
 * The personal-data guide at /personopplysninger: content/guide/<nb|nn>.yaml. Sections are shown on
 * one page with a table of contents. Each section may list short descriptions ("eksempler") that the
 * page runs through the classifier and shows with its answer, and the guide ends with a self-test.
 * Text markup as in the courses: blank line = paragraph, "- " = list item, "## " = subheading, **bold**.
 */
const text = z.string().trim().min(1);

export const ZGuideSection = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: text,
  body: text,
  /** Short descriptions of a piece of data, e.g. "bilde av elev med hijab på nettsiden". */
  eksempler: z.array(text).default([]),
});

export const ZGuide = z.object({
  title: text,
  intro: text,
  sections: z.array(ZGuideSection).min(6),
  selfTest: z.array(ZQuizQuestion).min(5),
});
export type Guide = z.infer<typeof ZGuide>;

export function parseGuide(source: ContentSource, name: string): Guide {
  const result = ZGuide.safeParse(contentData(source));
  if (!result.success)
    throw new Error(
      `${name}:\n${result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`,
    );
  return result.data;
}

import { z } from "zod";
import { type ContentSource, contentData } from "../../lib/content-source.ts";
import { ASSIGNABLE_MODULES } from "../learning/content-schema.ts";

/**
 * What the template says about each gathering 0–4 (content/programme/<nb|nn|en>.yaml, decision
 * 026): learning goals and self-study before the next gathering, for the guides (part 1) and the
 * participants (part 2; gathering 0 has none), the courses that belong to it, and a suggested
 * agenda the programansvarlig can take over and change.
 */
const text = z.string().trim().min(1);

/** An app path; `/program/{id}` stands for the programme the page is shown for. */
const ZTask = z.object({
  text,
  link: z
    .string()
    .regex(/^\/[a-z0-9/{}?=#&-]*$/)
    .optional(),
});

const ZPart = z.object({
  goals: z.array(text).min(1),
  selfStudy: z.array(ZTask).min(1),
});

const ZGatheringContent = z.object({
  number: z.number().int().min(0).max(4),
  guides: ZPart,
  participants: ZPart.optional(),
  modules: z.array(z.enum(ASSIGNABLE_MODULES as [string, ...string[]])).default([]),
  agenda: z.array(text).min(1),
});
export type GatheringContent = z.infer<typeof ZGatheringContent>;

export const ZGatheringTemplate = z
  .object({ gatherings: z.array(ZGatheringContent).length(5) })
  .refine((t) => t.gatherings.every((g, i) => g.number === i && (i === 0) === !g.participants), {
    message: "gatherings 0–4 in order; only gathering 0 is without participants",
  });

export function parseGatheringTemplate(source: ContentSource, name: string): GatheringContent[] {
  const result = ZGatheringTemplate.safeParse(contentData(source));
  if (!result.success)
    throw new Error(
      `${name}:\n${result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`,
    );
  return result.data.gatherings;
}

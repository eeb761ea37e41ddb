import { z } from "zod";

/**
 * The shape of one module in one language: content/learning/<pakke>/<modul>/<nb|nn>.yaml.
 * A module is a sequence of steps (text pages, worked examples, discussion tasks) and a quiz.
 * Text fields use a small markup: blank line = new paragraph, "- " = list item, "## " = subheading,
 * **bold**.
 */
const text = z.string().trim().min(1);

const ZVideo = z.object({
  /** A self-hosted file under public/media/, e.g. /media/skole-1-intro.mp4 */
  src: z.string().regex(/^\/media\/[\w./-]+\.(mp4|webm)$/),
  /** WebVTT captions under public/media/ */
  captions: z.string().regex(/^\/media\/[\w./-]+\.vtt$/),
  /** The full transcript, shown under the film. */
  transcript: text,
});

const ZStepBase = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "id: bare små bokstaver a–z, tall og bindestrek"),
  title: text,
});

export const ZTextStep = ZStepBase.extend({
  kind: z.literal("text"),
  body: text,
  video: ZVideo.optional(),
});

export const ZExampleStep = ZStepBase.extend({
  kind: z.literal("example"),
  /** The situation, told as a short case with invented names. */
  body: text,
  /** What the rules say and what a good answer looks like. */
  answer: text,
});

export const ZTaskStep = ZStepBase.extend({
  kind: z.literal("task"),
  /** The prompt for a group or for one person. */
  body: text,
  minutes: z.number().int().min(2).max(45),
  questions: z.array(text).min(1),
});

export const ZStep = z.discriminatedUnion("kind", [ZTextStep, ZExampleStep, ZTaskStep]);

export const ZQuizOption = z.object({
  id: z.string().regex(/^[a-z]$/),
  text,
  correct: z.boolean(),
  /** Why this option is right or wrong. */
  feedback: text,
});

export const ZQuizQuestion = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    type: z.enum(["single", "multiple"]),
    /** An optional short situation the question is about. */
    scenario: text.optional(),
    question: text,
    options: z.array(ZQuizOption).min(2).max(6),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct).length;
    if (q.type === "single" && correct !== 1) {
      ctx.addIssue({
        code: "custom",
        message: `spørsmål ${q.id}: et enkeltvalg må ha nøyaktig ett riktig svar`,
      });
    }
    if (q.type === "multiple" && correct < 1) {
      ctx.addIssue({ code: "custom", message: `spørsmål ${q.id}: et flervalg må ha minst ett riktig svar` });
    }
    const ids = q.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: "custom", message: `spørsmål ${q.id}: to svar har samme id` });
  });

export const ZModuleText = z
  .object({
    title: text,
    /** Who the module is for. */
    audience: z.enum(["alle", "eier", "ansatt"]),
    summary: text,
    minutes: z.number().int().min(5).max(120),
    steps: z.array(ZStep),
    quiz: z.array(ZQuizQuestion).min(8, "quizen må ha minst 8 spørsmål"),
    /** Laws and guidance the module builds on, e.g. "Personvernforordningen artikkel 9". */
    sources: z.array(text).min(1),
  })
  .superRefine((m, ctx) => {
    const count = (kind: string) => m.steps.filter((s) => s.kind === kind).length;
    if (count("text") < 5) ctx.addIssue({ code: "custom", message: "modulen må ha minst 5 tekstsider" });
    if (count("example") < 3) ctx.addIssue({ code: "custom", message: "modulen må ha minst 3 eksempler" });
    if (count("task") < 2) ctx.addIssue({ code: "custom", message: "modulen må ha minst 2 oppgaver" });
    const ids = [...m.steps.map((s) => s.id), ...m.quiz.map((q) => q.id)];
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (dupes.length > 0)
      ctx.addIssue({ code: "custom", message: `id brukt flere ganger: ${dupes.join(", ")}` });
  });

export type TModuleText = z.infer<typeof ZModuleText>;
export type TStep = z.infer<typeof ZStep>;
export type TQuizQuestion = z.infer<typeof ZQuizQuestion>;

/** The two packages and their modules; paths are /kompetanse/<pakke>/<modul>. */
export const PACKAGES = ["skole", "barnehage"] as const;
export const MODULES = [1, 2, 3] as const;
export type TPackage = (typeof PACKAGES)[number];

/** "pakke/modul" keys of every module, for choosing one in a form. */
export const ASSIGNABLE_MODULES = PACKAGES.flatMap((pkg) => MODULES.map((mod) => `${pkg}/${mod}`));

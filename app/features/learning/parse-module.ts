import { type ContentSource, contentData } from "../../lib/content-source.ts";
import { type TModuleText, ZModuleText } from "./content-schema.ts";

export class ContentError extends Error {}

/** Parses and validates one module file; the error names the file and every problem in it. */
export function parseModuleFile(source: ContentSource, file: string): TModuleText {
  let raw: unknown;
  try {
    raw = contentData(source);
  } catch (error) {
    throw new ContentError(`${file}: ikke gyldig YAML – ${(error as Error).message}`);
  }
  const result = ZModuleText.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  - ${i.path.join(".") || "(modulen)"}: ${i.message}`);
    throw new ContentError(`${file}:\n${problems.join("\n")}`);
  }
  return result.data;
}

/** nb and nn must have the same steps and questions, in the same order, so progress carries over. */
export function compareLanguages(nb: TModuleText, nn: TModuleText, where: string): string[] {
  const shape = (m: TModuleText) => [
    ...m.steps.map((s) => `${s.kind}:${s.id}`),
    ...m.quiz.map(
      (q) => `quiz:${q.id}:${q.type}:${q.options.map((o) => `${o.id}${o.correct ? "+" : "-"}`).join("")}`,
    ),
  ];
  const a = shape(nb);
  const b = shape(nn);
  const problems: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      problems.push(
        `${where}: nb har «${a[i] ?? "ingenting"}», nn har «${b[i] ?? "ingenting"}» på plass ${i + 1}`,
      );
  }
  return problems;
}

/** All the prose of a module, for the readability score. */
export function moduleProse(m: TModuleText): string {
  const parts: string[] = [m.summary];
  for (const s of m.steps) {
    parts.push(s.title, s.body);
    if (s.kind === "example") parts.push(s.answer);
    if (s.kind === "task") parts.push(...s.questions);
    if (s.kind === "text" && s.video) parts.push(s.video.transcript);
  }
  for (const q of m.quiz)
    parts.push(q.scenario ?? "", q.question, ...q.options.flatMap((o) => [o.text, o.feedback]));
  return parts.filter(Boolean).join("\n");
}

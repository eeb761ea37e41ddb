import type { ContentSource } from "../../lib/content-source.ts";
import { type ProcessingTemplate, parseTemplates } from "./template-schema.ts";

/** The template library, bundled at build time and validated when the server starts. */
const files = import.meta.glob<ContentSource>("/content/processing-templates/*.yaml", {
  query: "?parsed",
  import: "default",
  eager: true,
});

const templates = parseTemplates(
  Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, source]) => ({ name, source })),
);
const byId = new Map(templates.map((t) => [t.id, t]));

export const getTemplates = (): ProcessingTemplate[] => templates;
export const getTemplate = (id: string) => byId.get(id) ?? null;

import { parse } from "yaml";

/**
 * A content file (course, catalogue, guide, templates, question bank): its YAML text when read from
 * disk (scripts, tests), or the data the build already parsed from it (the app, see
 * scripts/vite-yaml-plugin.ts), so that the server does not parse YAML when it starts.
 */
export type ContentSource = string | { parsed: unknown };

export const contentData = (source: ContentSource): unknown =>
  typeof source === "string" ? parse(source) : source.parsed;

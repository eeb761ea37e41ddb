/**
 * A content file (course, catalogue, guide, templates, question bank): its YAML text when read from
 * disk (scripts, tests), or the data the build already parsed from it (the app, see
 * scripts/vite-yaml-plugin.ts), so that the server does not parse YAML when it starts.
 */
export type ContentSource = string | { parsed: unknown };

type Yaml = typeof import("yaml");

/**
 * The YAML parser is loaded only for text, which only scripts and tests pass: the server starts
 * without it (~50 ms), and the browser bundles of forms that share a content schema (the
 * processing form, the catalogue) do not carry it (~10 KB gzipped). Loaded through Node's own
 * `require`, found at run time, so that no bundle sees an import of it.
 */
function parseYaml(text: string): unknown {
  const { createRequire } = process.getBuiltinModule("node:module");
  return (createRequire(import.meta.url)("yaml") as Yaml).parse(text);
}

export const contentData = (source: ContentSource): unknown =>
  typeof source === "string" ? parseYaml(source) : source.parsed;

import { readFile } from "node:fs/promises";
import type { Plugin } from "vite";
import { parse } from "yaml";

/**
 * `import.meta.glob("….yaml", { query: "?parsed" })` gives `{ parsed: data }`: the YAML is parsed
 * when the app is built, and the bundle holds JSON, which starts several times faster than parsing
 * YAML at every start. The schemas still check the data when the server starts.
 */
export function yamlAtBuild(): Plugin {
  return {
    name: "oppvern-yaml-at-build",
    enforce: "pre",
    async load(id) {
      const [file, query] = id.split("?");
      if (query !== "parsed" || !file?.endsWith(".yaml")) return null;
      this.addWatchFile(file);
      const data = parse(await readFile(file, "utf8"));
      return `export default { parsed: JSON.parse(${JSON.stringify(JSON.stringify(data))}) };`;
    },
  };
}

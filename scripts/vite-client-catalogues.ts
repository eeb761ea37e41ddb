import path from "node:path";
import type { Plugin } from "vite";

/**
 * In the browser's build, `app/i18n/catalogues.ts` (all three languages, ~75 KB gzipped) is
 * replaced by `catalogues.browser.ts` (bokmål, and the page's own language loaded on demand). The
 * server, the scripts and the tests keep every language.
 */
export function clientCatalogues(): Plugin {
  const server = path.resolve("app/i18n/catalogues.ts");
  const browser = path.resolve("app/i18n/catalogues.browser.ts");
  return {
    name: "oppvern-client-catalogues",
    enforce: "pre",
    applyToEnvironment: (environment) => environment.name === "client",
    async resolveId(source, importer, options) {
      if (!source.endsWith("catalogues.ts")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === server ? browser : null;
    },
  };
}

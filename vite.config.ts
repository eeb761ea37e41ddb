import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { clientCatalogues } from "./scripts/vite-client-catalogues.ts";
import { yamlAtBuild } from "./scripts/vite-yaml-plugin.ts";

// The server bundle's entry is our Express app (server/app.ts), which wraps React Router's build.
export default defineConfig({
  environments: { ssr: { build: { rollupOptions: { input: "./server/app.ts" } } } },
  plugins: [yamlAtBuild(), clientCatalogues(), reactRouter()],
});

import { defineConfig } from "vitest/config";
import { yamlAtBuild } from "./scripts/vite-yaml-plugin.ts";

export default defineConfig({
  plugins: [yamlAtBuild()],
  test: {
    include: ["app/**/*.test.ts", "content/**/*.test.ts", "scripts/**/*.test.ts", "server/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

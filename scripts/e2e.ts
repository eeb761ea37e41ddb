// Browser tests: vitest drives Debian's Chromium (playwright-core) against the production build.
import { spawnSync } from "node:child_process";

const result = spawnSync(
  "npx",
  ["vitest", "run", "--config", "vitest.e2e.config.ts", ...process.argv.slice(2)],
  {
    stdio: "inherit",
  },
);
process.exit(result.status ?? 1);

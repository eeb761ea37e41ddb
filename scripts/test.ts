// npm test: type check, lint, build, unit + integration tests (SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set), then the browser tests when Chromium is found. Under CI=true a
// skipped PostgreSQL or browser part fails the run instead of being skipped.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const ci = process.env.CI === "true";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stderr.write(`\n✗ ${label} failed\n`);
    process.exit(result.status ?? 1);
  }
}

const skipped: string[] = [];
if (!process.env.TEST_DATABASE_URL)
  skipped.push("PostgreSQL integration tests (set TEST_DATABASE_URL to run them)");
if (!existsSync(chromium)) skipped.push(`browser tests (no Chromium at ${chromium}; set CHROMIUM_PATH)`);
if (ci && skipped.length > 0) {
  process.stderr.write(`✗ CI=true, but these would be skipped:\n  - ${skipped.join("\n  - ")}\n`);
  process.exit(1);
}

run("type check", "npx", ["react-router", "typegen"]);
run("type check", "npx", ["tsc", "--noEmit"]);
run("lint", "npx", ["biome", "check", "--error-on-warnings", "."]);
run("content check and build", "npm", ["run", "build"]);
run(
  `unit and integration tests (${process.env.TEST_DATABASE_URL ? "SQLite and PostgreSQL" : "SQLite"})`,
  "npx",
  ["vitest", "run"],
);
if (existsSync(chromium))
  run("browser tests (Chromium)", "node", ["scripts/e2e.ts"], { CHROMIUM_PATH: chromium });

for (const line of skipped) process.stdout.write(`\n⚠ skipped: ${line}\n`);
process.stdout.write("\n✓ all tests passed\n");

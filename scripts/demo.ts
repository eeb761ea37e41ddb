// npm run demo: builds when the build is missing or older than the sources, then starts Oppvern
// in demo mode on SQLite in ./data-demo (unless DATA_DIR is set).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const BUILD = "build/server/index.js";
const SOURCES = [
  "app",
  "server",
  "content",
  "public",
  "package.json",
  "vite.config.ts",
  "react-router.config.ts",
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

const stale = !existsSync(BUILD) || Math.max(...SOURCES.map(newestMtime)) > statSync(BUILD).mtimeMs;
if (stale) {
  process.stdout.write("Bygger Oppvern … / Building Oppvern …\n");
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const child = spawn(process.execPath, ["server.js"], {
  stdio: "inherit",
  env: { ...process.env, OPPVERN_DEMO: "1", DATA_DIR: process.env.DATA_DIR ?? "./data-demo" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));

// Prints, as JSON, the npm packages that loading the built server (build/server/index.js) pulls
// in, with their number of files. Cold start pays for every one of them: the export writers, the
// mail transport, better-auth and the PostgreSQL driver are meant to load on first use instead.
// Run with `node scripts/startup-modules.ts` after `npm run build`; server/startup.test.ts reads it.
import { registerHooks } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const packages: Record<string, number> = {};
registerHooks({
  load(url, context, nextLoad) {
    const name = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1];
    if (name) packages[name] = (packages[name] ?? 0) + 1;
    return nextLoad(url, context);
  },
});
process.env.NODE_ENV ??= "production";
await import(pathToFileURL(path.resolve("build/server/index.js")).href);
process.stdout.write(JSON.stringify(packages));

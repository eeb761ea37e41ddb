// The production process: load the built app, open the database, listen, and shut down gracefully.
// Plain JavaScript, not TypeScript: Node would load its TypeScript stripper (~0.15 s) for this
// one file on every start. The app itself is TypeScript, built into build/server/index.js.
import { createServer } from "node:http";
import { enableCompileCache } from "node:module";

// React and React Router run their production builds unless told otherwise (development builds
// are several times slower).
process.env.NODE_ENV ??= "production";

const started = performance.now();
// V8 keeps the compiled code of the app's modules on disk (NODE_COMPILE_CACHE, or a folder in the
// system's temporary directory), so a restart does not compile the same bundle again.
enableCompileCache();
// The built bundle of server/app.ts.
/** @type {typeof import("./server/app.ts")} */
const mod = await import("./build/server/index.js");
const services = await mod.createServices(mod.optionsFromEnv(process.env));
const handler = mod.createApp(services);
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const server = createServer(handler).listen(port, host, async () => {
  services.log.info(
    { port, ms: Math.round(performance.now() - started), db: services.handle.dialect },
    "Oppvern is listening",
  );
  process.stdout.write(`\n  Oppvern: ${services.config.publicUrl}\n`);
  if (services.config.demo) {
    process.stdout.write(`\n  Demo-innlogginger (passord «${mod.DEMO_PASSWORD}»):\n`);
    for (const email of mod.DEMO_LOGINS) process.stdout.write(`    ${email}\n`);
    process.stdout.write("\n");
  }
  await mod.announceFirstAdmin(services);
});
// better-auth loads on first use (app/features/auth/auth.server.ts); once the first request has
// its answer, load it in the background so that the first sign-in does not wait for it.
server.once("request", (_req, res) => res.once("finish", () => setImmediate(() => void services.auth())));
const stopJobs = mod.startJobs(services);

let stopping = false;
/** @param {string} signal */
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  services.log.info({ signal }, "shutting down: finishing open requests");
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  stopJobs();
  server.close(async () => {
    await services.live.close();
    await services.handle.close();
    services.log.info("stopped");
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

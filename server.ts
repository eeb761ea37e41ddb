// The production process: load the built app, open the database, listen, and shut down gracefully.
import type { Server } from "node:http";

// React and React Router run their production builds unless told otherwise (development builds
// are several times slower).
process.env.NODE_ENV ??= "production";

const started = performance.now();
// The built bundle of server/app.ts; the path is a variable so type checking does not need a build.
const buildPath = "./build/server/index.js";
const mod: typeof import("./server/app.ts") = await import(buildPath);
const services = await mod.createServices(mod.optionsFromEnv(process.env));
const app = mod.createApp(services);
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const server: Server = app.listen(port, host, async () => {
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
const stopJobs = mod.startJobs(services);

let stopping = false;
async function shutdown(signal: string) {
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

// React Router alone, served as Oppvern is (Express and @react-router/express): the framework's own
// ceiling for a page rendered per request, measured by scripts/bench.ts. FRAMEWORK_BUILD names the
// build (bench/framework/build/one or build/all), PORT the port.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "react-router";

// React's production build, as in server.js: set before React loads (hence the imports below).
process.env.NODE_ENV ??= "production";
const { default: express } = await import("express");
const { createRequestHandler } = await import("@react-router/express");
const dir = process.env.FRAMEWORK_BUILD ?? "bench/framework/build/all";
const build = (await import(pathToFileURL(path.resolve(dir, "server/index.js")).href)) as ServerBuild;
const app = express();
app.disable("x-powered-by");
app.all("/{*splat}", createRequestHandler({ build }));
app.listen(Number(process.env.PORT ?? 3900), "127.0.0.1", () => process.stdout.write("ready\n"));

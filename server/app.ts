import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import * as serverBuild from "virtual:react-router/server-build";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { RouterContextProvider, type ServerBuild } from "react-router";
import { autosave } from "../app/features/assessment/autosave.server.ts";
import { answerFromPhone } from "../app/features/group/answer-post.server.ts";
import { resolveLocale } from "../app/i18n/locales.ts";
import { createT } from "../app/i18n/translate.ts";
import { sharedPageKey } from "../app/lib/page-cache.ts";
import { type AppServices, requestContext, servicesContext } from "../app/lib/services.ts";
import { createHotPosts, pathOf } from "./hot-posts.ts";
import { createMetrics, createRouteLabeller } from "./metrics.ts";

export { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "../app/features/demo/seed-demo.server.ts";
export { createFirstAdminLink } from "../app/features/setup/first-admin.server.ts";
export { startJobs } from "./jobs.ts";
export { announceFirstAdmin, createServices, optionsFromEnv } from "./services.ts";

const build = serverBuild as unknown as ServerBuild;

function contentSecurityPolicy(nonce: string, https: boolean) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A fresh 128-bit nonce per response for the page's scripts. One call for random bytes per
 * response was 4 % of an autosave's time, so the bytes are drawn in blocks; each is used once.
 */
let randomPool = Buffer.alloc(0);
let randomOffset = 0;
function nonce(): string {
  if (randomOffset + 16 > randomPool.length) {
    randomPool = randomBytes(4096);
    randomOffset = 0;
  }
  randomOffset += 16;
  return randomPool.toString("base64", randomOffset - 16, randomOffset);
}

/**
 * A form posted from another site is refused: the browser tells us where it came from
 * (Origin, or Sec-Fetch-Site), and it must be this site.
 */
function isCrossOrigin(req: IncomingMessage, publicOrigin: string): boolean {
  const origin = req.headers.origin;
  if (origin) {
    // This host by either scheme (behind a proxy that ends TLS, the app itself hears plain HTTP).
    const host = req.headers.host;
    return origin !== publicOrigin && origin !== `https://${host}` && origin !== `http://${host}`;
  }
  return req.headers["sec-fetch-site"] === "cross-site";
}

const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};
const HSTS = { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" };
/** A redirect or a few bytes of JSON load nothing. */
const HOT_CSP = "default-src 'none'; frame-ancestors 'none'";

export function createApp(services: AppServices, options: { clientDir?: string } = {}) {
  const clientDir = options.clientDir ?? path.resolve("build/client");
  const app = express();
  const metrics = createMetrics(services.handle);
  const routeOf = createRouteLabeller(build);
  const https = services.config.publicUrl.startsWith("https://");
  const publicOrigin = new URL(services.config.publicUrl).origin;

  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY ?? "loopback");

  /** Request id, and on finish the metrics and the log line: for every request. */
  const begin = (req: IncomingMessage, res: ServerResponse, routeLabel?: string) => {
    const started = process.hrtime.bigint();
    const given = req.headers["x-request-id"];
    const requestId = (typeof given === "string" && given.slice(0, 100)) || randomUUID();
    const locals = (res as express.Response).locals ?? {};
    (res as { locals?: Record<string, unknown> }).locals = locals;
    locals.requestId = requestId;
    if (routeLabel) locals.routeLabel = routeLabel;
    res.setHeader("X-Request-Id", requestId);
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(pathOf(req), locals.routeLabel ?? null);
      metrics.observe(route, req.method ?? "GET", res.statusCode, seconds);
      services.log.info(
        {
          reqId: requestId,
          method: req.method,
          route,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
        },
        "request",
      );
    });
  };

  const refuseCrossOrigin = (req: IncomingMessage, res: ServerResponse) => {
    const { locale } = resolveLocale(
      new Request(`http://x${req.url ?? "/"}`, { headers: { cookie: req.headers.cookie ?? "" } }),
    );
    const t = createT(locale);
    services.log.warn(
      { reqId: (res as express.Response).locals?.requestId, origin: req.headers.origin },
      "cross-origin post refused",
    );
    const body = `${t("error.crossOrigin.title")}\n\n${t("error.crossOrigin.body")}`;
    res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" }).end(body);
  };

  const failHot = (error: unknown, _req: IncomingMessage, res: ServerResponse) => {
    services.log.error({ err: error, reqId: (res as express.Response).locals?.requestId }, "request failed");
    if (res.headersSent) res.destroy();
    else res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("Noe gikk galt.");
  };

  // The two posts that arrive by the hundred a second, answered before the router (hot-posts.ts).
  const hot = createHotPosts(
    [
      {
        // A phone's live-quiz answer. Other content types (the page's form sends none) go on to the
        // router, which has no action there and answers 405.
        label: "/delta/:code",
        pattern: /^\/delta\/([^/]+)$/,
        limit: 8 * 1024,
        async answer([code], form, req) {
          const location = await answerFromPhone(services.db, services.live, {
            code: code ?? "",
            cookie: req.headers.cookie,
            form,
          });
          return { redirect: location };
        },
      },
      {
        // An assessment answer saved in the background as the person works (the area page's script).
        label: "/kartlegging/:id/:scope/:omrade/autosave",
        pattern: /^\/kartlegging\/([^/]+)\/([^/]+)\/([^/]+)\/autosave$/,
        limit: 64 * 1024,
        async answer([id, scope, omrade], form, req) {
          const request = new Request(`${services.config.publicUrl}${req.url}`, {
            headers: { cookie: req.headers.cookie ?? "" },
          });
          const result = await autosave(
            services,
            request,
            { id: id ?? "", scope: scope ?? "", omrade: omrade ?? "" },
            form,
          );
          return {
            status: result.status,
            json: result.body ?? undefined,
            setCookie: result.setCookie,
            noStore: true,
          };
        },
      },
    ],
    {
      begin,
      headers: { ...SECURITY_HEADERS, ...(https ? HSTS : {}), "Content-Security-Policy": HOT_CSP },
      isCrossOrigin: (req) => isCrossOrigin(req, publicOrigin),
      crossOriginRefusal: refuseCrossOrigin,
      fail: failHot,
    },
  );
  app.use((req, res, next) => {
    begin(req, res);
    next();
  });

  // The page's scripts carry this response's nonce (a hot post's answer loads nothing).
  app.use((_req, res, next) => {
    res.locals.nonce = nonce();
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(res.locals.nonce, https));
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (https) res.setHeader("Strict-Transport-Security", HSTS["Strict-Transport-Security"]);
    next();
  });

  app.use((req, res, next) => {
    if (!UNSAFE_METHODS.has(req.method) || !isCrossOrigin(req, publicOrigin)) return next();
    refuseCrossOrigin(req, res);
  });

  // Compression and static files come after the hot posts, which answer with a redirect or a few
  // bytes of JSON.
  app.use(compression());
  app.use(
    "/assets",
    express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }),
  );
  // Public files all have an extension; other paths skip the file lookup (a stat per request).
  const publicFiles = express.static(clientDir, { maxAge: "1h", index: false });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));

  app.get("/healthz", async (_req, res) => {
    res.locals.routeLabel = "/healthz";
    try {
      await services.db.selectFrom("organisation").select("id").limit(1).execute();
      res.type("text/plain").send("ok");
    } catch (error) {
      services.log.error({ err: error }, "health check failed");
      res.status(503).type("text/plain").send("database unavailable");
    }
  });

  app.get("/metrics", async (_req, res) => {
    res.locals.routeLabel = "/metrics";
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // The public classifier API: a fixed number of requests per minute and address, with a clear answer.
  app.post(
    "/api/v1/klassifiser",
    rateLimit({
      windowMs: 60_000,
      limit: services.config.classifyPerMinute,
      standardHeaders: "draft-8",
      legacyHeaders: false,
      handler: (_req, res) => {
        res.locals.routeLabel = "/api/v1/klassifiser";
        res.status(429).json({ feil: "For mange forespørsler. Vent et minutt og prøv igjen." });
      },
    }),
  );

  // The token-protected API: a fixed number of requests per minute and token (the SHA-256 of the
  // Authorization header; without one, per address), so one busy integration cannot crowd out others.
  app.use(
    ["/api/v1/meg", "/api/v1/eiere"],
    rateLimit({
      windowMs: 60_000,
      limit: services.config.apiPerMinute,
      standardHeaders: "draft-8",
      legacyHeaders: false,
      keyGenerator: (req) => {
        const authorization = req.headers.authorization;
        return authorization
          ? `token:${createHash("sha256").update(authorization).digest("hex")}`
          : `ip:${ipKeyGenerator(req.ip ?? "unknown")}`;
      },
      handler: (req, res) => {
        res.locals.routeLabel = req.baseUrl === "/api/v1/meg" ? "/api/v1/meg" : "/api/v1/eiere/:ownerId/*";
        res
          .status(429)
          .set("Cache-Control", "no-store")
          .json({ feil: "For mange forespørsler med denne API-nøkkelen. Vent et minutt og prøv igjen." });
      },
    }),
  );

  // A public page already rendered for a visitor without cookies (app/lib/page-cache.ts).
  app.get("/{*splat}", (req, res, next) => {
    const key = sharedPageKey(req.method, req.originalUrl, (name) => Boolean(req.headers[name]));
    const page = key ? services.pageCache.get(key) : undefined;
    if (!page) return next();
    res.status(page.status).set(Object.fromEntries(page.headers)).set("X-Cache", "hit").send(page.body);
  });

  app.all(
    "/{*splat}",
    createRequestHandler({
      build,
      getLoadContext(req, res) {
        const context = new RouterContextProvider();
        context.set(servicesContext, services);
        context.set(requestContext, {
          nonce: res.locals.nonce,
          requestId: res.locals.requestId,
          ip: req.ip ?? "unknown",
        });
        return context;
      },
    }),
  );

  // The hot posts are answered before Express sets up the request (its request and response
  // prototypes, the router's layers); everything else goes to Express. Express catches what its
  // middleware throws; here nothing else would, so a hot post that throws is answered 500.
  return (req: IncomingMessage, res: ServerResponse) => {
    let handled: boolean;
    try {
      handled = hot(req, res);
    } catch (error) {
      failHot(error, req, res);
      return;
    }
    if (!handled) app(req, res);
  };
}

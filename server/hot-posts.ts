import type { IncomingMessage, ServerResponse } from "node:http";

/** What a hot post answers: a redirect, or a status with an optional JSON body. */
export type HotAnswer =
  | { redirect: string }
  | { status: number; json?: unknown; setCookie?: string; noStore?: boolean };

export interface HotRoute {
  /** The route label for metrics and logs. */
  label: string;
  pattern: RegExp;
  /** Largest body read, in bytes; a larger one is answered 413. */
  limit: number;
  /** The answer. `params` are the pattern's groups, decoded. */
  answer(params: string[], form: URLSearchParams, request: IncomingMessage): Promise<HotAnswer>;
}

/** Everything the normal middleware would have done for the request, shared with it. */
export interface HotContext {
  /** Starts the request's id, timing, metrics and log line (the same as for every request). */
  begin(req: IncomingMessage, res: ServerResponse, route: string): void;
  /** Security headers every response carries. */
  headers: Record<string, string>;
  isCrossOrigin(req: IncomingMessage): boolean;
  crossOriginRefusal(req: IncomingMessage, res: ServerResponse): void;
  fail(error: unknown, req: IncomingMessage, res: ServerResponse): void;
}

const FORM = "application/x-www-form-urlencoded";

/** A request's path without its query string. */
export function pathOf(req: IncomingMessage): string {
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/**
 * The two posts that arrive by the hundred per second: a phone's live-quiz answer and an assessment
 * answer saved as the person types. They are answered before Express's router and body parsers,
 * which cost more than the answer itself (docs/performance.md), with the same rules: request id,
 * metrics and log line, security headers, cross-origin posts refused, a bounded form body, and
 * errors answered as errors. Anything else goes on to Express.
 */
export function createHotPosts(routes: HotRoute[], context: HotContext) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== "POST") return false;
    const pathname = pathOf(req);
    for (const route of routes) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      const type = req.headers["content-type"] ?? "";
      if (!type.toLowerCase().startsWith(FORM)) return false;
      let params: string[];
      try {
        params = match.slice(1).map((p) => decodeURIComponent(p));
      } catch {
        return false; // the router answers a malformed path
      }
      context.begin(req, res, route.label);
      for (const [name, value] of Object.entries(context.headers)) res.setHeader(name, value);
      if (context.isCrossOrigin(req)) {
        req.resume();
        context.crossOriginRefusal(req, res);
        return true;
      }
      readForm(req, route.limit)
        .then(async (body) => {
          if (body === null) {
            res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
            res.end("For stor forespørsel.");
            return;
          }
          const answer = await route.answer(params, new URLSearchParams(body), req);
          if ("redirect" in answer) {
            res.writeHead(303, { Location: answer.redirect, "Content-Length": "0" }).end();
            return;
          }
          if (answer.setCookie) res.setHeader("Set-Cookie", answer.setCookie);
          if (answer.noStore) res.setHeader("Cache-Control", "no-store");
          if (answer.json === undefined) {
            res.writeHead(answer.status, { "Content-Length": "0" }).end();
            return;
          }
          const json = JSON.stringify(answer.json);
          res
            .writeHead(answer.status, {
              "Content-Type": "application/json; charset=utf-8",
              "Content-Length": String(Buffer.byteLength(json)),
            })
            .end(json);
        })
        .catch((error: unknown) => context.fail(error, req, res));
      return true;
    }
    return false;
  };
}

/** The body as text, or null when it is larger than the limit (the rest is read and dropped). */
function readForm(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      req.resume();
      req.once("end", () => resolve(null));
      req.once("error", reject);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.once("end", () => resolve(size > limit ? null : Buffer.concat(chunks, size).toString("utf8")));
    req.once("error", reject);
  });
}

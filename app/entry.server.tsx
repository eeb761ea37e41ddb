import { PassThrough } from "node:stream";
import { text } from "node:stream/consumers";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import type { EntryContext, RouterContextProvider } from "react-router";
import { ServerRouter } from "react-router";
import { sharedPageKey } from "./lib/page-cache.ts";
import { requestContext, servicesContext } from "./lib/services.ts";
import type { RouteHandle } from "./root.tsx";

export const streamTimeout = 5_000;

/** The page cache key when this response may be shared with every visitor without cookies. */
function shareAs(request: Request, status: number, headers: Headers, context: EntryContext) {
  if (status !== 200 || headers.has("set-cookie") || context.staticHandlerContext.errors) return null;
  const leaf = context.staticHandlerContext.matches.at(-1);
  const handle = leaf ? (context.routeModules[leaf.route.id]?.handle as RouteHandle | undefined) : undefined;
  if (handle?.sharedWhenAnonymous !== true || handle.hydrate !== false) return null;
  const url = new URL(request.url);
  return sharedPageKey(request.method, url.pathname + url.search, (name) => request.headers.has(name));
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  const { nonce } = loadContext.get(requestContext);
  const shareKey = shareAs(request, responseStatusCode, responseHeaders, routerContext);
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get("user-agent");
    // Bots, no-JavaScript clients and pages for the shared cache get the whole page at once.
    const readyOption =
      shareKey || (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? "onAllReady" : "onShellReady";
    let timeout: ReturnType<typeof setTimeout> | undefined;
    let finished = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      if (shareKey) {
        text(body).then((html) => {
          // shareAs shares only a 200.
          loadContext.get(servicesContext).pageCache.set(shareKey, {
            status: 200,
            headers: [...responseHeaders],
            body: html,
          });
          resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
        }, reject);
      } else {
        const stream = createReadableStreamFromReadable(body);
        resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
      }
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <ServerRouter context={routerContext} url={request.url} nonce={shareKey ? undefined : nonce} />,
      {
        nonce: shareKey ? undefined : nonce,
        onShellReady() {
          if (readyOption === "onShellReady") ready();
        },
        onAllReady() {
          // Rendered to the end: nothing is left to abort, so the timer goes rather than hold
          // on to this render for six more seconds.
          finished = true;
          clearTimeout(timeout);
          if (readyOption === "onAllReady") ready();
        },
        onShellError(error: unknown) {
          finished = true;
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    if (!finished) timeout = setTimeout(abort, streamTimeout + 1000);
  });
}

import { redirect } from "react-router";
import { isSsoProvider, type SsoProviderId, startSso } from "../features/auth/sso.server.ts";
import { getRequestInfo, getServices, loadActor, notFound, safeNext } from "../lib/route.server.ts";
import type { Route } from "./+types/logg-inn-sso";

/**
 * «Logg inn med Feide»: a plain link (a form's post could not be redirected to the provider under
 * our Content-Security-Policy's form-action 'self'), so it works without JavaScript. better-auth
 * makes the state, PKCE verifier and nonce; the browser goes on to the provider.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const services = getServices(context);
  if (!isSsoProvider(services, params.provider)) notFound();
  const next = safeNext(new URL(request.url).searchParams.get("neste"));
  if (await loadActor(context, request)) throw redirect(next);
  const result = await startSso(services, {
    provider: params.provider as SsoProviderId,
    next,
    ip: getRequestInfo(context).ip,
  });
  const back = `/logg-inn?neste=${encodeURIComponent(next)}`;
  if (!result.ok) {
    if (result.reason === "failed")
      services.log.warn({ provider: params.provider }, "single sign-on could not start");
    return redirect(
      `${back}&error=${result.reason === "rate-limited" ? "rate_limited" : "sso_unavailable"}`,
      {
        headers: { "Cache-Control": "no-store" },
      },
    );
  }
  const headers = new Headers({ "Cache-Control": "no-store" });
  for (const cookie of result.cookies) headers.append("Set-Cookie", cookie);
  return redirect(result.url, { headers });
}

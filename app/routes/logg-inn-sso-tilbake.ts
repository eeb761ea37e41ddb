import { redirect } from "react-router";
import { finishSso, isSsoProvider, type SsoProviderId } from "../features/auth/sso.server.ts";
import { getRequestInfo, getServices, notFound } from "../lib/route.server.ts";
import type { Route } from "./+types/logg-inn-sso-tilbake";

/**
 * The provider sends the browser back here (the redirect URL the operator registers). better-auth's
 * callback does the checking and the signing in; it answers with where to go: the page asked for,
 * or the login page with an error code it explains.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const services = getServices(context);
  if (!isSsoProvider(services, params.provider)) notFound();
  const { location, cookies } = await finishSso(services, {
    provider: params.provider as SsoProviderId,
    search: new URL(request.url).search,
    cookie: request.headers.get("cookie") ?? "",
    ip: getRequestInfo(context).ip,
  });
  const headers = new Headers({ "Cache-Control": "no-store" });
  for (const cookie of cookies) headers.append("Set-Cookie", cookie);
  return redirect(location, { headers });
}

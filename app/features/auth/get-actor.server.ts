import type { AppServices } from "../../lib/services.ts";
import { listActorMemberships } from "../orgs/memberships.server.ts";
import type { Actor } from "../policy/policy.server.ts";
import type { SessionUser } from "./session-read.server.ts";

/** Cookies better-auth set while answering for a request (a refreshed or cleared session). */
const sessionCookies = new WeakMap<Request, string[]>();

/** The session cookies to send back with the response to this request, if any. */
export function sessionCookiesFor(request: Request): string[] {
  return sessionCookies.get(request) ?? [];
}

/** better-auth's own answer: it also refreshes, expires and cleans up sessions. */
async function sessionFromBetterAuth(services: AppServices, request: Request): Promise<SessionUser | null> {
  const { headers, response: session } = await (await services.auth()).api.getSession({
    headers: request.headers,
    returnHeaders: true,
  });
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) sessionCookies.set(request, cookies);
  if (!session) return null;
  const user = session.user as typeof session.user & { locale?: string | null };
  return { id: user.id, name: user.name, email: user.email, locale: user.locale ?? null };
}

/** The signed-in user with all memberships, or null. Reads the session from the database. */
export async function getActor(services: AppServices, request: Request): Promise<Actor | null> {
  const cookie = request.headers.get("cookie");
  if (!cookie?.includes("oppvern.session_token")) return null;
  const user = (await services.sessions(cookie)) ?? (await sessionFromBetterAuth(services, request));
  if (!user) return null;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    locale: user.locale,
    memberships: user.memberships ?? (await listActorMemberships(services.db, user.id)),
  };
}

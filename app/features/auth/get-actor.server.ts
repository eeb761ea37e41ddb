import type { AppServices } from "../../lib/services.ts";
import { listActorMemberships } from "../orgs/memberships.server.ts";
import type { Actor } from "../policy/policy.server.ts";

/** The signed-in user with all memberships, or null. Reads the session from the database. */
export async function getActor(services: AppServices, request: Request): Promise<Actor | null> {
  if (!request.headers.get("cookie")?.includes("oppvern.session_token")) return null;
  const session = await services.auth.api.getSession({ headers: request.headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { locale?: string | null };
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    locale: user.locale ?? null,
    memberships: await listActorMemberships(services.db, user.id),
  };
}

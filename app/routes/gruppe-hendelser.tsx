import { sessionEventStream } from "../features/group/event-stream.server.ts";
import { getHostedSession } from "../features/group/sessions.server.ts";
import { authorize, getServices, notFound, requireActor } from "../lib/route.server.ts";
import type { Route } from "./+types/gruppe-hendelser";

/** The presenter's stream: phase changes and arriving answers (at most two updates a second). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = await requireActor(context, request);
  const { db, live } = getServices(context);
  const session = await getHostedSession(db, actor.userId, params.id);
  if (!session) notFound();
  authorize(actor, "group:present", { type: "groupSession", hostUserId: session.host_user_id });
  return sessionEventStream(request, live, {
    sessionId: session.id,
    events: ["state", "answers"],
    throttleMs: 500,
  });
}

import { sessionEventStream } from "../features/group/event-stream.server.ts";
import { findOpenSessionByCode } from "../features/group/sessions.server.ts";
import { getServices, notFound } from "../lib/route.server.ts";
import type { Route } from "./+types/delta-hendelser";

/** A participant's stream: only changes of what is on screen, never each answer. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { db, live } = getServices(context);
  const session = await findOpenSessionByCode(db, params.code);
  if (!session) notFound();
  return sessionEventStream(request, live, { sessionId: session.id, events: ["state"], throttleMs: 200 });
}

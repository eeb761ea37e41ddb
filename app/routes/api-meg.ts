import { apiJson, onlyGet, requireTokenActor } from "../features/api/guard.server.ts";
import type { MeAnswer } from "../features/api/schemas.ts";
import type { Route } from "./+types/api-meg";

/** GET /api/v1/meg: who the API token belongs to, and their roles as they are now. Token required. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await requireTokenActor(context, request);
  const answer: MeAnswer = {
    id: actor.userId,
    navn: actor.name,
    epost: actor.email,
    medlemskap: actor.memberships.map((m) => ({
      organisasjon: { id: m.organisationId, navn: m.organisationName, type: m.kind, eierId: m.ownerId },
      rolle: m.role,
    })),
  };
  return apiJson(answer);
}

export const action = onlyGet;

import { apiJson, onlyGet, requireOwnerForToken } from "../features/api/guard.server.ts";
import type { MeasuresAnswer } from "../features/api/schemas.ts";
import { listMeasures, planOrder } from "../features/plan/plan.server.ts";
import type { Route } from "./+types/api-tiltak";

/**
 * GET /api/v1/eiere/:ownerId/tiltak: the measures of the owner's action plan, in the order
 * /handlingsplan shows them, for those who may read the plan (plan:read). Token required.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { services, owner } = await requireOwnerForToken(context, request, params.ownerId, "plan:read");
  const rows = planOrder(await listMeasures(services.db, owner.id, ["valgt"]));
  const answer: MeasuresAnswer = {
    eier: owner,
    tiltak: rows.map((m) => ({
      id: m.id,
      tittel: m.title,
      beskrivelse: m.description,
      status: m.status,
      ansvarlig:
        m.responsible_id && m.responsible_name ? { id: m.responsible_id, navn: m.responsible_name } : null,
      frist: m.due_on || null,
      ferdig: m.done_on || null,
      fremdrift: m.progress_note,
      effekt: m.effect,
      behandling:
        m.processing_id && m.processing_name ? { id: m.processing_id, navn: m.processing_name } : null,
      endret: m.updated_at,
    })),
  };
  return apiJson(answer);
}

export const action = onlyGet;

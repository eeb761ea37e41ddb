import { apiJson, onlyGet, requireOwnerForToken } from "../features/api/guard.server.ts";
import type { ServicesAnswer } from "../features/api/schemas.ts";
import { listServices } from "../features/systems/systems.server.ts";
import { parseList } from "../lib/forms.ts";
import type { Route } from "./+types/api-systemer";

/**
 * GET /api/v1/eiere/:ownerId/systemer: the owner's systems and suppliers, for those who may read
 * them on /systemer (register:read). Token required; an owner the person may not read is 404.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { services, owner } = await requireOwnerForToken(context, request, params.ownerId, "register:read");
  const rows = await listServices(services.db, owner.id);
  const answer: ServicesAnswer = {
    eier: owner,
    systemer: rows.map((s) => ({
      id: s.id,
      navn: s.name,
      leverandor: s.supplier,
      formal: s.purpose,
      alleEnheter: Boolean(s.all_units),
      enheter: s.all_units ? [] : parseList(s.unit_ids),
      opplysninger: s.personal_data,
      databehandler: s.processor,
      dba: s.dpa_status,
      dbaSignert: s.dpa_signed_on || null,
      dbaGjennomgang: s.dpa_review_on || null,
      overforing: s.transfer,
      overforingNotat: s.transfer_note,
      rosDato: s.ros_on || null,
      rosNotat: s.ros_note,
      dpia: s.dpia,
      status: s.status,
      begrunnelse: s.decision_reason,
      endret: s.updated_at,
    })),
  };
  return apiJson(answer);
}

export const action = onlyGet;

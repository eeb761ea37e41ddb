import { apiJson, onlyGet, requireOwnerForToken } from "../features/api/guard.server.ts";
import type { ProcessingsAnswer } from "../features/api/schemas.ts";
import { listProcessingsFull } from "../features/processing/processing.server.ts";
import { parseList } from "../lib/forms.ts";
import type { Route } from "./+types/api-behandlinger";

/**
 * GET /api/v1/eiere/:ownerId/behandlinger: the owner's record of processing, for those who may read
 * it on /behandlinger (register:read). Token required; an owner the person may not read is 404.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { services, owner } = await requireOwnerForToken(context, request, params.ownerId, "register:read");
  const rows = await listProcessingsFull(services.db, owner.id);
  const answer: ProcessingsAnswer = {
    eier: owner,
    behandlinger: rows.map((r) => ({
      id: r.id,
      navn: r.name,
      enhet: r.unit_id && r.unit_name ? { id: r.unit_id, navn: r.unit_name } : null,
      formal: r.purpose,
      rettsgrunnlag: r.legal_basis,
      art9: r.art9_condition || null,
      nasjonaltGrunnlag: r.national_basis,
      registrerte: parseList(r.data_subjects),
      opplysninger: parseList(r.data_types),
      andreOpplysninger: r.other_data_types,
      mottakere: r.recipients,
      tredjeland: r.third_country,
      lagring: r.retention,
      systemer: r.systems,
      sikkerhet: r.security,
      status: r.status,
      gjennomgang: r.review_date || null,
      endret: r.updated_at,
    })),
  };
  return apiJson(answer);
}

export const action = onlyGet;

import { getEvidence } from "../features/assessment/evidence.server.ts";
import { loadRound } from "../features/assessment/round-page.server.ts";
import { notFound } from "../lib/route.server.ts";
import type { Route } from "./+types/kartlegging-bevis";

/** An evidence file, for those who may see the part of the round it belongs to. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { services, round, scopes } = await loadRound(context, request, params.id);
  const file = await getEvidence(services.db, round.id, params.fil);
  if (!file || !scopes.some((s) => s.scope === file.scope)) notFound();
  return new Response(new Uint8Array(file.data), {
    headers: {
      "Content-Type": file.mime,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

import { recordRead } from "../features/audit/audit-log.server.ts";
import { download, downloadName } from "../features/exports/download.server.ts";
import { exportOwnerFiles } from "../features/orgs/owner-data.server.ts";
import { authorize } from "../lib/route.server.ts";
import { loadOwnerScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/eier-eksport-filer";

/** The owner's uploaded evidence files in one ZIP file, beside the workbook of everything else. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, services, owner } = await loadOwnerScope(context, request, params.ownerId);
  authorize(actor, "owner:delete", { type: "owner", ownerId: owner.id });
  await recordRead(services.db, {
    userId: actor.userId,
    ownerId: owner.id,
    entity: "eier",
    entityId: owner.id,
    action: "export",
    variant: "zip",
  });
  const file = await exportOwnerFiles(services.db, owner.id);
  return download(file, "application/zip", downloadName("dokumentasjon", owner.name, "zip"));
}

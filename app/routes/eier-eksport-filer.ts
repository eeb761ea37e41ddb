import { download, downloadName } from "../features/exports/download.server.ts";
import { exportOwnerFiles } from "../features/orgs/owner-data.server.ts";
import { loadOwnerExportScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/eier-eksport-filer";

/** The owner's uploaded evidence files in one ZIP file, beside the workbook of everything else. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { services, owner } = await loadOwnerExportScope(context, request, params.ownerId, "zip");
  const file = await exportOwnerFiles(services.db, owner.id);
  return download(file, "application/zip", downloadName("dokumentasjon", owner.name, "zip"));
}

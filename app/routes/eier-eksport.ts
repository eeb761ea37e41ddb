import { download, downloadName } from "../features/exports/download.server.ts";
import { buildWorkbook, XLSX_TYPE } from "../features/exports/xlsx.server.ts";
import { exportOwnerData } from "../features/orgs/owner-data.server.ts";
import { loadOwnerExportScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/eier-eksport";

/** Everything Oppvern keeps for the owner, in one workbook: for the koordinator to take with them. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { services, owner } = await loadOwnerExportScope(context, request, params.ownerId, "xlsx");
  const file = await buildWorkbook(await exportOwnerData(services.db, owner.id));
  return download(file, XLSX_TYPE, downloadName("alle-data", owner.name, "xlsx"));
}

import { recordRead } from "../features/audit/audit-log.server.ts";
import { download, downloadName } from "../features/exports/download.server.ts";
import { XLSX_TYPE } from "../features/exports/xlsx.server.ts";
import { serviceUnits } from "../features/systems/form-page.server.ts";
import { listServices } from "../features/systems/systems.server.ts";
import { localeFor } from "../lib/route.server.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/systemer-eksport";

/** The owner's whole register of services as XLSX, for everyone who may read it. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor, services, owner, ownerId } = await loadRegisterScope(context, request);
  // exceljs loads on the first export, not when the server starts.
  const { servicesXlsx } = await import("../features/systems/export.server.ts");
  const [rows, units] = await Promise.all([
    listServices(services.db, ownerId),
    serviceUnits(services.db, ownerId),
    recordRead(services.db, {
      userId: actor.userId,
      ownerId,
      entity: "digital_service",
      entityId: null,
      action: "export",
      variant: "xlsx",
    }),
  ]);
  const file = await servicesXlsx(owner.name, rows, units, localeFor(request, actor));
  return download(file, XLSX_TYPE, downloadName("systemer", owner.name, "xlsx"));
}

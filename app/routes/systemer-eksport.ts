import { recordRead } from "../features/audit/audit-log.server.ts";
import { reportDownload } from "../features/exports/render.server.ts";
import { exportFormat } from "../features/exports/report.ts";
import { servicesReport } from "../features/systems/export.server.ts";
import { serviceUnits } from "../features/systems/form-page.server.ts";
import { listServices } from "../features/systems/systems.server.ts";
import { localeFor, notFound } from "../lib/route.server.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/systemer-eksport";

/** The owner's whole register of services as XLSX, DOCX or PDF, for everyone who may read it. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const format = exportFormat(params.format);
  if (!format) notFound();
  const { actor, services, owner, ownerId } = await loadRegisterScope(context, request);
  const [rows, units] = await Promise.all([
    listServices(services.db, ownerId),
    serviceUnits(services.db, ownerId),
    recordRead(services.db, {
      userId: actor.userId,
      ownerId,
      entity: "digital_service",
      entityId: null,
      action: "export",
      variant: format,
    }),
  ]);
  const report = servicesReport(owner.name, rows, units, localeFor(request, actor));
  return reportDownload(report, format, "systemer", owner.name);
}

import { recordRead } from "../features/audit/audit-log.server.ts";
import { reportDownload } from "../features/exports/render.server.ts";
import { exportFormat } from "../features/exports/report.ts";
import { incidentReport } from "../features/incidents/export.server.ts";
import { listIncidents } from "../features/incidents/incidents.server.ts";
import { localeFor, notFound } from "../lib/route.server.ts";
import { loadIncidentScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/avvik-eksport";

/** The owner's whole incident log (art. 33(5)) as XLSX, DOCX or PDF: for those who see the log. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const format = exportFormat(params.format);
  if (!format) notFound();
  const { actor, services, owner, ownerId, seesLog } = await loadIncidentScope(context, request);
  if (!seesLog) notFound();
  await recordRead(services.db, {
    userId: actor.userId,
    ownerId,
    entity: "incident",
    entityId: null,
    action: "export",
    variant: format,
  });
  const rows = await listIncidents(services.db, ownerId, { all: true }, { limit: 1_000_000, offset: 0 });
  const report = incidentReport(rows, owner.name, localeFor(request, actor));
  return reportDownload(report, format, "avvikslogg", owner.name);
}

import { recordRead } from "../features/audit/audit-log.server.ts";
import { reportDownload } from "../features/exports/render.server.ts";
import { exportFormat } from "../features/exports/report.ts";
import { recordEntries, recordReport } from "../features/processing/export.server.ts";
import { listProcessingsFull } from "../features/processing/processing.server.ts";
import { localeFor, notFound } from "../lib/route.server.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/behandlinger-eksport";

/** The whole record of processing of the current owner as XLSX, DOCX or PDF. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const format = exportFormat(params.format);
  if (!format) notFound();
  const { actor, services, owner, ownerId } = await loadRegisterScope(context, request);
  const locale = localeFor(request, actor);
  await recordRead(services.db, {
    userId: actor.userId,
    ownerId,
    entity: "processing",
    entityId: null,
    action: "export",
    variant: format,
  });
  const entries = recordEntries(await listProcessingsFull(services.db, ownerId), locale);
  return reportDownload(recordReport(owner.name, entries, locale), format, "behandlingsoversikt", owner.name);
}

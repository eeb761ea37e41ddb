import { recordRead } from "../features/audit/audit-log.server.ts";
import { download, downloadName } from "../features/exports/download.server.ts";
import { EXPORT_TYPES as TYPES } from "../features/exports/xlsx.server.ts";
import { listProcessingsFull } from "../features/processing/processing.server.ts";
import { localeFor, notFound } from "../lib/route.server.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/behandlinger-eksport";

/** The whole record of processing of the current owner as XLSX, DOCX or PDF. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const format = params.format as keyof typeof TYPES;
  if (!(format in TYPES)) notFound();
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
  // The writers (docx, pdfkit, exceljs) load on the first export, not when the server starts.
  const exporter = await import("../features/processing/export.server.ts");
  const entries = exporter.recordEntries(await listProcessingsFull(services.db, ownerId), locale);
  const file =
    format === "xlsx"
      ? await exporter.recordXlsx(owner.name, entries, locale)
      : format === "docx"
        ? await exporter.recordDocx(owner.name, entries, locale)
        : await exporter.recordPdf(owner.name, entries, locale);
  return download(file, TYPES[format], downloadName("behandlingsoversikt", owner.name, format));
}

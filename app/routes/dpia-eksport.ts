import { recordRead } from "../features/audit/audit-log.server.ts";
import { getDpia, listRisks, snapshotOf } from "../features/dpia/dpia.server.ts";
import { dpiaReport } from "../features/dpia/export.server.ts";
import { reportDownload } from "../features/exports/render.server.ts";
import { exportFormat } from "../features/exports/report.ts";
import { createT, type MessageKey } from "../i18n/translate.ts";
import { localeFor, notFound } from "../lib/route.server.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/dpia-eksport";

/** One DPIA as XLSX, DOCX or PDF, for everyone who may read it. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const format = exportFormat(params.format);
  if (!format) notFound();
  const { actor, services, owner, ownerId } = await loadRegisterScope(context, request);
  const dpia = await getDpia(services.db, ownerId, params.id);
  if (!dpia) notFound();
  await recordRead(services.db, {
    userId: actor.userId,
    ownerId,
    entity: "dpia",
    entityId: dpia.id,
    action: "export",
    variant: format,
  });
  const locale = localeFor(request, actor);
  const t = createT(locale);
  const report = dpiaReport(snapshotOf(dpia, await listRisks(services.db, ownerId, dpia.id)), {
    owner: owner.name,
    status: t(`dpia.status.${dpia.status}` as MessageKey),
    locale,
  });
  return reportDownload(report, format, "dpia", [owner.name, dpia.title]);
}

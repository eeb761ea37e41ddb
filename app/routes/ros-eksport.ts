import { recordRead } from "../features/audit/audit-log.server.ts";
import { reportDownload } from "../features/exports/render.server.ts";
import { exportFormat } from "../features/exports/report.ts";
import { rosReport } from "../features/ros/export.server.ts";
import { getAssessment, listRisks } from "../features/ros/ros.server.ts";
import { localeFor, notFound } from "../lib/route.server.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/ros-eksport";

/** One risk assessment as XLSX, DOCX or PDF: its frame, then every risk, for everyone who may read it. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const format = exportFormat(params.format);
  if (!format) notFound();
  const { actor, services, owner, ownerId } = await loadRegisterScope(context, request);
  const assessment = await getAssessment(services.db, ownerId, params.id);
  if (!assessment) notFound();
  const [risks] = await Promise.all([
    listRisks(services.db, ownerId, assessment.id),
    recordRead(services.db, {
      userId: actor.userId,
      ownerId,
      entity: "risk_assessment",
      entityId: assessment.id,
      action: "export",
      variant: format,
    }),
  ]);
  const report = rosReport(assessment, risks, owner.name, localeFor(request, actor));
  return reportDownload(report, format, "ros", [owner.name, assessment.title]);
}

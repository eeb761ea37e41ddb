import { reportDownload } from "../features/exports/render.server.ts";
import { exportFormat } from "../features/exports/report.ts";
import { planReport } from "../features/plan/export.server.ts";
import { listMeasures, planOrder } from "../features/plan/plan.server.ts";
import { localeFor, notFound } from "../lib/route.server.ts";
import { loadPlanScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/handlingsplan-eksport";

/** The action plan as XLSX, DOCX or PDF, in the order the page shows it: for everyone who may read the plan. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const format = exportFormat(params.format);
  if (!format) notFound();
  const { actor, services, owner, ownerId } = await loadPlanScope(context, request);
  const measures = planOrder(await listMeasures(services.db, ownerId, ["valgt"]));
  const report = planReport(measures, owner.name, localeFor(request, actor));
  return reportDownload(report, format, "handlingsplan", owner.name);
}

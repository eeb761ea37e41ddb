import { listRounds } from "../features/assessment/rounds.server.ts";
import { reportDownload } from "../features/exports/render.server.ts";
import { exportFormat } from "../features/exports/report.ts";
import { planReport } from "../features/plan/export.server.ts";
import { questionOfMeasure } from "../features/plan/measure-question.server.ts";
import { listMeasures, planOrder } from "../features/plan/plan.server.ts";
import { localeFor, notFound } from "../lib/route.server.ts";
import { loadPlanScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/handlingsplan-eksport";

/** The action plan as XLSX, DOCX or PDF, in the order the page shows it: for everyone who may read the plan. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const format = exportFormat(params.format);
  if (!format) notFound();
  const { actor, services, owner, ownerId } = await loadPlanScope(context, request);
  const [measures, rounds] = await Promise.all([
    listMeasures(services.db, ownerId, ["valgt"]),
    listRounds(services.db, ownerId),
  ]);
  const report = planReport(
    planOrder(measures),
    owner.name,
    localeFor(request, actor),
    questionOfMeasure(rounds),
  );
  return reportDownload(report, format, "handlingsplan", owner.name);
}

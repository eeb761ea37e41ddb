import { download, downloadName } from "../features/exports/download.server.ts";
import { buildWorkbook, XLSX_TYPE } from "../features/exports/xlsx.server.ts";
import { listMeasures, planOrder } from "../features/plan/plan.server.ts";
import { priority } from "../features/plan/priority.ts";
import { createT, type MessageKey } from "../i18n/translate.ts";
import { localeFor, notFound } from "../lib/route.server.ts";
import { loadPlanScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/handlingsplan-eksport";

/** The action plan as XLSX, in the order the page shows it: for everyone who may read the plan. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  if (params.format !== "xlsx") notFound();
  const { actor, services, owner, ownerId } = await loadPlanScope(context, request);
  const t = createT(localeFor(request, actor));
  const label = (key: string) => t(key as MessageKey);
  const rows = planOrder(await listMeasures(services.db, ownerId, ["valgt"]));
  const file = await buildWorkbook([
    {
      name: t("plan.title"),
      columns: [
        { header: t("plan.column.measure"), width: 50 },
        { header: t("plan.field.description"), width: 50 },
        { header: t("plan.column.responsible"), width: 24 },
        { header: t("plan.column.due"), width: 14 },
        { header: t("plan.column.status"), width: 14 },
        { header: t("plan.field.progress"), width: 50 },
        { header: t("plan.doneOn"), width: 14 },
        { header: t("plan.column.processing"), width: 30 },
        { header: t("priority.field.priority"), width: 10 },
        { header: t("plan.field.effort"), width: 12 },
        { header: t("plan.field.why"), width: 40 },
        { header: t("plan.field.effect"), width: 40 },
      ],
      rows: rows.map((m) => [
        m.title,
        m.description,
        m.responsible_name ?? "",
        m.due_on ?? "",
        label(`plan.status.${m.status}`),
        m.progress_note,
        m.done_on ?? "",
        m.processing_name ?? "",
        priority(m),
        label(`plan.effort.${m.effort}`),
        m.reason,
        m.effect,
      ]),
    },
  ]);
  return download(file, XLSX_TYPE, downloadName("handlingsplan", owner.name, "xlsx"));
}

import { download, downloadName } from "../features/exports/download.server.ts";
import { buildWorkbook, XLSX_TYPE } from "../features/exports/xlsx.server.ts";
import { packageForUnit, unitCompletionMatrix } from "../features/learning/completion-report.server.ts";
import { createT, type MessageKey } from "../i18n/translate.ts";
import { localeFor } from "../lib/route.server.ts";
import { loadUnitScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/enhet-kompetanse-eksport";

/** The unit's staff × modules matrix as an XLSX file. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, services, unit } = await loadUnitScope(context, request, params.unitId, "learning:report");
  const t = createT(localeFor(request, actor));
  const pkg = packageForUnit(unit.unit_type);
  const rows = await unitCompletionMatrix(services.db, unit.id, pkg);
  const status = (s: string | null) =>
    s === "gruppe" ? t("completion.group") : s ? t("completion.alone") : t("completion.notDone");
  const file = await buildWorkbook([
    {
      name: t(`learning.package.${pkg}` as MessageKey),
      columns: [
        { header: t("field.name"), width: 28 },
        { header: t("field.email"), width: 32 },
        ...[1, 2, 3].map((mod) => ({ header: t("learning.moduleNumber", { number: mod }), width: 18 })),
      ],
      rows: rows.map((r) => [r.name, r.email, ...r.modules.map((m) => status(m.status))]),
    },
  ]);
  return download(file, XLSX_TYPE, downloadName("kurs", unit.name, "xlsx"));
}

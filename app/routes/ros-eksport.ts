import { recordRead } from "../features/audit/audit-log.server.ts";
import { download, downloadName } from "../features/exports/download.server.ts";
import { buildWorkbook, XLSX_TYPE } from "../features/exports/xlsx.server.ts";
import { getAssessment, listRisks } from "../features/ros/ros.server.ts";
import { riskLevel, scoreAfter, scoreBefore } from "../features/ros/scale.ts";
import { createT, type MessageKey } from "../i18n/translate.ts";
import { localeFor, notFound } from "../lib/route.server.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import type { Route } from "./+types/ros-eksport";

/** One risk assessment as XLSX: its frame, then a row per risk, for everyone who may read it. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  if (params.format !== "xlsx") notFound();
  const { actor, services, ownerId } = await loadRegisterScope(context, request);
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
      variant: "xlsx",
    }),
  ]);
  const t = createT(localeFor(request, actor));
  const level = (score: number) => `${t(`ros.level.${riskLevel(score)}` as MessageKey)} (${score})`;
  const file = await buildWorkbook([
    {
      name: t("ros.export.risks"),
      columns: [
        { header: t("ros.field.threat"), width: 40 },
        { header: t("ros.field.cause"), width: 40 },
        { header: t("ros.field.existing"), width: 40 },
        { header: t("ros.column.likelihood"), width: 12 },
        { header: t("ros.column.consequence"), width: 12 },
        { header: t("ros.before"), width: 16 },
        { header: t("ros.field.measure"), width: 40 },
        { header: t("ros.column.likelihoodAfter"), width: 12 },
        { header: t("ros.column.consequenceAfter"), width: 12 },
        { header: t("ros.after"), width: 16 },
        { header: t("ros.inPlan"), width: 30 },
      ],
      rows: risks.map((r) => [
        r.threat,
        r.cause,
        r.existing,
        r.likelihood,
        r.consequence,
        level(scoreBefore(r)),
        r.measure,
        r.likelihood_after,
        r.consequence_after,
        r.likelihood_after === null ? t("ros.notJudged") : level(scoreAfter(r)),
        r.plan_title ?? "",
      ]),
    },
    {
      name: t("ros.export.about"),
      columns: [
        { header: t("ros.export.field"), width: 24 },
        { header: t("ros.export.value"), width: 80 },
      ],
      rows: [
        [t("ros.field.title"), assessment.title],
        [t("ros.field.scope"), assessment.scope],
        [t("ros.field.processing"), assessment.processing_name ?? ""],
        [t("ros.field.participants"), assessment.participants],
        [t("ros.field.assessed"), assessment.assessed_on ?? ""],
        [t("ros.field.review"), assessment.review_on ?? ""],
        [t("ros.field.status"), t(`ros.status.${assessment.status}` as MessageKey)],
      ],
    },
  ]);
  return download(file, XLSX_TYPE, downloadName("ros", assessment.title, "xlsx"));
}

import type { Locale } from "../../i18n/locales.ts";
import { createT, type MessageKey } from "../../i18n/translate.ts";
import { reportOf } from "../exports/render.server.ts";
import { onDay, type Report } from "../exports/report.ts";
import type { getAssessment, listRisks } from "./ros.server.ts";
import { riskLevel, scoreAfter, scoreBefore } from "./scale.ts";

type Assessment = NonNullable<Awaited<ReturnType<typeof getAssessment>>>;
type Risk = Awaited<ReturnType<typeof listRisks>>[number];

/** One risk assessment: its frame, then every risk with its score before and after the measure. */
export function rosReport(assessment: Assessment, risks: Risk[], owner: string, locale: Locale): Report {
  const t = createT(locale);
  const level = (score: number) => `${t(`ros.level.${riskLevel(score)}` as MessageKey)} (${score})`;
  const text = (value: string | number | null | undefined) =>
    value === null || value === undefined ? "" : String(value);
  return reportOf(t("ros.export.title", { title: assessment.title }), {
    owner,
    locale,
    sections: [
      {
        heading: t("ros.export.about"),
        blocks: [
          {
            kind: "fields",
            fields: [
              { label: t("ros.field.title"), value: assessment.title },
              { label: t("ros.field.scope"), value: assessment.scope },
              { label: t("ros.field.processing"), value: assessment.processing_name ?? "" },
              { label: t("ros.field.participants"), value: assessment.participants },
              { label: t("ros.field.assessed"), value: onDay(assessment.assessed_on) },
              { label: t("ros.field.review"), value: onDay(assessment.review_on) },
              { label: t("ros.field.status"), value: t(`ros.status.${assessment.status}` as MessageKey) },
            ],
          },
        ],
      },
      {
        heading: t("ros.risks.title", { count: risks.length }),
        blocks: [
          {
            kind: "records",
            sheet: t("ros.export.risks"),
            titleLabel: t("ros.field.threat"),
            fields: [
              { label: t("ros.field.cause"), width: 40 },
              { label: t("ros.field.existing"), width: 40 },
              { label: t("ros.column.likelihood"), width: 12 },
              { label: t("ros.column.consequence"), width: 12 },
              { label: t("ros.before"), width: 16 },
              { label: t("ros.field.measure"), width: 40 },
              { label: t("ros.column.likelihoodAfter"), width: 12 },
              { label: t("ros.column.consequenceAfter"), width: 12 },
              { label: t("ros.after"), width: 16 },
              { label: t("ros.inPlan"), width: 30 },
            ],
            records: risks.map((r) => ({
              title: r.threat,
              values: [
                r.cause,
                r.existing,
                r.likelihood,
                r.consequence,
                level(scoreBefore(r)),
                r.measure,
                text(r.likelihood_after),
                text(r.consequence_after),
                r.likelihood_after === null ? t("ros.notJudged") : level(scoreAfter(r)),
                r.plan_title ?? "",
              ],
            })),
            empty: t("ros.risks.empty"),
          },
        ],
      },
    ],
  });
}

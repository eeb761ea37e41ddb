import type { Locale } from "../../i18n/locales.ts";
import { createT, type MessageKey } from "../../i18n/translate.ts";
import { dayInNorway, formatDate } from "../../lib/time.ts";
import { reportOf } from "../exports/render.server.ts";
import type { Field, Report } from "../exports/report.ts";
import { riskLevel } from "./criteria.ts";
import type { DpiaSnapshot } from "./snapshot.ts";

/**
 * The DPIA as a document for the DPO and the owner's management: every section in the order of
 * art. 35(7), the risks as a table, the advice and the approval.
 */
export function dpiaReport(
  s: DpiaSnapshot,
  options: { owner: string; status: string; locale: Locale },
): Report {
  const t = createT(options.locale);
  const label = (key: string) => t(key as MessageKey);
  const written = (text: string) => (text.trim() === "" ? t("dpia.notWritten") : text);
  const prose = (...fields: [MessageKey, string][]) => ({
    kind: "fields" as const,
    prose: true,
    fields: fields.map(([key, text]) => ({ label: t(key), value: written(text) })),
  });
  const level = (l: number, c: number) =>
    t("risk.score", {
      level: label(`dpia.level.${riskLevel(l * c)}`),
      likelihood: l,
      consequence: c,
      score: l * c,
    });
  const date = (iso: string) => formatDate(dayInNorway(iso), options.locale);
  const meta: Field[] = [{ label: t("export.status"), value: options.status }];
  if (s.processing) meta.push({ label: t("dpia.field.processing"), value: s.processing });
  if (s.service)
    meta.push({
      label: t("dpia.field.service"),
      value: s.serviceSupplier?.trim()
        ? t("dpia.serviceBySupplier", { service: s.service, supplier: s.serviceSupplier.trim() })
        : s.service,
    });
  return reportOf(t("dpia.export.title", { title: s.title }), {
    owner: options.owner,
    locale: options.locale,
    meta,
    sections: [
      {
        heading: t("dpia.section.screening"),
        blocks: [
          {
            kind: "list",
            label: t("dpia.field.criteria"),
            items: s.criteria.map((id) => label(`dpia.criterion.${id}`)),
            empty: t("dpia.noneChosen"),
          },
          {
            kind: "list",
            label: t("dpia.field.list"),
            items: s.listItems.map((id) => label(`dpia.listItem.${id}`)),
            empty: t("dpia.noneChosen"),
          },
          {
            kind: "fields",
            prose: true,
            fields: [
              { label: t("dpia.field.conclusion"), value: label(`dpia.conclusion.${s.conclusion}`) },
              ...(s.screeningNote ? [{ label: t("dpia.field.screeningNote"), value: s.screeningNote }] : []),
            ],
          },
        ],
      },
      {
        heading: t("dpia.section.description"),
        blocks: [
          prose(
            ["dpia.field.what", s.what],
            ["dpia.field.purpose", s.purpose],
            ["dpia.field.who", s.who],
            ["dpia.field.dataTypes", s.dataTypes],
            ["dpia.field.systems", s.systems],
            ["dpia.field.retention", s.retention],
          ),
        ],
      },
      {
        heading: t("dpia.section.necessity"),
        blocks: [
          prose(["dpia.field.necessity", s.necessity], ["dpia.field.proportionality", s.proportionality]),
        ],
      },
      {
        heading: t("dpia.section.risks"),
        blocks: [
          {
            kind: "table",
            sheet: t("dpia.section.risks"),
            columns: [
              { header: t("dpia.risk.threat"), width: 40 },
              { header: t("dpia.risk.before"), width: 30 },
              { header: t("dpia.risk.measure"), width: 40 },
              { header: t("dpia.risk.after"), width: 30 },
            ],
            rows: s.risks.map((r) => [
              r.threat,
              level(r.likelihood, r.consequence),
              r.measure,
              level(r.likelihoodAfter, r.consequenceAfter),
            ]),
            empty: t("dpia.risk.none"),
          },
        ],
      },
      {
        heading: t("dpia.section.measures"),
        blocks: [{ kind: "text", label: t("dpia.section.measures"), text: written(s.measures) }],
      },
      {
        heading: t("dpia.section.advice"),
        blocks: [
          {
            kind: "text",
            label: t("dpia.section.advice"),
            text: [
              written(s.advice),
              ...(s.adviceAt
                ? [t("dpia.advice.by", { name: s.adviceBy ?? t("dpia.someone"), date: date(s.adviceAt) })]
                : []),
            ].join("\n"),
          },
        ],
      },
      {
        heading: t("dpia.section.approval"),
        blocks: [
          {
            kind: "text",
            label: t("dpia.section.approval"),
            text: s.approvedAt
              ? t("dpia.approvedBy", { name: s.approvedBy ?? t("dpia.someone"), date: date(s.approvedAt) })
              : t("dpia.notApproved"),
          },
        ],
      },
    ],
  });
}

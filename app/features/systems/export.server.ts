import type { Locale } from "../../i18n/locales.ts";
import { createT, type MessageKey } from "../../i18n/translate.ts";
import { dayInNorway } from "../../lib/time.ts";
import { reportOf } from "../exports/render.server.ts";
import { onDay, type Report } from "../exports/report.ts";
import { type ListedService, usedByText } from "./systems.server.ts";

/** The whole register of services: each service with its supplier, agreement, transfer, ROS and DPIA. */
export function servicesReport(
  owner: string,
  rows: ListedService[],
  units: { id: string; name: string }[],
  locale: Locale,
): Report {
  const t = createT(locale);
  const label = (key: string) => t(key as MessageKey);
  const fields: [MessageKey, number][] = [
    ["systems.field.supplier", 26],
    ["systems.field.purpose", 40],
    ["systems.field.usedBy", 30],
    ["systems.field.personalData", 40],
    ["systems.field.processor", 18],
    ["systems.field.dpa", 18],
    ["systems.field.dpaSigned", 14],
    ["systems.field.dpaReview", 14],
    ["systems.field.transfer", 18],
    ["systems.field.transferNote", 36],
    ["systems.field.rosDate", 14],
    ["systems.field.rosNote", 36],
    ["systems.field.dpia", 18],
    ["systems.field.status", 14],
    ["systems.field.reason", 40],
    ["systems.export.updated", 14],
  ];
  return reportOf(t("systems.title"), {
    owner,
    locale,
    sections: [
      {
        blocks: [
          {
            kind: "records",
            sheet: t("systems.title"),
            titleLabel: t("systems.field.name"),
            fields: fields.map(([key, width]) => ({ label: t(key), width })),
            records: rows.map((r) => ({
              title: r.name,
              values: [
                r.supplier,
                r.purpose,
                usedByText(r, units, t("systems.allUnits")),
                r.personal_data,
                label(`systems.processor.${r.processor}`),
                label(`systems.dpa.${r.dpa_status}`),
                onDay(r.dpa_signed_on),
                onDay(r.dpa_review_on),
                label(`systems.transfer.${r.transfer}`),
                r.transfer_note,
                onDay(r.ros_on),
                r.ros_note,
                label(`systems.dpia.${r.dpia}`),
                label(`systems.status.${r.status}`),
                r.decision_reason,
                onDay(dayInNorway(r.updated_at)),
              ],
            })),
            empty: t("systems.empty"),
          },
        ],
      },
    ],
  });
}

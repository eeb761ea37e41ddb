import type { Locale } from "../../i18n/locales.ts";
import { createT, type MessageKey } from "../../i18n/translate.ts";
import { buildWorkbook } from "../exports/xlsx.server.ts";
import { type ListedService, usedByText } from "./systems.server.ts";

/** The whole register as one sheet, one row per service, in the reader's language. */
export function servicesXlsx(
  owner: string,
  rows: ListedService[],
  units: { id: string; name: string }[],
  locale: Locale,
): Promise<Buffer> {
  const t = createT(locale);
  const label = (key: string) => t(key as MessageKey);
  const columns: [MessageKey, number][] = [
    ["systems.field.name", 30],
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
  return buildWorkbook([
    {
      name: t("systems.title"),
      columns: columns.map(([key, width]) => ({ header: t(key), width })),
      rows: rows.map((r) => [
        r.name,
        r.supplier,
        r.purpose,
        usedByText(r, units, t("systems.allUnits")),
        r.personal_data,
        label(`systems.processor.${r.processor}`),
        label(`systems.dpa.${r.dpa_status}`),
        r.dpa_signed_on ?? "",
        r.dpa_review_on ?? "",
        label(`systems.transfer.${r.transfer}`),
        r.transfer_note,
        r.ros_on ?? "",
        r.ros_note,
        label(`systems.dpia.${r.dpia}`),
        label(`systems.status.${r.status}`),
        r.decision_reason,
        r.updated_at.slice(0, 10),
      ]),
    },
    {
      name: t("systems.export.about"),
      columns: [{ header: t("systems.export.about"), width: 80 }],
      rows: [[owner], [t("systems.export.generated", { date: new Date().toISOString().slice(0, 10) })]],
    },
  ]);
}

import type { Locale } from "../../i18n/locales.ts";
import { createT, type MessageKey } from "../../i18n/translate.ts";
import { parseList } from "../../lib/forms.ts";
import { formatDate } from "../../lib/time.ts";
import { reportOf } from "../exports/render.server.ts";
import { atMoment, onDay, type Report } from "../exports/report.ts";
import { noticeDeadline } from "./clock.ts";
import type { listIncidents } from "./incidents.server.ts";

type Incident = Awaited<ReturnType<typeof listIncidents>>[number];

/** The first words of a text, for a heading: "En liste med navn og allergier ble …". */
const opening = (text: string, length = 70) => {
  const line = text.trim().split("\n")[0] ?? "";
  return line.length > length ? `${line.slice(0, length).trimEnd()} …` : line;
};

/** The owner's whole incident log (art. 33(5)): every incident with its judgement, notice and measures. */
export function incidentReport(rows: Incident[], owner: string, locale: Locale): Report {
  const t = createT(locale);
  const label = (key: string) => t(key as MessageKey);
  return reportOf(t("incident.export.title"), {
    owner,
    locale,
    sections: [
      {
        blocks: [
          {
            kind: "records",
            sheet: t("incident.export.sheet"),
            titleLabel: t("incident.column.reported"),
            fields: [
              { label: t("incident.export.reportedBy"), width: 22 },
              { label: t("incident.field.unit"), width: 24 },
              { label: t("incident.field.date"), width: 14 },
              { label: t("incident.field.what"), width: 60 },
              { label: t("incident.field.subjects"), width: 24 },
              { label: t("incident.field.affected"), width: 16 },
              { label: t("incident.field.sensitive"), width: 14 },
              { label: t("incident.field.done"), width: 40 },
              { label: t("incident.field.status"), width: 16 },
              { label: t("incident.export.kinds"), width: 30 },
              { label: t("incident.export.risk"), width: 30 },
              { label: t("incident.field.assessment"), width: 60 },
              { label: t("incident.export.deadline"), width: 18 },
              { label: t("incident.field.notified"), width: 14 },
              { label: t("incident.field.reference"), width: 20 },
              { label: t("incident.field.notNotifiedReason"), width: 40 },
              { label: t("incident.field.lateReason"), width: 40 },
              { label: t("incident.field.informed"), width: 14 },
              { label: t("incident.field.informedNote"), width: 40 },
              { label: t("incident.field.measures"), width: 60 },
              { label: t("incident.export.closed"), width: 22 },
            ],
            records: rows.map((r) => ({
              title: { moment: r.reported_at },
              heading: r.occurred_on
                ? `${formatDate(r.occurred_on, locale)}: ${opening(r.what_happened)}`
                : opening(r.what_happened),
              values: [
                r.reporter_name ?? t("incident.deletedUser"),
                r.unit_name ?? t("incident.wholeOwner"),
                onDay(r.occurred_on, null),
                r.what_happened,
                parseList(r.data_subjects)
                  .map((s) => label(`processing.subject.${s}`))
                  .join(", "),
                label(`incident.affected.${r.affected}`),
                label(`incident.sensitive.${r.sensitive}`),
                r.done_already,
                label(`incident.status.${r.status}`),
                parseList(r.breach_kinds)
                  .map((k) => label(`incident.kind.${k}`))
                  .join("; "),
                r.risk ? label(`incident.riskShort.${r.risk}`) : t("incident.risk.none"),
                r.assessment,
                { moment: noticeDeadline(r.reported_at) },
                onDay(r.notified_on, null),
                r.notice_reference,
                r.not_notified_reason,
                r.late_reason,
                r.informed ? label(`incident.informed.${r.informed}`) : "",
                r.informed_note,
                r.measures,
                atMoment(r.closed_at),
              ],
            })),
            empty: t("incident.empty"),
          },
        ],
      },
    ],
  });
}

import { recordRead } from "../features/audit/audit-log.server.ts";
import { download, downloadName } from "../features/exports/download.server.ts";
import { buildWorkbook, XLSX_TYPE } from "../features/exports/xlsx.server.ts";
import { noticeDeadline } from "../features/incidents/clock.ts";
import { listIncidents } from "../features/incidents/incidents.server.ts";
import { createT, type MessageKey } from "../i18n/translate.ts";
import { parseList } from "../lib/forms.ts";
import { localeFor, notFound } from "../lib/route.server.ts";
import { loadIncidentScope } from "../lib/scopes.server.ts";
import { minuteInNorway } from "../lib/time.ts";
import type { Route } from "./+types/avvik-eksport";

/** The owner's whole incident log as XLSX (art. 33(5)): for those who see the log. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  if (params.format !== "xlsx") notFound();
  const { actor, services, owner, ownerId, seesLog } = await loadIncidentScope(context, request);
  if (!seesLog) notFound();
  await recordRead(services.db, {
    userId: actor.userId,
    ownerId,
    entity: "incident",
    entityId: null,
    action: "export",
    variant: "xlsx",
  });
  const t = createT(localeFor(request, actor));
  const rows = await listIncidents(services.db, ownerId, { all: true }, { limit: 1_000_000, offset: 0 });
  const label = (key: string) => t(key as MessageKey);
  const file = await buildWorkbook([
    {
      name: t("incident.export.sheet"),
      columns: [
        { header: t("incident.column.reported"), width: 18 },
        { header: t("incident.export.reportedBy"), width: 22 },
        { header: t("incident.field.unit"), width: 24 },
        { header: t("incident.field.date"), width: 14 },
        { header: t("incident.field.what"), width: 60 },
        { header: t("incident.field.subjects"), width: 24 },
        { header: t("incident.field.affected"), width: 16 },
        { header: t("incident.field.sensitive"), width: 14 },
        { header: t("incident.field.done"), width: 40 },
        { header: t("incident.field.status"), width: 16 },
        { header: t("incident.export.kinds"), width: 30 },
        { header: t("incident.export.risk"), width: 30 },
        { header: t("incident.field.assessment"), width: 60 },
        { header: t("incident.export.deadline"), width: 18 },
        { header: t("incident.field.notified"), width: 14 },
        { header: t("incident.field.reference"), width: 20 },
        { header: t("incident.field.notNotifiedReason"), width: 40 },
        { header: t("incident.field.lateReason"), width: 40 },
        { header: t("incident.field.informed"), width: 14 },
        { header: t("incident.field.informedNote"), width: 40 },
        { header: t("incident.field.measures"), width: 60 },
        { header: t("incident.export.closed"), width: 22 },
      ],
      rows: rows.map((r) => [
        minuteInNorway(r.reported_at),
        r.reporter_name ?? t("incident.deletedUser"),
        r.unit_name ?? t("incident.wholeOwner"),
        r.occurred_on,
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
        minuteInNorway(noticeDeadline(r.reported_at)),
        r.notified_on,
        r.notice_reference,
        r.not_notified_reason,
        r.late_reason,
        r.informed ? label(`incident.informed.${r.informed}`) : "",
        r.informed_note,
        r.measures,
        r.closed_at ? minuteInNorway(r.closed_at) : "",
      ]),
    },
  ]);
  return download(file, XLSX_TYPE, downloadName("avvikslogg", owner.name, "xlsx"));
}

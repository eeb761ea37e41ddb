import { listLog, logRows, recordRead } from "../features/audit/audit-log.server.ts";
import { download, downloadName } from "../features/exports/download.server.ts";
import { buildWorkbook, XLSX_TYPE } from "../features/exports/xlsx.server.ts";
import { createT, type MessageKey } from "../i18n/translate.ts";
import { localeFor } from "../lib/route.server.ts";
import { loadAuditScope } from "../lib/scopes.server.ts";
import { minuteInNorway } from "../lib/time.ts";
import type { Route } from "./+types/logg-eksport";

/** The most rows one download holds (a year of reads of a large owner is well below it). */
const LIMIT = 100_000;

/**
 * The audit log as XLSX, with the filter of the page (decision 025): for the owner's koordinator
 * and personvernombud. Taking it out is itself logged.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor, db, ownerId, owner, filter } = await loadAuditScope(context, request);
  const t = createT(localeFor(request, actor));
  const [found] = await Promise.all([
    listLog(db, ownerId, filter, { limit: LIMIT, offset: 0 }),
    recordRead(db, {
      userId: actor.userId,
      ownerId,
      entity: "audit_log",
      entityId: null,
      action: "export",
      variant: "xlsx",
    }),
  ]);
  const rows = await logRows(db, ownerId, found);
  const file = await buildWorkbook([
    {
      name: t("auditlog.export.sheet"),
      columns: [
        { header: t("auditlog.column.when"), width: 18 },
        { header: t("auditlog.column.who"), width: 26 },
        { header: t("auditlog.column.what"), width: 18 },
        { header: t("auditlog.column.register"), width: 30 },
        { header: t("auditlog.column.entry"), width: 60 },
      ],
      rows: rows.map((r) => [
        minuteInNorway(r.at),
        r.who ?? (r.byUser ? t("auditlog.deletedUser") : t("auditlog.system")),
        `${t(`auditlog.kind.${r.kind}` as MessageKey)}${r.variant ? ` (${r.variant})` : ""}`,
        t(`auditlog.register.${r.register}` as MessageKey),
        r.entry
          ? r.entry.title
          : r.gone
            ? t("auditlog.gone")
            : r.whole
              ? t(r.whole === "log" ? "auditlog.theLog" : "auditlog.allData")
              : r.kind === "export"
                ? t("auditlog.wholeRegister")
                : "",
      ]),
    },
  ]);
  return download(file, XLSX_TYPE, downloadName("logg", owner.name, "xlsx"));
}

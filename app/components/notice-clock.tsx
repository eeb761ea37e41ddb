import type { NoticeClock } from "../features/incidents/clock.ts";
import { countKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { formatDate, formatMoment } from "../lib/time.ts";

/**
 * Where an incident stands against the 72 hours, in words; an overdue one stands out. `short` (in
 * the log's rows) leaves out the moment the deadline falls.
 */
export function NoticeClockText({ clock, short = false }: { clock: NoticeClock; short?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const hours = (n: number) => t(countKey("incident.hour", n), { n });
  switch (clock.state) {
    case "not-required":
      return <>{t("incident.clock.notRequired")}</>;
    case "notified":
      return <>{t("incident.clock.notified", { date: formatDate(clock.on, locale) })}</>;
    case "running":
      if (short)
        return (
          <>
            {clock.hoursLeft < 1
              ? t("incident.clock.lastHourShort")
              : t("incident.clock.runningShort", { hours: hours(clock.hoursLeft) })}
          </>
        );
      return (
        <strong>
          {clock.hoursLeft < 1
            ? t("incident.clock.lastHour", { deadline: formatMoment(clock.deadline, locale) })
            : t("incident.clock.running", {
                hours: hours(clock.hoursLeft),
                deadline: formatMoment(clock.deadline, locale),
              })}
        </strong>
      );
    case "overdue":
      return (
        <strong className="text-danger">
          {short
            ? clock.hoursOver < 1
              ? t("incident.clock.overdueShortJust")
              : t("incident.clock.overdueShort", { hours: hours(clock.hoursOver) })
            : t("incident.clock.overdue", { deadline: formatMoment(clock.deadline, locale) })}
        </strong>
      );
  }
}

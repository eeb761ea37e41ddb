import { HOUR } from "../../lib/time.ts";

/** GDPR art. 33(1): notify within 72 hours of becoming aware, unless there is unlikely to be a risk. */
export const NOTICE_HOURS = 72;

export type NoticeClock =
  | { state: "not-required" }
  | { state: "notified"; on: string }
  | { state: "running"; deadline: string; hoursLeft: number }
  | { state: "overdue"; deadline: string; hoursOver: number };

/** When the 72 hours from an incident's report run out (ISO). */
export const noticeDeadline = (reportedAt: string) =>
  new Date(Date.parse(reportedAt) + NOTICE_HOURS * HOUR).toISOString();

/**
 * Where an incident stands against the 72 hours. The owner knows of it from the moment the report
 * arrives, so the hours run from then. The clock stops when the koordinator has judged that there is
 * no risk to the people, or once Datatilsynet has been notified.
 */
export function noticeClock(
  incident: { reported_at: string; risk: string | null; notified_on: string | null },
  now = Date.now(),
): NoticeClock {
  if (incident.notified_on) return { state: "notified", on: incident.notified_on };
  if (incident.risk === "ingen") return { state: "not-required" };
  const iso = noticeDeadline(incident.reported_at);
  const deadline = Date.parse(iso);
  if (now < deadline)
    return { state: "running", deadline: iso, hoursLeft: Math.floor((deadline - now) / HOUR) };
  return { state: "overdue", deadline: iso, hoursOver: Math.floor((now - deadline) / HOUR) };
}

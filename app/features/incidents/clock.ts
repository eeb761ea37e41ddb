import { HOUR } from "../../lib/time.ts";

/** GDPR art. 33(1): notify within 72 hours of becoming aware, unless there is unlikely to be a risk. */
export const NOTICE_HOURS = 72;

export type NoticeClock =
  | { state: "not-required" }
  | { state: "notified"; on: string }
  | { state: "running"; deadline: string; hoursLeft: number }
  | { state: "overdue"; deadline: string; hoursOver: number };

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
  const deadline = Date.parse(incident.reported_at) + NOTICE_HOURS * HOUR;
  const iso = new Date(deadline).toISOString();
  if (now < deadline)
    return { state: "running", deadline: iso, hoursLeft: Math.floor((deadline - now) / HOUR) };
  return { state: "overdue", deadline: iso, hoursOver: Math.floor((now - deadline) / HOUR) };
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment as people in Norway read it: "3. desember 2026 kl. 14:05" (Norwegian time). */
export function formatMoment(iso: string, locale: "nb" | "nn" | "en"): string {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : `${locale}-NO`, {
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/Oslo",
    });
    timeFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}

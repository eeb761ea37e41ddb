import { deleteSpentApiTokens } from "../app/features/api/tokens.server.ts";
import { deleteOldReads } from "../app/features/audit/audit-log.server.ts";
import {
  deleteExpiredSessions,
  deleteExpiredVerifications,
  deleteStaleRateLimits,
} from "../app/features/auth/expired-rows.server.ts";
import {
  deleteInactiveAccounts,
  warnInactiveAccounts,
} from "../app/features/auth/inactive-accounts.server.ts";
import { sendNoticeReminders } from "../app/features/incidents/incidents.server.ts";
import { sendDueReminders } from "../app/features/learning/assignments.server.ts";
import { sendMeasureReminders } from "../app/features/plan/plan.server.ts";
import type { AppServices } from "../app/lib/services.ts";
import { dayInNorway } from "../app/lib/time.ts";

/**
 * Background work of the process: course reminders, reminders to the koordinator when an
 * incident's 72 hours run out within a day, reminders of action-plan measures due within a week,
 * the warning and then deletion of course accounts nobody has used for two years, the deletion
 * of the audit log's read rows older than a year, of sign-in states and e-mail links that ran out
 * unused, of expired sign-ins and old rate-limit counters (both hold IP addresses), and of API tokens revoked or expired 90 days ago. Safe with several instances, because each reminder is claimed (a row inserted, or a column
 * set where it was empty) before it is sent.
 */
export function startJobs(
  services: AppServices,
  intervalMs = Number(process.env.REMINDER_INTERVAL_MINUTES ?? 60) * 60_000,
) {
  const { db, mailer, config } = services;
  const publicUrl = config.publicUrl;
  const jobs: [string, () => Promise<number>][] = [
    ["course reminders", () => sendDueReminders(db, mailer, { today: dayInNorway(), publicUrl })],
    ["incident deadline reminders", () => sendNoticeReminders(db, mailer, { publicUrl })],
    ["action plan reminders", () => sendMeasureReminders(db, mailer, { publicUrl })],
    // The privacy statement's promise: an unused course account is warned, then deleted.
    ["inactive course accounts warned", () => warnInactiveAccounts(db, mailer, { publicUrl })],
    ["inactive course accounts deleted", () => deleteInactiveAccounts(db)],
    // Who read a register entry is kept a year (decision 025); changes are kept.
    ["old audit log reads deleted", () => deleteOldReads(db)],
    // Sign-in states and address/password links that ran out unused (decision 023).
    ["expired sign-in links and states deleted", () => deleteExpiredVerifications(db)],
    // Sign-ins that ran out, with the IP address and browser they were made from, and the rate
    // limits' counters per address nobody has touched for a day.
    ["expired sign-ins deleted", () => deleteExpiredSessions(db)],
    ["old rate-limit counters deleted", () => deleteStaleRateLimits(db)],
    // API tokens revoked or expired more than 90 days ago (decision 022).
    ["spent API tokens deleted", () => deleteSpentApiTokens(db)],
  ];
  const run = async () => {
    // One after another, each on its own: one that fails does not stop the others.
    for (const [name, job] of jobs) {
      try {
        const sent = await job();
        if (sent > 0) services.log.info({ sent }, `${name} sent`);
      } catch (error) {
        services.log.error({ err: error }, `${name} failed`);
      }
    }
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

import { sendNoticeReminders } from "../app/features/incidents/incidents.server.ts";
import { sendDueReminders } from "../app/features/learning/assignments.server.ts";
import type { AppServices } from "../app/lib/services.ts";

/**
 * Background work of the process: course reminders, and reminders to the koordinator when an
 * incident's 72 hours run out within a day. Safe with several instances, because each reminder is
 * claimed (a row inserted, or a column set where it was empty) before it is sent.
 */
export function startJobs(
  services: AppServices,
  intervalMs = Number(process.env.REMINDER_INTERVAL_MINUTES ?? 60) * 60_000,
) {
  const run = async () => {
    try {
      const sent = await sendDueReminders(services.db, services.mailer, {
        today: new Date().toISOString().slice(0, 10),
        publicUrl: services.config.publicUrl,
      });
      if (sent > 0) services.log.info({ sent }, "course reminders sent");
    } catch (error) {
      services.log.error({ err: error }, "course reminders failed");
    }
    try {
      const reminded = await sendNoticeReminders(services.db, services.mailer, {
        publicUrl: services.config.publicUrl,
      });
      if (reminded > 0) services.log.info({ reminded }, "incident deadline reminders sent");
    } catch (error) {
      services.log.error({ err: error }, "incident deadline reminders failed");
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

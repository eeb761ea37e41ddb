import { sendDueReminders } from "../app/features/learning/assignments.server.ts";
import type { AppServices } from "../app/lib/services.ts";

/**
 * Background work of the process: course reminders. Safe with several instances, because each
 * reminder is claimed by inserting a row before it is sent.
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

import { feedCalendar } from "../features/plan/calendar.server.ts";
import { getServices, notFound } from "../lib/route.server.ts";
import type { Route } from "./+types/handlingsplan-kalender";

/**
 * The plan's due dates for a calendar app, which cannot log in: the secret address is the key, and
 * the person it belongs to must still be allowed to read the plan (else 404, as for an unknown one).
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const services = getServices(context);
  const token = params.token.replace(/\.ics$/, "");
  const body = await feedCalendar(services.db, token, services.config.publicUrl);
  if (body === null) notFound();
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="handlingsplan.ics"',
      "Cache-Control": "private, no-store",
      // The address is the secret: no search engine, no referrer carrying it on.
      "X-Robots-Tag": "noindex",
      "Referrer-Policy": "no-referrer",
    },
  });
}

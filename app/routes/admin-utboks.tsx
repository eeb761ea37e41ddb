import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { authorize, getServices, notFound, requireActor } from "../lib/route.server.ts";
import type { Route } from "./+types/admin-utboks";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "outbox.title");

/** The development outbox: only in demo/dev mode without SMTP, and only for admins. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request);
  const { db, config } = getServices(context);
  if (!config.devOutbox) notFound();
  authorize(actor, "outbox:read", { type: "platform" });
  const messages = await db
    .selectFrom("outbox")
    .select(["id", "to_address", "subject", "text_body", "created_at"])
    .orderBy("created_at", "desc")
    .limit(50)
    .execute();
  return { messages };
}

export default function Utboks({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack-lg">
      <h1 className="ds-heading" data-size="lg">
        {t("outbox.title")}
      </h1>
      <p className="ds-paragraph">{t("outbox.lead")}</p>
      {loaderData.messages.length === 0 ? <p className="ds-paragraph">{t("outbox.empty")}</p> : null}
      {loaderData.messages.map((m) => (
        <article key={m.id} className="ds-card outbox-message" aria-labelledby={`m-${m.id}`}>
          <h2 id={`m-${m.id}`} className="ds-heading" data-size="xs">
            {m.subject}
          </h2>
          <p className="ds-paragraph" data-size="sm">
            {t("outbox.to")}: {m.to_address} · {m.created_at.replace("T", " ").slice(0, 16)}
          </p>
          <pre className="outbox-body">{m.text_body}</pre>
        </article>
      ))}
    </div>
  );
}

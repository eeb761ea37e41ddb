import { data, Link, redirect } from "react-router";
import { ScreeningForm } from "../components/dpia-forms.tsx";
import { createDpia } from "../features/dpia/dpia.server.ts";
import { checkScreening } from "../features/dpia/form-page.server.ts";
import { serviceOptions } from "../features/dpia/links.server.ts";
import { listProcessings } from "../features/processing/processing.server.ts";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { readForm } from "../lib/route.server.ts";
import { loadRegisterWriteScope } from "../lib/scopes.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/dpia-ny";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "dpia.new");

/** A new DPIA starts with its screening; koordinator and personvernombud only (others 404). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, ownerId } = await loadRegisterWriteScope(context, request);
  const [processings, owned] = await Promise.all([
    listProcessings(services.db, ownerId),
    serviceOptions(services.db, ownerId),
  ]);
  // From a service's guide: the service is chosen, and named in the title.
  const wanted = new URL(request.url).searchParams.get("tjeneste");
  return {
    processings: processings.map((p) => ({ id: p.id, name: p.name })),
    services: owned,
    service: owned.find((o) => o.id === wanted) ?? null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { actor, services, ownerId } = await loadRegisterWriteScope(context, request);
  const checked = await checkScreening(services.db, ownerId, await readForm(request));
  if (!checked.ok) return data(checked, { status: 400 });
  const id = await createDpia(services.db, { ownerId, userId: actor.userId, values: checked.values });
  return redirect(`/dpia/${id}?lagret=ny#konklusjon`, 303);
}

export default function NyDpia({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to="/dpia">
          {t("dpia.title")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("dpia.new")}
      </h1>
      <p className="ds-paragraph">{t("dpia.new.lead")}</p>
      <ul className="ds-list">
        <li>{t("dpia.rule.needed")}</li>
        <li>{t("dpia.rule.consider")}</li>
        <li>{t("dpia.rule.notNeeded")}</li>
      </ul>
      <ScreeningForm
        values={actionData?.values ?? (d.service ? { tjeneste: d.service.id, tittel: d.service.name } : {})}
        errors={actionData?.errors}
        processings={d.processings}
        services={d.services}
        idPrefix="f"
        action="#feil"
        submitLabel={t("dpia.create")}
      />
    </div>
  );
}

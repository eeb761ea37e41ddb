import { data, Link, redirect } from "react-router";
import { ServiceForm } from "../components/service-form.tsx";
import { checkService, serviceUnits } from "../features/systems/form-page.server.ts";
import { NEW_SERVICE } from "../features/systems/schemas.ts";
import { createService } from "../features/systems/systems.server.ts";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { readForm } from "../lib/route.server.ts";
import { loadRegisterWriteScope } from "../lib/scopes.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/systemer-ny";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "systems.new");

/** A new service in the register: koordinator and personvernombud only (others 404). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, ownerId } = await loadRegisterWriteScope(context, request);
  return { units: await serviceUnits(services.db, ownerId) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { actor, services, ownerId } = await loadRegisterWriteScope(context, request);
  const checked = checkService(await readForm(request), await serviceUnits(services.db, ownerId));
  if (!checked.ok) return data(checked, { status: 400 });
  const id = await createService(services.db, { ownerId, userId: actor.userId, values: checked.values });
  return redirect(`/systemer/${id}?lagret=1#lagret`, 303);
}

export default function NySystem({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to="/systemer">
          {t("systems.title")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("systems.new")}
      </h1>
      <p className="ds-paragraph">{t("systems.new.lead")}</p>
      <ServiceForm
        values={actionData?.values ?? NEW_SERVICE}
        errors={actionData?.errors}
        units={d.units}
        submitLabel={t("systems.create")}
      />
    </div>
  );
}

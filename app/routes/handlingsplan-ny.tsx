import { data, Link, redirect } from "react-router";
import { MeasureForm } from "../components/measure-form.tsx";
import { checkMeasure, measureFormOptions } from "../features/plan/form-page.server.ts";
import { createMeasure } from "../features/plan/plan.server.ts";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { notFound, readForm } from "../lib/route.server.ts";
import { loadPlanScope } from "../lib/scopes.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/handlingsplan-ny";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "plan.new");

/** The koordinator's guard: others who read the plan do not get the form (404). */
async function writeScope(args: Route.LoaderArgs | Route.ActionArgs) {
  const scope = await loadPlanScope(args.context, args.request);
  if (!scope.canManage) notFound();
  return scope;
}

export async function loader(args: Route.LoaderArgs) {
  const { services, ownerId } = await writeScope(args);
  const options = await measureFormOptions(services.db, ownerId);
  // Opened from a service's or a DPIA's page: the measure is about that entry (when it is the owner's).
  const query = new URL(args.request.url).searchParams;
  const pick = (name: string, list: { id: string }[]) => {
    const id = query.get(name) ?? "";
    return list.some((e) => e.id === id) ? id : "";
  };
  return {
    options,
    about: { system: pick("system", options.services), dpia: pick("dpia", options.dpias) },
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, ownerId } = await writeScope(args);
  const checked = await checkMeasure(services.db, ownerId, await readForm(args.request));
  if (!checked.ok) return data(checked, { status: 400 });
  const id = await createMeasure(services.db, { ownerId, userId: actor.userId, values: checked.values });
  return redirect(`/handlingsplan/${id}?lagret=1#lagret`, 303);
}

export default function NyttTiltak({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to="/handlingsplan">
          {t("plan.title")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("plan.new")}
      </h1>
      <p className="ds-paragraph">{t("plan.new.lead")}</p>
      <MeasureForm
        values={
          actionData?.values ?? { status: "ikke-startet", innsats: "middels", konsekvens: "2", ...d.about }
        }
        errors={actionData?.errors}
        options={d.options}
        submitLabel={t("plan.create")}
      />
    </div>
  );
}

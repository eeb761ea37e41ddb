import { data, Link, redirect } from "react-router";
import { AssessmentForm } from "../components/ros-forms.tsx";
import { assessmentFormOptions, checkAssessment } from "../features/ros/form-page.server.ts";
import { createAssessment } from "../features/ros/ros.server.ts";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { readForm } from "../lib/route.server.ts";
import { loadRegisterWriteScope } from "../lib/scopes.server.ts";
import { dayInNorway } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/ros-ny";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "ros.new");

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, ownerId } = await loadRegisterWriteScope(context, request);
  const options = await assessmentFormOptions(services.db, ownerId);
  // From a service's guide: the service is chosen, and named in the title.
  const wanted = new URL(request.url).searchParams.get("tjeneste");
  const service = options.services.find((s) => s.id === wanted);
  return { ...options, today: dayInNorway(), service: service ?? null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { actor, services, ownerId } = await loadRegisterWriteScope(context, request);
  const checked = await checkAssessment(services.db, ownerId, await readForm(request));
  if (!checked.ok) return data(checked, { status: 400 });
  const id = await createAssessment(services.db, { ownerId, userId: actor.userId, values: checked.values });
  return redirect(`/ros/${id}?lagret=ny#risikoer`, 303);
}

export default function NyRos({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to="/ros">
          {t("ros.title")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("ros.new")}
      </h1>
      <p className="ds-paragraph">{t("ros.new.lead")}</p>
      <AssessmentForm
        values={
          actionData?.values ?? {
            status: "utkast",
            vurdert: d.today,
            tjeneste: d.service?.id ?? "",
            tittel: d.service?.name ?? "",
          }
        }
        errors={actionData?.errors}
        processings={d.processings}
        services={d.services}
        submitLabel={t("ros.create")}
      />
    </div>
  );
}

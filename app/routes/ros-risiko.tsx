import { data, Form, Link, redirect } from "react-router";
import { RiskForm } from "../components/ros-forms.tsx";
import { recordRead } from "../features/audit/audit-log.server.ts";
import { checkRisk } from "../features/ros/form-page.server.ts";
import { getAssessment, getRisk, removeRisk, riskValues, saveRisk } from "../features/ros/ros.server.ts";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { notFound, readForm } from "../lib/route.server.ts";
import { loadRegisterWriteScope } from "../lib/scopes.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/ros-risiko";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "ros.editRisk");

/** A risk of one of the owner's assessments, for those who write the register (else 404). */
async function loadRisk(args: Route.LoaderArgs | Route.ActionArgs) {
  const scope = await loadRegisterWriteScope(args.context, args.request);
  const [assessment, risk] = await Promise.all([
    getAssessment(scope.services.db, scope.ownerId, args.params.id),
    getRisk(scope.services.db, scope.ownerId, args.params.id, args.params.riskId),
  ]);
  if (!assessment || !risk) notFound();
  return { ...scope, assessment, risk };
}

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, ownerId, assessment, risk } = await loadRisk(args);
  // Opening one risk is a read of the ROS register (decision 025); only the page, not its POSTs.
  await recordRead(services.db, { userId: actor.userId, ownerId, entity: "ros_risk", entityId: risk.id });
  return {
    assessment: { id: assessment.id, title: assessment.title },
    threat: risk.threat,
    values: riskValues(risk),
    inPlan: risk.plan_measure_id !== null,
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, ownerId, assessment, risk } = await loadRisk(args);
  const form = await readForm(args.request);
  const target = { ownerId, assessmentId: assessment.id, id: risk.id, userId: actor.userId };
  if (form.get("intent") === "slett") {
    if ((await removeRisk(services.db, target)) === "not-found") notFound();
    return redirect(`/ros/${assessment.id}?lagret=fjernet#risikoer`, 303);
  }
  const checked = checkRisk(form);
  if (!checked.ok) return data(checked, { status: 400 });
  if ((await saveRisk(services.db, { ...target, values: checked.values })) === "not-found") notFound();
  return redirect(`/ros/${assessment.id}?lagret=risiko#risiko-${risk.id}`, 303);
}

export default function RosRisiko({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to={`/ros/${d.assessment.id}`}>
          {d.assessment.title}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("ros.editRisk")}: {d.threat}
      </h1>
      <RiskForm
        idPrefix="r"
        intent="lagre"
        values={actionData?.values ?? d.values}
        errors={actionData?.errors}
        submitLabel={t("ros.save")}
      />
      <section aria-labelledby="fjern" className="stack">
        <h2 className="ds-heading" data-size="sm" id="fjern">
          {t("ros.removeRisk")}
        </h2>
        <p className="ds-paragraph">{t(d.inPlan ? "ros.removeRisk.inPlan" : "ros.removeRisk.lead")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="slett" />
          <button type="submit" className="ds-button" data-variant="secondary" data-color="danger">
            {t("ros.removeRisk.submit")}
          </button>
        </Form>
      </section>
    </div>
  );
}

import { data, Form, Link, redirect } from "react-router";
import { ExportLinks } from "../components/export-links.tsx";
import { Notice } from "../components/form.tsx";
import { RiskFacts } from "../components/risk-facts.tsx";
import { RiskMatrices } from "../components/risk-matrix.tsx";
import { AssessmentForm, RiskForm } from "../components/ros-forms.tsx";
import { recordRead } from "../features/audit/audit-log.server.ts";
import { can } from "../features/policy/policy.server.ts";
import { assessmentFormOptions, checkAssessment, checkRisk } from "../features/ros/form-page.server.ts";
import {
  addRisk,
  assessmentValues,
  getAssessment,
  getRisk,
  listRisks,
  riskToPlan,
  saveAssessment,
} from "../features/ros/ros.server.ts";
import { scoreAfter, scoreBefore } from "../features/ros/scale.ts";
import { originalOfCopy } from "../features/shared/shared.server.ts";
import { createT, type MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { asFormValues } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { localeFor, notFound, readForm, staleSave } from "../lib/route.server.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import { dayInNorway, formatDate } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/ros-vurdering";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "ros.title");

/** What `?lagret=` after a change can say. */
const SAVED = ["ny", "vurdering", "risiko", "plan", "fjernet", "overtatt"] as const;

/** One of the owner's risk assessments (else 404), and whether the reader may put measures in the plan. */
async function loadAssessment(args: Route.LoaderArgs | Route.ActionArgs) {
  const scope = await loadRegisterScope(args.context, args.request);
  const assessment = await getAssessment(scope.services.db, scope.ownerId, args.params.id);
  if (!assessment) notFound();
  const canPlan = can(scope.actor, "plan:manage", { type: "owner", ownerId: scope.ownerId });
  return { ...scope, assessment, canPlan };
}

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, ownerId, assessment: a, canManage, canPlan } = await loadAssessment(args);
  const [risks, options, original] = await Promise.all([
    listRisks(services.db, ownerId, a.id),
    canManage ? assessmentFormOptions(services.db, ownerId) : { processings: [], services: [] },
    a.based_on_id ? originalOfCopy(services.db, actor, ownerId, a.based_on_id) : null,
    recordRead(services.db, { userId: actor.userId, ownerId, entity: "risk_assessment", entityId: a.id }),
  ]);
  const url = new URL(args.request.url);
  return {
    id: a.id,
    title: a.title,
    facts: {
      scope: a.scope,
      processing: a.processing_id ? { id: a.processing_id, name: a.processing_name ?? "" } : null,
      service: a.service_id ? { id: a.service_id, name: a.service_name ?? "" } : null,
      participants: a.participants,
      assessedOn: a.assessed_on,
      reviewOn: a.review_on,
      overdue: Boolean(a.review_on && a.review_on < dayInNorway()),
      status: a.status,
      basedOn: a.based_on_title
        ? { title: a.based_on_title, owner: a.based_on_owner ?? "", now: original }
        : null,
    },
    values: assessmentValues(a),
    risks: risks
      .map((r) => ({
        id: r.id,
        threat: r.threat,
        cause: r.cause,
        existing: r.existing,
        measure: r.measure,
        likelihood: r.likelihood,
        consequence: r.consequence,
        likelihood_after: r.likelihood_after,
        consequence_after: r.consequence_after,
        judgedAfter: r.likelihood_after !== null,
        plan: r.plan_measure_id ? { id: r.plan_measure_id, title: r.plan_title ?? "" } : null,
      }))
      // The worst first, as the team would go through them.
      .sort((x, y) => scoreBefore(y) - scoreBefore(x) || scoreAfter(y) - scoreAfter(x)),
    ...options,
    canManage,
    canPlan,
    saved: SAVED.find((s) => s === url.searchParams.get("lagret")) ?? null,
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, ownerId, assessment, canManage, canPlan } = await loadAssessment(args);
  const form = await readForm(args.request);
  const intent = form.get("intent");
  if (intent === "til-plan") {
    if (!canPlan) notFound();
    const risk = await getRisk(services.db, ownerId, assessment.id, String(form.get("risiko") ?? ""));
    if (!risk) notFound();
    if (!risk.measure.trim()) return data({ intent, planError: risk.id }, { status: 400 });
    await riskToPlan(services.db, {
      ownerId,
      assessment,
      risk,
      userId: actor.userId,
      t: createT(localeFor(args.request, actor)),
    });
    return redirect(`/ros/${assessment.id}?lagret=plan#risiko-${risk.id}`, 303);
  }
  if (!canManage) notFound();
  if (intent === "ny-risiko") {
    const checked = checkRisk(form);
    if (!checked.ok) return data({ intent, ...checked, message: null }, { status: 400 });
    const id = await addRisk(services.db, {
      ownerId,
      assessmentId: assessment.id,
      userId: actor.userId,
      values: checked.values,
    });
    return redirect(`/ros/${assessment.id}?lagret=risiko#risiko-${id}`, 303);
  }
  const checked = await checkAssessment(services.db, ownerId, form);
  if (checked.ok && checked.values.status === "ferdig") {
    const risks = await listRisks(services.db, ownerId, assessment.id);
    if (risks.length === 0)
      return data(
        {
          intent: "vurdering",
          ok: false as const,
          errors: { status: "ros.doneNeedsRisk" },
          values: asFormValues(checked.values),
          message: null,
        },
        { status: 400 },
      );
  }
  if (!checked.ok) return data({ intent: "vurdering", ...checked, message: null }, { status: 400 });
  const result = await saveAssessment(services.db, {
    ownerId,
    id: assessment.id,
    userId: actor.userId,
    values: checked.values,
  });
  if (result === "not-found") notFound();
  // What the other person saved is what the top of the page shows.
  if (result === "conflict")
    return staleSave(
      () => getAssessment(services.db, ownerId, assessment.id),
      asFormValues(checked.values),
      "ros.conflict" as const,
      () => null,
    );
  return redirect(`/ros/${assessment.id}?lagret=vurdering#lagret`, 303);
}

type Loaded = Route.ComponentProps["loaderData"];

export default function RosVurdering({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const a = actionData && "values" in actionData ? actionData : null;
  // A refused risk is the risk form's; anything else refused (a frame, a stale save) is the frame's.
  const riskForm = a && "intent" in a && a.intent === "ny-risiko" ? a : null;
  const frameForm = a && !riskForm ? a : null;
  return (
    <div className="stack-lg">
      <div className="stack prose">
        <p className="ds-paragraph eyebrow">
          <Link className="ds-link" to="/ros">
            {t("ros.title")}
          </Link>
        </p>
        <h1 className="ds-heading" data-size="lg">
          {d.title}
        </h1>
        <div id="lagret">{d.saved ? <Notice>{t(`ros.saved.${d.saved}` as MessageKey)}</Notice> : null}</div>
        <Facts d={d} />
        <ExportLinks base={`/ros/${d.id}/eksport`}>
          {d.canManage ? (
            <Link className="ds-button" data-variant="secondary" to={`/ros/${d.id}/del`}>
              {t("shared.publish.link")}
            </Link>
          ) : null}
        </ExportLinks>
      </div>
      <section aria-labelledby="matrise" className="stack">
        <h2 className="ds-heading" data-size="md" id="matrise">
          {t("ros.matrix.title")}
        </h2>
        <p className="ds-paragraph prose">{t("ros.matrix.lead")}</p>
        <RiskMatrices risks={d.risks} />
      </section>
      <section aria-labelledby="risikoer" className="stack">
        <h2 className="ds-heading" data-size="md" id="risikoer">
          {t("ros.risks.title", { count: d.risks.length })}
        </h2>
        {d.risks.length === 0 ? <p className="ds-paragraph">{t("ros.risks.empty")}</p> : null}
        <ol className="risk-list">
          {d.risks.map((r) => (
            <RiskCard
              key={r.id}
              risk={r}
              assessmentId={d.id}
              canManage={d.canManage}
              canPlan={d.canPlan}
              planError={Boolean(actionData && "planError" in actionData && actionData.planError === r.id)}
            />
          ))}
        </ol>
      </section>
      {d.canManage ? (
        <>
          <section aria-labelledby="ny-risiko" className="stack prose">
            <h2 className="ds-heading" data-size="md" id="ny-risiko">
              {t("ros.addRisk")}
            </h2>
            <p className="ds-paragraph">{t("ros.addRisk.lead")}</p>
            <RiskForm
              idPrefix="r"
              intent="ny-risiko"
              values={riskForm?.values ?? {}}
              errors={riskForm?.errors}
              submitLabel={t("ros.addRisk.submit")}
            />
          </section>
          <section aria-labelledby="endre" className="stack prose">
            <h2 className="ds-heading" data-size="md" id="endre">
              {t("ros.edit")}
            </h2>
            <AssessmentForm
              values={frameForm?.values ?? d.values}
              errors={frameForm?.errors}
              message={frameForm?.message ?? undefined}
              processings={d.processings}
              services={d.services}
              submitLabel={t("ros.save")}
            />
          </section>
        </>
      ) : null}
    </div>
  );
}

/** What the assessment covers, who took part, when, and when to look at it again. */
function Facts({ d }: { d: Loaded }) {
  const t = useT();
  const locale = useLocale();
  const f = d.facts;
  return (
    <dl className="facts">
      {f.basedOn ? (
        <div>
          <dt>{t("shared.basedOn")}</dt>
          <dd>
            {t("shared.basedOn.text", { title: f.basedOn.title, owner: f.basedOn.owner })}
            {f.basedOn.now?.state === "newer" ? (
              <span className="block">
                {t("shared.basedOn.newer", { date: formatDate(dayInNorway(f.basedOn.now.at ?? ""), locale) })}
                {f.basedOn.now.href ? (
                  <>
                    {" "}
                    <Link className="ds-link" to={f.basedOn.now.href}>
                      {t("shared.basedOn.newerLink")}
                    </Link>
                  </>
                ) : null}
              </span>
            ) : f.basedOn.now?.state === "withdrawn" ? (
              <span className="block">{t("shared.basedOn.withdrawn")}</span>
            ) : null}
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t("ros.field.scope")}</dt>
        <dd className="pre-line">{f.scope}</dd>
      </div>
      {f.service ? (
        <div>
          <dt>{t("ros.field.service")}</dt>
          <dd>
            <Link className="ds-link" to={`/systemer/${f.service.id}`}>
              {f.service.name}
            </Link>
          </dd>
        </div>
      ) : null}
      {f.processing ? (
        <div>
          <dt>{t("ros.field.processing")}</dt>
          <dd>
            <Link className="ds-link" to={`/behandlinger/${f.processing.id}`}>
              {f.processing.name}
            </Link>
          </dd>
        </div>
      ) : null}
      {f.participants ? (
        <div>
          <dt>{t("ros.field.participants")}</dt>
          <dd className="pre-line">{f.participants}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t("ros.field.status")}</dt>
        <dd>{t(`ros.status.${f.status}` as MessageKey)}</dd>
      </div>
      <div>
        <dt>{t("ros.field.assessed")}</dt>
        <dd>{f.assessedOn ? formatDate(f.assessedOn, locale) : "–"}</dd>
      </div>
      <div>
        <dt>{t("ros.field.review")}</dt>
        <dd>
          {f.reviewOn ? formatDate(f.reviewOn, locale) : "–"}
          {f.overdue ? <strong className="text-danger"> ({t("ros.reviewDue")})</strong> : null}
        </dd>
      </div>
    </dl>
  );
}

/** One risk: the level before and after its measure, and where the measure stands in the plan. */
function RiskCard({
  risk: r,
  assessmentId,
  canManage,
  canPlan,
  planError,
}: {
  risk: Loaded["risks"][number];
  assessmentId: string;
  canManage: boolean;
  canPlan: boolean;
  planError: boolean;
}) {
  const t = useT();
  return (
    <li id={`risiko-${r.id}`}>
      <article className="ds-card stack" aria-labelledby={`risiko-${r.id}-tittel`}>
        <h3 className="ds-heading" data-size="xs" id={`risiko-${r.id}-tittel`}>
          {r.threat}
        </h3>
        <RiskFacts
          risk={r}
          after={
            r.judgedAfter
              ? {
                  likelihood: r.likelihood_after ?? r.likelihood,
                  consequence: r.consequence_after ?? r.consequence,
                }
              : null
          }
        >
          {r.plan ? (
            <div>
              <dt>{t("ros.inPlan")}</dt>
              <dd>
                <Link className="ds-link" to={`/handlingsplan/${r.plan.id}`}>
                  {r.plan.title}
                </Link>
              </dd>
            </div>
          ) : null}
        </RiskFacts>
        {planError ? <Notice color="danger">{t("ros.planNeedsMeasure")}</Notice> : null}
        <div className="button-row">
          {canManage ? (
            <Link className="ds-button" data-variant="secondary" to={`/ros/${assessmentId}/risiko/${r.id}`}>
              {t("ros.editRisk")}
              <span className="ds-sr-only">: {r.threat}</span>
            </Link>
          ) : null}
          {canPlan && !r.plan && r.measure ? (
            <Form method="post" action={`#risiko-${r.id}`}>
              <input type="hidden" name="intent" value="til-plan" />
              <input type="hidden" name="risiko" value={r.id} />
              <button type="submit" className="ds-button" data-variant="secondary">
                {t("ros.toPlan")}
                <span className="ds-sr-only">: {r.threat}</span>
              </button>
            </Form>
          ) : null}
        </div>
      </article>
    </li>
  );
}

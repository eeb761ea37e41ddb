import { data, Link, redirect } from "react-router";
import { Notice } from "../components/form.tsx";
import { MeasureForm } from "../components/measure-form.tsx";
import { bankLocale } from "../features/assessment/bank.server.ts";
import { listRounds } from "../features/assessment/rounds.server.ts";
import { recordRead } from "../features/audit/audit-log.server.ts";
import { dpiaRiskOfMeasure } from "../features/dpia/links.server.ts";
import { checkMeasure, measureFormOptions } from "../features/plan/form-page.server.ts";
import { questionOfMeasure } from "../features/plan/measure-question.server.ts";
import { getMeasure, measureValues, saveMeasure } from "../features/plan/plan.server.ts";
import { formatPriority, isOverdue, priority } from "../features/plan/priority.ts";
import { inReaderLanguage } from "../features/plan/proposal-text.ts";
import { riskOfMeasure } from "../features/ros/ros.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { asFormValues } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { localeFor, notFound, readForm, staleSave } from "../lib/route.server.ts";
import { loadPlanScope } from "../lib/scopes.server.ts";
import { dayInNorway, formatDate } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/handlingsplan-tiltak";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "plan.title");

/** One measure of the owner the user works in now (else 404). */
async function loadMeasure(args: Route.LoaderArgs | Route.ActionArgs) {
  const scope = await loadPlanScope(args.context, args.request);
  const measure = await getMeasure(scope.services.db, scope.ownerId, args.params.id);
  if (!measure) notFound();
  return { ...scope, measure };
}

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, ownerId, measure: m, canManage } = await loadMeasure(args);
  const lang = bankLocale(localeFor(args.request, actor));
  // Where the measure came from: the question of the round it closes a gap in.
  const [rounds, risk, dpiaRisk] = await Promise.all([
    m.round_id ? listRounds(services.db, ownerId) : [],
    riskOfMeasure(services.db, ownerId, m.id),
    dpiaRiskOfMeasure(services.db, ownerId, m.id),
    // Opening a measure is a read of the plan (decision 025), written with the page's other queries.
    recordRead(services.db, { userId: actor.userId, ownerId, entity: "plan_measure", entityId: m.id }),
  ]);
  const round = rounds.find((r) => r.id === m.round_id);
  const found = questionOfMeasure(rounds)(m);
  const url = new URL(args.request.url);
  // Still the bank's words: shown, and offered for editing, in the reader's bokmål or nynorsk.
  const words = inReaderLanguage(m, found?.question ?? null, lang);
  const values = measureValues(m);
  values.tittel = words.title;
  values.beskrivelse = words.description;
  return {
    id: m.id,
    title: words.title,
    decision: m.decision,
    values,
    responsible: m.responsible_name,
    processing: m.processing_id ? { id: m.processing_id, name: m.processing_name ?? "" } : null,
    service: m.service_id ? { id: m.service_id, name: m.service_name ?? "" } : null,
    linkedDpia: m.dpia_id ? { id: m.dpia_id, title: m.dpia_title ?? "" } : null,
    doneOn: m.done_on,
    overdue: isOverdue(m, dayInNorway()),
    priority: priority(m),
    origin:
      round && found
        ? {
            roundId: round.id,
            round: round.title,
            area: found.area.tittel[lang],
            question: found.question.tekst[lang],
          }
        : null,
    risk: risk ? { assessmentId: risk.assessment_id, assessment: risk.title, threat: risk.threat } : null,
    dpia: dpiaRisk ? { id: dpiaRisk.dpia_id, title: dpiaRisk.title, threat: dpiaRisk.threat } : null,
    canManage,
    options: canManage ? await measureFormOptions(services.db, ownerId) : null,
    saved: url.searchParams.get("lagret") === "1",
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, ownerId, measure, canManage } = await loadMeasure(args);
  if (!canManage) notFound();
  const checked = await checkMeasure(services.db, ownerId, await readForm(args.request));
  if (!checked.ok) return data({ ...checked, message: null, saved: null }, { status: 400 });
  const result = await saveMeasure(services.db, {
    ownerId,
    id: measure.id,
    userId: actor.userId,
    values: checked.values,
  });
  if (result === "not-found") notFound();
  if (result === "conflict")
    return staleSave(
      () => getMeasure(services.db, ownerId, measure.id),
      asFormValues(checked.values),
      "plan.conflict" as const,
      (now) => ({ ...measureValues(now), responsibleName: now.responsible_name ?? "" }),
    );
  return redirect(`/handlingsplan/${measure.id}?lagret=1#lagret`, 303);
}

export default function Tiltak({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to={d.decision === "valgt" ? "/handlingsplan" : "/prioritering"}>
          {d.decision === "valgt" ? t("plan.title") : t("priority.title")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {d.title}
      </h1>
      <div id="lagret">{d.saved ? <Notice>{t("plan.saved")}</Notice> : null}</div>
      {d.decision !== "valgt" ? (
        <Notice color="info">
          <span className="ds-paragraph">
            {t(d.decision === "forslag" ? "plan.notChosenYet" : "plan.leftOutNote")}{" "}
            <Link className="ds-link" to={`/prioritering#tiltak-${d.id}`}>
              {t("plan.toPriority")}
            </Link>
          </span>
        </Notice>
      ) : null}
      <Origin d={d} />
      {d.canManage && d.options ? (
        <section aria-labelledby="endre" className="stack">
          <h2 className="ds-heading" data-size="md" id="endre">
            {t("plan.edit")}
          </h2>
          {actionData?.saved ? (
            <details className="ds-details" open>
              <summary className="ds-details-summary">{t("plan.savedByOther")}</summary>
              <div className="ds-details-content">
                <MeasureFacts values={actionData.saved} responsible={actionData.saved.responsibleName} />
              </div>
            </details>
          ) : null}
          <MeasureForm
            values={actionData?.values ?? d.values}
            errors={actionData?.errors}
            message={actionData?.message ?? undefined}
            options={d.options}
            submitLabel={t("plan.save")}
          />
        </section>
      ) : (
        <section aria-labelledby="tiltaket" className="stack">
          <h2 className="ds-heading" data-size="md" id="tiltaket">
            {t("plan.about")}
          </h2>
          <p className="ds-paragraph">{t("plan.readOnly")}</p>
          <MeasureFacts values={d.values} responsible={d.responsible} />
        </section>
      )}
    </div>
  );
}

type Loaded = Route.ComponentProps["loaderData"];

/** The question the measure closes a gap in, the register entry it touches, and its priority. */
function Origin({ d }: { d: Loaded }) {
  const t = useT();
  const locale = useLocale();
  return (
    <dl className="facts">
      {d.origin ? (
        <div>
          <dt>{t("plan.field.question")}</dt>
          <dd>
            {d.origin.area}: {d.origin.question}{" "}
            <Link className="ds-link" to={`/kartlegging/${d.origin.roundId}/resultat`}>
              ({d.origin.round})
            </Link>
          </dd>
        </div>
      ) : null}
      {d.risk ? (
        <div>
          <dt>{t("ros.fromRos")}</dt>
          <dd>
            <Link className="ds-link" to={`/ros/${d.risk.assessmentId}`}>
              {d.risk.assessment}
            </Link>
            : {d.risk.threat}
          </dd>
        </div>
      ) : null}
      {d.dpia ? (
        <div>
          <dt>{t("dpia.fromDpia")}</dt>
          <dd>
            <Link className="ds-link" to={`/dpia/${d.dpia.id}`}>
              {d.dpia.title}
            </Link>
            : {d.dpia.threat}
          </dd>
        </div>
      ) : null}
      {d.processing ? (
        <div>
          <dt>{t("plan.field.processing")}</dt>
          <dd>
            <Link className="ds-link" to={`/behandlinger/${d.processing.id}`}>
              {d.processing.name}
            </Link>
          </dd>
        </div>
      ) : null}
      {d.service ? (
        <div>
          <dt>{t("plan.field.service")}</dt>
          <dd>
            <Link className="ds-link" to={`/systemer/${d.service.id}`}>
              {d.service.name}
            </Link>
          </dd>
        </div>
      ) : null}
      {d.linkedDpia && d.linkedDpia.id !== d.dpia?.id ? (
        <div>
          <dt>{t("plan.field.dpia")}</dt>
          <dd>
            <Link className="ds-link" to={`/dpia/${d.linkedDpia.id}`}>
              {d.linkedDpia.title}
            </Link>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t("priority.field.priority")}</dt>
        <dd>{formatPriority(d.priority, locale)}</dd>
      </div>
      {d.overdue ? (
        <div>
          <dt>{t("plan.field.due")}</dt>
          <dd>
            {formatDate(d.values.frist ?? "", locale)}{" "}
            <strong className="text-danger">{t("plan.overdue")}</strong>
          </dd>
        </div>
      ) : null}
      {d.doneOn ? (
        <div>
          <dt>{t("plan.doneOn")}</dt>
          <dd>{formatDate(d.doneOn, locale)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** A measure's fields as text, leaving out what is empty. */
function MeasureFacts({
  values: v,
  responsible,
}: {
  values: Record<string, string>;
  responsible: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const rows: [MessageKey, string | null][] = [
    ["plan.field.description", v.beskrivelse || null],
    ["plan.field.responsible", responsible || t("plan.nobodyYet")],
    ["plan.field.due", v.frist ? formatDate(v.frist, locale) : t("plan.noDue")],
    ["plan.field.status", t(`plan.status.${v.status}` as MessageKey)],
    ["plan.field.progress", v.fremdrift || null],
    ["plan.field.effort", t(`plan.effort.${v.innsats}` as MessageKey)],
    ["plan.field.consequence", t(`plan.consequence.${v.konsekvens}` as MessageKey)],
    ["plan.field.why", v.begrunnelse || null],
    ["plan.field.effect", v.effekt || null],
  ];
  return (
    <dl className="facts">
      {rows
        .filter(([, text]) => text !== null)
        .map(([label, text]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd className="pre-line">{text}</dd>
          </div>
        ))}
    </dl>
  );
}

import { data, Form, Link, redirect } from "react-router";
import { ChoiceGroup, ErrorSummary, Field, Notice, SelectField, TextAreaField } from "../components/form.tsx";
import { NoticeClockText } from "../components/notice-clock.tsx";
import { recordRead } from "../features/audit/audit-log.server.ts";
import { noticeClock, noticeDeadline } from "../features/incidents/clock.ts";
import {
  getIncident,
  handlingValues,
  incidentOwner,
  saveHandling,
} from "../features/incidents/incidents.server.ts";
import {
  BREACH_KINDS,
  INFORMED,
  incidentFormObject,
  RISKS,
  STATUSES,
  ZIncidentHandling,
} from "../features/incidents/schemas.ts";
import { can } from "../features/policy/policy.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { fieldReaders, parseList, parseObject, valuesToShow } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { authorize, getServices, notFound, readForm, staleSave } from "../lib/route.server.ts";
import { loadIncidentScope } from "../lib/scopes.server.ts";
import { dayInNorway, formatDate, formatMoment } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/avvik-sak";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "incident.title");

/** One incident of the current owner that this person may see (else 404), and whether they handle it. */
async function loadIncident(args: Route.LoaderArgs | Route.ActionArgs) {
  // The incident's own owner, not only the one the user works in now: a personvernombud for two
  // kommuner follows the e-mail's link whichever they were looking at. The policy decides.
  const scope = await loadIncidentScope(args.context, args.request, () =>
    incidentOwner(getServices(args.context).db, args.params.id),
  );
  const incident = await getIncident(scope.services.db, scope.ownerId, args.params.id);
  if (!incident) notFound();
  const resource = {
    type: "incident" as const,
    ownerId: scope.ownerId,
    unitId: incident.unit_id,
    reportedBy: incident.reported_by,
  };
  authorize(scope.actor, "incident:read", resource);
  return { ...scope, incident, canManage: can(scope.actor, "incident:manage", resource) };
}

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, ownerId, incident: i, canManage } = await loadIncident(args);
  await recordRead(services.db, { userId: actor.userId, ownerId, entity: "incident", entityId: i.id });
  const url = new URL(args.request.url);
  return {
    id: i.id,
    reportedAt: i.reported_at,
    reporter: i.reporter_name,
    unit: i.unit_name,
    what: i.what_happened,
    occurredOn: i.occurred_on,
    subjects: parseList(i.data_subjects),
    affected: i.affected,
    sensitive: i.sensitive,
    done: i.done_already,
    closedAt: i.closed_at,
    clock: noticeClock(i),
    handling: handlingValues(i),
    canManage,
    sent: url.searchParams.get("meldt") === "1",
    saved: url.searchParams.get("lagret") === "1",
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, ownerId, incident, canManage } = await loadIncident(args);
  if (!canManage) notFound();
  const raw = incidentFormObject(await readForm(args.request));
  const parsed = parseObject(ZIncidentHandling, raw);
  const errors = parsed.ok ? {} : { ...parsed.errors };
  // A notice after the 72 hours must say why it was late (art. 33(1)).
  if (parsed.ok) {
    const v = parsed.data;
    const deadlineDay = dayInNorway(noticeDeadline(incident.reported_at));
    if (v.status === "lukket" && v.risiko !== "ingen" && v.meldt > deadlineDay && v.senGrunn === "")
      errors.senGrunn = "incident.close.lateReasonRequired";
  }
  if (!parsed.ok || Object.keys(errors).length > 0)
    return data(
      { errors, values: valuesToShow(raw, ["meldt"]), message: null, saved: null },
      { status: 400 },
    );
  const result = await saveHandling(services.db, {
    ownerId,
    id: incident.id,
    userId: actor.userId,
    values: parsed.data,
  });
  if (result === "not-found") notFound();
  if (result === "conflict")
    return staleSave(
      () => getIncident(services.db, ownerId, incident.id),
      raw,
      "incident.conflict" as const,
      handlingValues,
    );
  return redirect(`/avvik/${incident.id}?lagret=1#lagret`, 303);
}

export default function AvvikSak({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const none = t("incident.notGiven");
  const report: [MessageKey, string][] = [
    ["incident.reportedBy", d.reporter ?? t("incident.deletedUser")],
    ["incident.reportedAt", formatMoment(d.reportedAt, locale)],
    ["incident.field.unit", d.unit ?? t("incident.wholeOwner")],
    ["incident.field.date", d.occurredOn ? formatDate(d.occurredOn, locale) : none],
    [
      "incident.field.subjects",
      d.subjects.map((s) => t(`processing.subject.${s}` as MessageKey)).join(", ") || none,
    ],
    ["incident.field.affected", t(`incident.affected.${d.affected}` as MessageKey)],
    ["incident.field.sensitive", t(`incident.sensitive.${d.sensitive}` as MessageKey)],
    ["incident.field.done", d.done || none],
  ];
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to="/avvik">
          {t("incident.title")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("incident.detail.title", { date: formatMoment(d.reportedAt, locale) })}
      </h1>
      <div id="lagret">
        {d.sent ? <Notice>{t("incident.sent")}</Notice> : null}
        {d.saved ? <Notice>{t("incident.saved")}</Notice> : null}
      </div>
      <Notice
        color={d.clock.state === "overdue" ? "danger" : d.clock.state === "running" ? "warning" : "info"}
      >
        <span className="ds-paragraph">
          {t("incident.column.clock")}: <NoticeClockText clock={d.clock} />
        </span>
      </Notice>
      {d.closedAt ? (
        <p className="ds-paragraph">
          <strong>{t("incident.closedAt", { date: formatMoment(d.closedAt, locale) })}</strong>
        </p>
      ) : null}
      <section aria-labelledby="meldingen" className="stack">
        <h2 className="ds-heading" data-size="md" id="meldingen">
          {t("incident.section.report")}
        </h2>
        <h3 className="ds-heading" data-size="xs">
          {t("incident.field.what")}
        </h3>
        <p className="ds-paragraph pre-line">{d.what}</p>
        <dl className="facts">
          {report.map(([label, text]) => (
            <div key={label}>
              <dt>{t(label)}</dt>
              <dd className="pre-line">{text}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="behandling" className="stack">
        <h2 className="ds-heading" data-size="md" id="behandling">
          {t("incident.section.handling")}
        </h2>
        {d.canManage ? (
          <>
            {actionData?.saved ? (
              <details className="ds-details" open>
                <summary className="ds-details-summary">{t("incident.savedByOther")}</summary>
                <div className="ds-details-content">
                  <HandlingFacts values={actionData.saved} />
                </div>
              </details>
            ) : null}
            <HandlingForm
              values={actionData?.values ?? d.handling}
              errors={actionData?.errors}
              message={actionData?.message ?? undefined}
            />
          </>
        ) : (
          <>
            <p className="ds-paragraph">{t("incident.readOnly")}</p>
            <HandlingFacts values={d.handling} />
          </>
        )}
      </section>
    </div>
  );
}

type Values = Record<string, string | string[]>;

/** Datatilsynet's page on how to notify a breach (the form itself is in Altinn). */
const DATATILSYNET_NOTICE =
  "https://www.datatilsynet.no/rettigheter-og-plikter/virksomhetenes-plikter/avvikshandtering/meld-avvik-til-datatilsynet/";

function HandlingForm({
  values,
  errors,
  message,
}: {
  values: Values;
  errors?: Record<string, string>;
  message?: string;
}) {
  const t = useT();
  const { value, list } = fieldReaders(values);
  const error = (name: string) => errors?.[name];
  const state = {
    errors: errors ?? {},
    values: Object.fromEntries(Object.keys(values).map((k) => [k, value(k)])),
    message,
  };
  return (
    <Form method="post" action="#feil" className="stack-lg" noValidate>
      <ErrorSummary state={errors || message ? state : null} />
      <p className="ds-paragraph">
        {t("incident.handling.lead")}{" "}
        <a className="ds-link" href={DATATILSYNET_NOTICE} rel="noreferrer">
          {t("incident.handling.howToNotify")}
        </a>
      </p>
      <input type="hidden" name="version" value={value("version")} />
      <SelectField
        name="status"
        label={t("incident.field.status")}
        description={t("incident.help.status")}
        state={state}
        options={STATUSES.map((s) => ({ value: s, label: t(`incident.status.${s}` as MessageKey) }))}
      />
      <ChoiceGroup
        name="brudd"
        type="checkbox"
        legend={t("incident.field.kinds")}
        options={BREACH_KINDS.map((k) => ({ value: k, label: t(`incident.kind.${k}` as MessageKey) }))}
        chosen={list("brudd")}
        error={error("brudd")}
      />
      <ChoiceGroup
        name="risiko"
        type="radio"
        legend={t("incident.field.risk")}
        options={[
          { value: "", label: t("incident.risk.none") },
          ...RISKS.map((r) => ({ value: r, label: t(`incident.risk.${r}` as MessageKey) })),
        ]}
        chosen={[value("risiko")]}
        error={error("risiko")}
      />
      <TextAreaField
        name="vurdering"
        label={t("incident.field.assessment")}
        description={t("incident.help.assessment")}
        defaultValue={value("vurdering")}
        error={error("vurdering")}
        rows={5}
      />
      <TextAreaField
        name="ikkeMeldtGrunn"
        label={t("incident.field.notNotifiedReason")}
        description={t("incident.help.notNotifiedReason")}
        defaultValue={value("ikkeMeldtGrunn")}
        error={error("ikkeMeldtGrunn")}
        rows={3}
      />
      <Field name="meldt" type="date" label={t("incident.field.notified")} state={state} />
      <Field name="referanse" label={t("incident.field.reference")} state={state} />
      <TextAreaField
        name="senGrunn"
        label={t("incident.field.lateReason")}
        description={t("incident.help.lateReason")}
        defaultValue={value("senGrunn")}
        error={error("senGrunn")}
        rows={3}
      />
      <ChoiceGroup
        name="informert"
        type="radio"
        legend={t("incident.field.informed")}
        options={[
          { value: "", label: t("incident.informed.none") },
          ...INFORMED.map((r) => ({ value: r, label: t(`incident.informed.${r}` as MessageKey) })),
        ]}
        chosen={[value("informert")]}
        error={error("informert")}
      />
      <TextAreaField
        name="informertNotat"
        label={t("incident.field.informedNote")}
        description={t("incident.help.informedNote")}
        defaultValue={value("informertNotat")}
        error={error("informertNotat")}
        rows={3}
      />
      <TextAreaField
        name="tiltak"
        label={t("incident.field.measures")}
        description={t("incident.help.measures")}
        defaultValue={value("tiltak")}
        error={error("tiltak")}
        rows={5}
      />
      <p>
        <button type="submit" className="ds-button">
          {t("incident.save")}
        </button>
      </p>
    </Form>
  );
}

function HandlingFacts({ values }: { values: Values }) {
  const t = useT();
  const locale = useLocale();
  const { value: v, list } = fieldReaders(values);
  const kinds = list("brudd");
  // Only what has been filled in (an empty one is null): a new incident shows its status alone.
  const rows: [MessageKey, string | null][] = [
    ["incident.field.status", t(`incident.status.${v("status")}` as MessageKey)],
    ["incident.field.kinds", kinds.map((k) => t(`incident.kind.${k}` as MessageKey)).join(", ") || null],
    ["incident.field.risk", v("risiko") ? t(`incident.risk.${v("risiko")}` as MessageKey) : null],
    ["incident.field.assessment", v("vurdering") || null],
    ["incident.field.notified", v("meldt") ? formatDate(v("meldt"), locale) : null],
    ["incident.field.reference", v("referanse") || null],
    ["incident.field.notNotifiedReason", v("ikkeMeldtGrunn") || null],
    ["incident.field.lateReason", v("senGrunn") || null],
    [
      "incident.field.informed",
      v("informert") ? t(`incident.informed.${v("informert")}` as MessageKey) : null,
    ],
    ["incident.field.informedNote", v("informertNotat") || null],
    ["incident.field.measures", v("tiltak") || null],
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

import { data, Link, redirect } from "react-router";
import { Notice } from "../components/form.tsx";
import { LinkedMeasures } from "../components/linked-measures.tsx";
import { ServiceForm } from "../components/service-form.tsx";
import { ServiceGuide } from "../components/service-guide.tsx";
import { recordRead } from "../features/audit/audit-log.server.ts";
import { dpiaBasis, dpiasOfService } from "../features/dpia/links.server.ts";
import { measuresAbout } from "../features/plan/plan.server.ts";
import { can } from "../features/policy/policy.server.ts";
import { assessmentsOfService } from "../features/ros/ros.server.ts";
import { checkService, serviceUnits } from "../features/systems/form-page.server.ts";
import { guideSteps, serviceWarnings } from "../features/systems/guide.ts";
import {
  getService,
  type ServiceField,
  saveService,
  serviceHistory,
  serviceValues,
  usedByText,
} from "../features/systems/systems.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { notFound, readForm, staleSave } from "../lib/route.server.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import { dayInNorway, formatDate, formatMoment } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/systemer-tjeneste";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.name ?? ""} – Oppvern` },
];

/** One service of the owner the user works in now (else 404). */
async function loadService(args: Route.LoaderArgs | Route.ActionArgs) {
  const scope = await loadRegisterScope(args.context, args.request);
  const service = await getService(scope.services.db, scope.ownerId, args.params.id);
  if (!service) notFound();
  return { ...scope, service };
}

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, ownerId, service: s, canManage } = await loadService(args);
  const owner = { type: "owner", ownerId } as const;
  const values = serviceValues(s);
  const [units, assessments, dpias] = await Promise.all([
    serviceUnits(services.db, ownerId),
    assessmentsOfService(services.db, ownerId, s.id),
    dpiasOfService(services.db, ownerId, s.id),
    recordRead(services.db, { userId: actor.userId, ownerId, entity: "digital_service", entityId: s.id }),
  ]);
  return {
    id: s.id,
    name: s.name,
    values,
    usedBy: usedByText(s, units, ""),
    steps: guideSteps(
      values,
      assessments.some((a) => a.status === "ferdig"),
      dpiaBasis(dpias),
    ),
    assessments: assessments.map((a) => ({ id: a.id, title: a.title, status: a.status, on: a.assessed_on })),
    dpias: dpias.map((p) => ({ id: p.id, title: p.title, status: p.status, conclusion: p.conclusion })),
    warnings: serviceWarnings(values, dayInNorway()),
    measures: can(actor, "plan:read", owner)
      ? await measuresAbout(services.db, ownerId, { service: s.id })
      : null,
    newMeasure: can(actor, "plan:manage", owner) ? `/handlingsplan/ny?system=${s.id}` : null,
    history: await serviceHistory(services.db, ownerId, s.id),
    canManage,
    units: canManage ? units : [],
    saved: new URL(args.request.url).searchParams.get("lagret") === "1",
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, ownerId, service, canManage } = await loadService(args);
  if (!canManage) notFound();
  const units = await serviceUnits(services.db, ownerId);
  const checked = checkService(await readForm(args.request), units);
  if (!checked.ok) return data({ ...checked, message: null, saved: null }, { status: 400 });
  const result = await saveService(services.db, {
    ownerId,
    id: service.id,
    userId: actor.userId,
    values: checked.values,
  });
  if (result === "not-found") notFound();
  if (result === "conflict")
    return staleSave(
      () => getService(services.db, ownerId, service.id),
      checked.raw,
      "systems.conflict" as const,
      (now) => ({ values: serviceValues(now), usedBy: usedByText(now, units, ""), by: now.updated_by_name }),
    );
  return redirect(`/systemer/${service.id}?lagret=1#lagret`, 303);
}

export default function SystemTjeneste({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to="/systemer">
          {t("systems.title")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {d.name}
      </h1>
      <div id="lagret">{d.saved ? <Notice>{t("systems.saved")}</Notice> : null}</div>
      {d.warnings.map((w) => (
        <Notice key={w} color="warning">
          {t(w)}
        </Notice>
      ))}
      <ServiceGuide
        steps={d.steps}
        withLinks={d.canManage}
        serviceId={d.id}
        assessments={d.assessments}
        dpias={d.dpias}
      />
      {d.canManage ? (
        <section aria-labelledby="endre" className="stack">
          <h2 className="ds-heading" data-size="md" id="endre">
            {t("systems.edit")}
          </h2>
          {actionData?.saved ? (
            <details className="ds-details" open>
              <summary className="ds-details-summary">
                {t("systems.savedByOther", { name: actionData.saved.by ?? t("systems.unknownPerson") })}
              </summary>
              <div className="ds-details-content">
                <ServiceFacts values={actionData.saved.values} usedBy={actionData.saved.usedBy} />
              </div>
            </details>
          ) : null}
          <ServiceForm
            values={actionData?.values ?? d.values}
            errors={actionData?.errors}
            message={actionData?.message ?? undefined}
            units={d.units}
            submitLabel={t("systems.save")}
          />
        </section>
      ) : null}
      {d.canManage ? (
        <section aria-labelledby="slett" className="stack">
          <h2 className="ds-heading" data-size="sm" id="slett">
            {t("systems.delete.heading")}
          </h2>
          <p className="ds-paragraph">{t("systems.delete.intro")}</p>
          <p>
            <Link
              className="ds-button"
              data-variant="secondary"
              data-color="danger"
              to={`/systemer/${d.id}/slett`}
            >
              {t("systems.delete.link")}
            </Link>
          </p>
        </section>
      ) : (
        <section aria-labelledby="om" className="stack">
          <h2 className="ds-heading" data-size="md" id="om">
            {t("systems.about")}
          </h2>
          <p className="ds-paragraph">{t("systems.readOnly")}</p>
          <ServiceFacts values={d.values} usedBy={d.usedBy} />
        </section>
      )}
      {d.measures ? <LinkedMeasures measures={d.measures} newHref={d.newMeasure} /> : null}
      <History history={d.history} />
    </div>
  );
}

/** The form field's label, for the history's list of what changed. */
const FIELD_LABEL: Record<ServiceField, MessageKey> = {
  navn: "systems.field.name",
  leverandor: "systems.field.supplier",
  formal: "systems.field.purpose",
  omfang: "systems.field.usedBy",
  enheter: "systems.field.units",
  opplysninger: "systems.field.personalData",
  databehandler: "systems.field.processor",
  dba: "systems.field.dpa",
  dbaSignert: "systems.field.dpaSigned",
  dbaGjennomgang: "systems.field.dpaReview",
  overforing: "systems.field.transfer",
  overforingNotat: "systems.field.transferNote",
  rosDato: "systems.field.rosDate",
  rosNotat: "systems.field.rosNote",
  dpia: "systems.field.dpia",
  status: "systems.field.status",
  begrunnelse: "systems.field.reason",
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** Who registered and changed the service, and what they changed. */
function History({ history }: { history: Route.ComponentProps["loaderData"]["history"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="historikk" className="stack">
      <h2 className="ds-heading" data-size="sm" id="historikk">
        {t("systems.history")}
      </h2>
      <ul className="ds-list">
        {history.map((h) => (
          <li key={`${h.at}-${h.changed.join()}`}>
            {formatMoment(h.at, locale)} – {h.who ?? t("systems.unknownPerson")}:{" "}
            {h.created
              ? t("systems.history.created")
              : h.changed.length === 0
                ? t("systems.history.nothing")
                : t("systems.history.changed", {
                    fields: h.changed.map((f) => lowerFirst(t(FIELD_LABEL[f]).replace(/\?$/, ""))).join(", "),
                  })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A service's fields as text, leaving out what is empty. */
function ServiceFacts({ values: v, usedBy }: { values: Record<string, string | string[]>; usedBy: string }) {
  const t = useT();
  const locale = useLocale();
  const s = (name: string) => (typeof v[name] === "string" ? (v[name] as string) : "");
  const date = (name: string) => (s(name) ? formatDate(s(name), locale) : null);
  const label = (key: string) => t(key as MessageKey);
  const rows: [MessageKey, string | null][] = [
    ["systems.field.supplier", s("leverandor")],
    ["systems.field.purpose", s("formal") || null],
    ["systems.field.usedBy", s("omfang") === "alle" ? t("systems.allUnits") : usedBy || null],
    ["systems.field.personalData", s("opplysninger") || null],
    ["systems.field.processor", label(`systems.processor.${s("databehandler")}`)],
    ["systems.field.dpa", label(`systems.dpa.${s("dba")}`)],
    ["systems.field.dpaSigned", date("dbaSignert")],
    ["systems.field.dpaReview", date("dbaGjennomgang")],
    ["systems.field.transfer", label(`systems.transfer.${s("overforing")}`)],
    ["systems.field.transferNote", s("overforingNotat") || null],
    ["systems.field.rosDate", date("rosDato") ?? t("systems.noRos")],
    ["systems.field.rosNote", s("rosNotat") || null],
    ["systems.field.dpia", label(`systems.dpia.${s("dpia")}`)],
    ["systems.field.status", label(`systems.status.${s("status")}`)],
    ["systems.field.reason", s("begrunnelse") || null],
  ];
  return (
    <dl className="facts">
      {rows
        .filter(([, text]) => text !== null)
        .map(([key, text]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd className="pre-line">{text}</dd>
          </div>
        ))}
    </dl>
  );
}

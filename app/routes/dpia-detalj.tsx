import { data, Link, redirect } from "react-router";
import { DpiaAdvice, DpiaApproval, DpiaVersions } from "../components/dpia-approval.tsx";
import { ScreeningForm, SectionForm } from "../components/dpia-forms.tsx";
import {
  ConclusionText,
  DESCRIPTION_FIELDS,
  DpiaDocument,
  NECESSITY_FIELDS,
} from "../components/dpia-parts.tsx";
import { DpiaRisks } from "../components/dpia-risks.tsx";
import { Section } from "../components/dpia-section.tsx";
import { ExportLinks } from "../components/export-links.tsx";
import { Notice } from "../components/form.tsx";
import { LinkedMeasures } from "../components/linked-measures.tsx";
import { recordRead } from "../features/audit/audit-log.server.ts";
import { isHigh } from "../features/dpia/criteria.ts";
import { getDpia, listRisks, listVersions, snapshotOf } from "../features/dpia/dpia.server.ts";
import { handleDpiaPost, hasOwnerRole, type Intent } from "../features/dpia/form-page.server.ts";
import { dpiaRiskToPlan, serviceOptions } from "../features/dpia/links.server.ts";
import { riskPlans } from "../features/dpia/snapshot.ts";
import { measuresAbout } from "../features/plan/plan.server.ts";
import { can } from "../features/policy/policy.server.ts";
import { listProcessings } from "../features/processing/processing.server.ts";
import { createT, type MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { parseList } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { localeFor, notFound, readForm } from "../lib/route.server.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import { formatDate } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/dpia-detalj";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "dpia.title");

/** Where each form's section starts: the page comes back there after a save. */
const ANCHOR: Record<Intent | "til-plan", string> = {
  screening: "screening",
  beskrivelse: "beskrivelse",
  nodvendighet: "nodvendighet",
  "risiko-ny": "risikoer",
  "risiko-endre": "risikoer",
  "risiko-slett": "risikoer",
  tiltak: "tiltak",
  rad: "rad",
  "til-rad": "rad",
  godkjenn: "godkjenning",
  "til-plan": "risikoer",
};

/** What the page says after a save, where "Lagret." says too little. */
const SAVED_NOTICE: Record<string, MessageKey> = {
  "risiko-slett": "dpia.risk.removed",
  "til-rad": "dpia.advice.asked",
  godkjenn: "dpia.approvedNotice",
  "til-plan": "dpia.risk.inPlanNotice",
};

async function loadDpia(args: Route.LoaderArgs | Route.ActionArgs) {
  const scope = await loadRegisterScope(args.context, args.request);
  const dpia = await getDpia(scope.services.db, scope.ownerId, args.params.id);
  if (!dpia) notFound();
  // The action plan is the koordinator's: putting a risk's measure in it needs more than register:manage.
  const canPlan = can(scope.actor, "plan:manage", { type: "owner", ownerId: scope.ownerId });
  return { ...scope, dpia, canPlan };
}

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, ownerId, dpia: d, canManage, canPlan } = await loadDpia(args);
  const [risks, versions, processings, owned] = await Promise.all([
    listRisks(services.db, ownerId, d.id),
    listVersions(services.db, ownerId, d.id),
    canManage ? listProcessings(services.db, ownerId) : [],
    canManage ? serviceOptions(services.db, ownerId) : [],
    recordRead(services.db, { userId: actor.userId, ownerId, entity: "dpia", entityId: d.id }),
  ]);
  const version = String(d.version);
  const snapshot = snapshotOf(d, risks);
  const canReadPlan = can(actor, "plan:read", { type: "owner", ownerId });
  const plans = riskPlans(snapshot.risks, risks, canReadPlan);
  return {
    id: d.id,
    title: d.title,
    status: d.status,
    conclusion: d.conclusion,
    version,
    snapshot,
    canManage,
    canPlan: canManage && canPlan,
    service: d.service_id ? { id: d.service_id, name: d.service_name ?? "" } : null,
    services: owned,
    isDpo: canManage && hasOwnerRole(actor, ownerId, "personvernombud"),
    isCoordinator: canManage && hasOwnerRole(actor, ownerId, "koordinator"),
    processings: processings.map((p) => ({ id: p.id, name: p.name })),
    values: {
      screening: {
        tittel: d.title,
        behandling: d.processing_id ?? "",
        tjeneste: d.service_id ?? "",
        kriterier: parseList(d.criteria),
        liste: parseList(d.list_items),
        begrunnelse: d.screening_note,
        version,
      },
      beskrivelse: {
        hva: d.what,
        hvorfor: d.purpose,
        hvem: d.who,
        opplysninger: d.data_types,
        systemer: d.systems,
        lagring: d.retention,
        version,
      },
      nodvendighet: { nodvendighet: d.necessity, forholdsmessighet: d.proportionality, version },
      tiltak: { tiltak: d.measures, version },
      rad: { rad: d.advice, version },
    },
    risks: risks.map((r, i) => ({
      id: r.id,
      plan: plans[i] ?? null,
      values: {
        trussel: r.threat,
        sannsynlighet: String(r.likelihood),
        konsekvens: String(r.consequence),
        tiltak: r.measure,
        "sannsynlighet-etter": String(r.likelihood_after),
        "konsekvens-etter": String(r.consequence_after),
        version,
      },
    })),
    highRemains: risks.some((r) => isHigh(r.likelihood_after * r.consequence_after)),
    measures: canReadPlan ? await measuresAbout(services.db, ownerId, { dpia: d.id }) : null,
    newMeasure: canPlan ? `/handlingsplan/ny?dpia=${d.id}` : null,
    versions,
    saved: new URL(args.request.url).searchParams.get("lagret"),
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, ownerId, dpia, canManage, canPlan } = await loadDpia(args);
  const form = await readForm(args.request);
  if (form.get("intent") === "til-plan") {
    const riskId = String(form.get("risiko") ?? "");
    if (!canPlan) notFound();
    const result = await dpiaRiskToPlan(services.db, {
      ownerId,
      dpia,
      riskId,
      userId: actor.userId,
      t: createT(localeFor(args.request, actor)),
    });
    if (result === "not-found") notFound();
    if (result === "no-measure")
      return data(
        {
          intent: "til-plan" as Intent,
          riskId,
          errors: {},
          values: {},
          message: "dpia.risk.planNeedsMeasure",
          status: 400 as const,
        },
        { status: 400 },
      );
    return redirect(`/dpia/${dpia.id}?lagret=til-plan#risiko-${riskId}`, 303);
  }
  const refused = await handleDpiaPost(services.db, { actor, ownerId, id: dpia.id, canManage }, form);
  if (!refused) {
    const intent = String(form.get("intent")) as Intent;
    return redirect(`/dpia/${dpia.id}?lagret=${intent}#${ANCHOR[intent]}`, 303);
  }
  if (refused.status === 404) notFound();
  if (refused.status === 409) {
    // What they typed stays, with the version now stored: saving again overwrites.
    const now = await getDpia(services.db, ownerId, dpia.id);
    if (!now) notFound();
    refused.values = { ...refused.values, version: String(now.version) };
  }
  return data(refused, { status: refused.status });
}

export default function DpiaPage({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const latest = d.versions[0];
  const approval = { ...d, adviceValues: d.values.rad };
  /** The refused post's answer, for the form it came from. */
  const refusedFor = (intent: string, riskId: string | null = null) =>
    a && a.intent === intent && (riskId === null || a.riskId === riskId) ? a : null;
  /** For a text section whose save was refused as stale: its fields as they are stored now. */
  const stale = (
    intent: string,
    fields: readonly {
      label: MessageKey;
      column:
        | "measures"
        | (typeof DESCRIPTION_FIELDS)[number]["column"]
        | (typeof NECESSITY_FIELDS)[number]["column"];
    }[],
  ) =>
    refusedFor(intent)?.status === 409
      ? fields.map((f): [MessageKey, string] => [f.label, d.snapshot[f.column]])
      : null;
  const savedHere = (anchor: string) =>
    d.saved && ANCHOR[d.saved as Intent | "til-plan"] === anchor ? (
      <Notice>{t(SAVED_NOTICE[d.saved] ?? "dpia.saved")}</Notice>
    ) : null;
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to="/dpia">
          {t("dpia.title")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {d.title}
      </h1>
      <p className="ds-paragraph">
        {t("dpia.statusLine", { status: t(`dpia.status.${d.status}` as MessageKey) })}
        {latest && d.status === "godkjent"
          ? ` ${t("dpia.approvedVersion", { number: latest.number, date: formatDate(latest.approved_at.slice(0, 10), locale) })}`
          : ""}
      </p>
      {latest && d.status !== "godkjent" ? (
        <Notice color="info">
          <span className="ds-paragraph">
            {t("dpia.changedSinceApproval", {
              number: latest.number,
              date: formatDate(latest.approved_at.slice(0, 10), locale),
            })}{" "}
            <Link className="ds-link" to={`/dpia/${d.id}/versjon/${latest.number}`}>
              {t("dpia.showVersion", { number: latest.number })}
            </Link>
          </span>
        </Notice>
      ) : null}
      {d.saved === "ny" ? <Notice>{t("dpia.created")}</Notice> : null}
      {d.service ? (
        <p className="ds-paragraph">
          {t("dpia.aboutService")}{" "}
          <Link className="ds-link" to={`/systemer/${d.service.id}`}>
            {d.service.name}
          </Link>
        </p>
      ) : null}
      <ConclusionText conclusion={d.conclusion} approved={d.status === "godkjent"} />
      <ExportLinks base={`/dpia/${d.id}/eksport`} />
      {!d.canManage ? (
        <>
          <p className="ds-paragraph">{t("dpia.readOnly")}</p>
          <DpiaDocument s={d.snapshot} plans={d.risks.map((r) => r.plan)} />
          {d.measures ? <LinkedMeasures measures={d.measures} newHref={d.newMeasure} /> : null}
          <DpiaVersions id={d.id} versions={d.versions} />
        </>
      ) : (
        <>
          <nav aria-labelledby="dpia-innhold" className="stack-sm">
            <h2 className="ds-heading" data-size="xs" id="dpia-innhold">
              {t("dpia.contents")}
            </h2>
            <ol className="ds-list">
              {(
                [
                  ["screening", "dpia.section.screening"],
                  ["beskrivelse", "dpia.section.description"],
                  ["nodvendighet", "dpia.section.necessity"],
                  ["risikoer", "dpia.section.risks"],
                  ["tiltak", "dpia.section.measures"],
                  ["rad", "dpia.section.advice"],
                  ["godkjenning", "dpia.section.approval"],
                  ["versjoner", "dpia.section.versions"],
                ] as const
              ).map(([anchor, key]) => (
                <li key={anchor}>
                  <a className="ds-link" href={`#${anchor}`}>
                    {t(key)}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          <Section id="screening" title="dpia.section.screening" lead="dpia.lead.screening">
            {savedHere("screening")}
            <ScreeningForm
              values={refusedFor("screening")?.values ?? d.values.screening}
              errors={refusedFor("screening")?.errors}
              message={refusedFor("screening")?.message}
              processings={d.processings}
              services={d.services}
              idPrefix="s"
              action="#screening"
              submitLabel={t("dpia.saveSection")}
            />
          </Section>
          <Section
            id="beskrivelse"
            title="dpia.section.description"
            lead="dpia.lead.description"
            savedNow={stale("beskrivelse", DESCRIPTION_FIELDS)}
          >
            {savedHere("beskrivelse")}
            <SectionForm
              intent="beskrivelse"
              fields={[...DESCRIPTION_FIELDS]}
              values={refusedFor("beskrivelse")?.values ?? d.values.beskrivelse}
              errors={refusedFor("beskrivelse")?.errors}
              message={refusedFor("beskrivelse")?.message}
              idPrefix="b"
              anchor="beskrivelse"
              submitLabel={t("dpia.saveSection")}
            />
          </Section>
          <Section
            id="nodvendighet"
            title="dpia.section.necessity"
            lead="dpia.lead.necessity"
            savedNow={stale("nodvendighet", NECESSITY_FIELDS)}
          >
            {savedHere("nodvendighet")}
            <SectionForm
              intent="nodvendighet"
              fields={[...NECESSITY_FIELDS].map((f) => ({ ...f, rows: 6 }))}
              values={refusedFor("nodvendighet")?.values ?? d.values.nodvendighet}
              errors={refusedFor("nodvendighet")?.errors}
              message={refusedFor("nodvendighet")?.message}
              idPrefix="n"
              anchor="nodvendighet"
              submitLabel={t("dpia.saveSection")}
            />
          </Section>
          <DpiaRisks
            risks={d.risks}
            snapshot={d.snapshot.risks}
            version={d.version}
            canPlan={d.canPlan}
            refusedFor={refusedFor}
            savedHere={savedHere("risikoer")}
          />
          <Section
            id="tiltak"
            title="dpia.section.measures"
            lead="dpia.lead.measures"
            savedNow={stale("tiltak", [{ label: "dpia.field.measures", column: "measures" }])}
          >
            {savedHere("tiltak")}
            <SectionForm
              intent="tiltak"
              fields={[{ name: "tiltak", label: "dpia.field.measures", help: "dpia.help.measures", rows: 6 }]}
              values={refusedFor("tiltak")?.values ?? d.values.tiltak}
              errors={refusedFor("tiltak")?.errors}
              message={refusedFor("tiltak")?.message}
              idPrefix="t"
              anchor="tiltak"
              submitLabel={t("dpia.saveSection")}
            />
          </Section>
          <DpiaAdvice d={approval} refusedFor={refusedFor} savedHere={savedHere("rad")} />
          <DpiaApproval d={approval} refusedFor={refusedFor} savedHere={savedHere("godkjenning")} />
          {d.measures ? <LinkedMeasures measures={d.measures} newHref={d.newMeasure} /> : null}
          <DpiaVersions id={d.id} versions={d.versions} />
        </>
      )}
    </div>
  );
}

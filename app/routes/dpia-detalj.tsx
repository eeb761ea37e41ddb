import { data, Link, redirect } from "react-router";
import {
  AdviceBy,
  ConclusionText,
  DESCRIPTION_FIELDS,
  DpiaDocument,
  NECESSITY_FIELDS,
  RiskCard,
  RiskForm,
  ScreeningForm,
  SectionForm,
  TextFacts,
} from "../components/dpia-parts.tsx";
import { Notice } from "../components/form.tsx";
import { isHigh } from "../features/dpia/criteria.ts";
import { getDpia, listRisks, listVersions, snapshotOf } from "../features/dpia/dpia.server.ts";
import { handleDpiaPost, hasOwnerRole, type Intent } from "../features/dpia/form-page.server.ts";
import { listProcessings } from "../features/processing/processing.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { parseList } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { notFound, readForm } from "../lib/route.server.ts";
import { loadRegisterScope } from "../lib/scopes.server.ts";
import { formatDate } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/dpia-detalj";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "dpia.title");

/** Where each form's section starts: the page comes back there after a save. */
const ANCHOR: Record<Intent, string> = {
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
};

/** What the page says after a save, where "Lagret." says too little. */
const SAVED_NOTICE: Record<string, MessageKey> = {
  "risiko-slett": "dpia.risk.removed",
  "til-rad": "dpia.advice.asked",
  godkjenn: "dpia.approvedNotice",
};

async function loadDpia(args: Route.LoaderArgs | Route.ActionArgs) {
  const scope = await loadRegisterScope(args.context, args.request);
  const dpia = await getDpia(scope.services.db, scope.ownerId, args.params.id);
  if (!dpia) notFound();
  return { ...scope, dpia };
}

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, ownerId, dpia: d, canManage } = await loadDpia(args);
  const [risks, versions, processings] = await Promise.all([
    listRisks(services.db, ownerId, d.id),
    listVersions(services.db, ownerId, d.id),
    canManage ? listProcessings(services.db, ownerId) : [],
  ]);
  const version = String(d.version);
  return {
    id: d.id,
    title: d.title,
    status: d.status,
    conclusion: d.conclusion,
    version,
    snapshot: snapshotOf(d, risks),
    canManage,
    isDpo: canManage && hasOwnerRole(actor, ownerId, "personvernombud"),
    isCoordinator: canManage && hasOwnerRole(actor, ownerId, "koordinator"),
    processings: processings.map((p) => ({ id: p.id, name: p.name })),
    values: {
      screening: {
        tittel: d.title,
        behandling: d.processing_id ?? "",
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
    risks: risks.map((r) => ({
      id: r.id,
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
    versions,
    saved: new URL(args.request.url).searchParams.get("lagret"),
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, ownerId, dpia, canManage } = await loadDpia(args);
  const form = await readForm(args.request);
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
    d.saved && ANCHOR[d.saved as Intent] === anchor ? (
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
      <ConclusionText conclusion={d.conclusion} />
      <p className="button-row">
        <a className="ds-button" data-variant="secondary" href={`/dpia/${d.id}/eksport/docx`} download>
          {t("dpia.export")}
        </a>
      </p>
      {!d.canManage ? (
        <>
          <p className="ds-paragraph">{t("dpia.readOnly")}</p>
          <DpiaDocument s={d.snapshot} />
          <Versions d={d} />
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
          <Risks d={d} refusedFor={refusedFor} savedHere={savedHere("risikoer")} />
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
          <Advice d={d} refusedFor={refusedFor} savedHere={savedHere("rad")} />
          <Approval d={d} refusedFor={refusedFor} savedHere={savedHere("godkjenning")} />
          <Versions d={d} />
        </>
      )}
    </div>
  );
}

type Loaded = Route.ComponentProps["loaderData"];
type Refused = Route.ComponentProps["actionData"];
type RefusedFor = (intent: string, riskId?: string | null) => Refused | null;

function Section(props: {
  id: string;
  title: MessageKey;
  lead: MessageKey;
  /** After a refused stale save: what the other person saved, to compare with what was typed. */
  savedNow?: [MessageKey, string][] | null;
  children: React.ReactNode;
}) {
  const t = useT();
  return (
    <section aria-labelledby={props.id} className="stack dpia-section">
      <h2 className="ds-heading" data-size="md" id={props.id} tabIndex={-1}>
        {t(props.title)}
      </h2>
      <p className="ds-paragraph">{t(props.lead)}</p>
      {props.savedNow ? (
        <details className="ds-details" open>
          <summary className="ds-details-summary">{t("dpia.savedByOther")}</summary>
          <div className="ds-details-content">
            <TextFacts rows={props.savedNow} />
          </div>
        </details>
      ) : null}
      {props.children}
    </section>
  );
}

/** The risks, each with its level before and after and a form to change or remove it, and a new one. */
function Risks({
  d,
  refusedFor,
  savedHere,
}: {
  d: Loaded;
  refusedFor: RefusedFor;
  savedHere: React.ReactNode;
}) {
  const t = useT();
  const fresh = refusedFor("risiko-ny");
  return (
    <Section id="risikoer" title="dpia.section.risks" lead="dpia.lead.risks">
      {savedHere}
      {d.risks.length === 0 ? <p className="ds-paragraph">{t("dpia.risk.none")}</p> : null}
      <ol className="dpia-risks stack">
        {d.risks.map((r, i) => {
          const refused = refusedFor("risiko-endre", r.id) ?? refusedFor("risiko-slett", r.id);
          const v = d.snapshot.risks[i];
          if (!v) return null;
          return (
            <RiskCard key={r.id} risk={v}>
              <details className="ds-details" open={Boolean(refused)}>
                <summary className="ds-details-summary">{t("dpia.risk.edit", { number: i + 1 })}</summary>
                <div className="ds-details-content">
                  <RiskForm
                    intent="risiko-endre"
                    riskId={r.id}
                    values={refused?.values ?? r.values}
                    errors={refused?.errors}
                    message={refused?.message}
                    idPrefix={`r${i + 1}`}
                    anchor="risikoer"
                    submitLabel={t("dpia.risk.save")}
                  />
                </div>
              </details>
            </RiskCard>
          );
        })}
      </ol>
      <h3 className="ds-heading" data-size="sm" id="ny-risiko">
        {t("dpia.risk.add")}
      </h3>
      <RiskForm
        intent="risiko-ny"
        values={
          fresh?.values ?? {
            sannsynlighet: "3",
            konsekvens: "3",
            "sannsynlighet-etter": "2",
            "konsekvens-etter": "3",
            version: d.version,
          }
        }
        errors={fresh?.errors}
        message={fresh?.message}
        idPrefix="rn"
        anchor="ny-risiko"
        submitLabel={t("dpia.risk.addButton")}
      />
    </Section>
  );
}

/** The DPO's advice: the owner's personvernombud writes it; the koordinator can ask for it. */
function Advice({
  d,
  refusedFor,
  savedHere,
}: {
  d: Loaded;
  refusedFor: RefusedFor;
  savedHere: React.ReactNode;
}) {
  const t = useT();
  const asked = refusedFor("til-rad");
  return (
    <Section id="rad" title="dpia.section.advice" lead="dpia.lead.advice">
      {savedHere}
      {asked?.message ? <Notice color="warning">{t(asked.message as MessageKey)}</Notice> : null}
      {d.isDpo ? (
        <SectionForm
          intent="rad"
          fields={[{ name: "rad", label: "dpia.field.advice", help: "dpia.help.advice", rows: 6 }]}
          values={refusedFor("rad")?.values ?? d.values.rad}
          errors={refusedFor("rad")?.errors}
          message={refusedFor("rad")?.message}
          idPrefix="a"
          anchor="rad"
          submitLabel={t("dpia.advice.save")}
        />
      ) : (
        <>
          <TextFacts rows={[["dpia.field.advice", d.snapshot.advice]]} />
          <p className="ds-paragraph" data-size="sm">
            {t("dpia.advice.onlyDpo")}
          </p>
        </>
      )}
      <AdviceBy by={d.snapshot.adviceBy} at={d.snapshot.adviceAt} />
      {d.isCoordinator && d.status === "utkast" && !d.snapshot.advice ? (
        <form method="post" action="#rad">
          <input type="hidden" name="intent" value="til-rad" />
          <input type="hidden" name="version" value={d.version} />
          <button type="submit" className="ds-button" data-variant="secondary">
            {t("dpia.advice.ask")}
          </button>
        </form>
      ) : null}
      {d.status === "til-radgivning" ? <p className="ds-paragraph">{t("dpia.advice.waiting")}</p> : null}
    </Section>
  );
}

/** The koordinator approves, once the advice is written; a high risk left means asking Datatilsynet first. */
function Approval({
  d,
  refusedFor,
  savedHere,
}: {
  d: Loaded;
  refusedFor: RefusedFor;
  savedHere: React.ReactNode;
}) {
  const t = useT();
  const refused = refusedFor("godkjenn");
  return (
    <Section id="godkjenning" title="dpia.section.approval" lead="dpia.lead.approval">
      {savedHere}
      {refused?.message ? <Notice color="warning">{t(refused.message as MessageKey)}</Notice> : null}
      {d.highRemains ? (
        <Notice color="warning">
          <span className="ds-paragraph">{t("dpia.priorConsultation")}</span>
        </Notice>
      ) : null}
      {d.status === "godkjent" ? (
        <p className="ds-paragraph">{t("dpia.isApproved")}</p>
      ) : !d.isCoordinator ? (
        <p className="ds-paragraph">{t("dpia.approval.onlyCoordinator")}</p>
      ) : !d.snapshot.advice ? (
        <p className="ds-paragraph">{t("dpia.error.adviceFirst")}</p>
      ) : (
        <form method="post" action="#godkjenning" className="stack">
          <input type="hidden" name="intent" value="godkjenn" />
          <input type="hidden" name="version" value={d.version} />
          <p className="ds-paragraph">{t("dpia.approval.what")}</p>
          <p>
            <button type="submit" className="ds-button">
              {t("dpia.approve")}
            </button>
          </p>
        </form>
      )}
    </Section>
  );
}

function Versions({ d }: { d: Loaded }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="versjoner" className="stack">
      <h2 className="ds-heading" data-size="md" id="versjoner">
        {t("dpia.section.versions")}
      </h2>
      {d.versions.length === 0 ? (
        <p className="ds-paragraph">{t("dpia.noVersions")}</p>
      ) : (
        <ul className="ds-list">
          {d.versions.map((v) => (
            <li key={v.number}>
              <Link className="ds-link" to={`/dpia/${d.id}/versjon/${v.number}`}>
                {t("dpia.versionLink", {
                  number: v.number,
                  date: formatDate(v.approved_at.slice(0, 10), locale),
                  name: v.approved_by_name ?? t("dpia.someone"),
                })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

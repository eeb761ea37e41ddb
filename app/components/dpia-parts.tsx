import type { ReactNode } from "react";
import { Link } from "react-router";
import { riskLevel } from "../features/dpia/criteria.ts";
import type { DpiaSnapshot, RiskPlan } from "../features/dpia/snapshot.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { formatDate } from "../lib/time.ts";

/** A risk's level as words and figures, each figure named: "høy (sannsynlighet 4 × konsekvens 4 = 16)". */
export function RiskLevel({ likelihood, consequence }: { likelihood: number; consequence: number }) {
  const t = useT();
  const score = likelihood * consequence;
  const level = t(`dpia.level.${riskLevel(score)}` as MessageKey);
  return (
    <span className={`risk-${riskLevel(score)}`}>
      {t("risk.score", { level, likelihood, consequence, score })}
    </span>
  );
}

/**
 * The screening's conclusion as a notice. Once the DPIA is approved, a DPIA that was needed is done:
 * the notice says so instead of asking for the work to be finished.
 */
export function ConclusionText({ conclusion, approved = false }: { conclusion: string; approved?: boolean }) {
  const t = useT();
  const done = approved && conclusion === "trengs";
  return (
    <div
      className="ds-alert"
      data-color={conclusion === "trengs" && !done ? "warning" : "info"}
      role="status"
      id="konklusjon"
    >
      <h2 className="ds-heading" data-size="xs">
        {t(`dpia.conclusion.${conclusion}` as MessageKey)}
      </h2>
      <p className="ds-paragraph">
        {done ? t("dpia.conclusion.trengs.done") : t(`dpia.conclusion.${conclusion}.help` as MessageKey)}
      </p>
    </div>
  );
}

/** A text section read-only: its fields as a list of terms, leaving out the empty ones. */
export function TextFacts({ rows }: { rows: [MessageKey, string][] }) {
  const t = useT();
  const shown = rows.filter(([, text]) => text.trim() !== "");
  if (shown.length === 0) return <p className="ds-paragraph">{t("dpia.notWritten")}</p>;
  return (
    <dl className="facts">
      {shown.map(([label, text]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd className="pre-line">{text}</dd>
        </div>
      ))}
    </dl>
  );
}

type SnapshotRisk = DpiaSnapshot["risks"][number];

/** One risk as a card: what could happen, its level before and after, and the measure between. */
export function RiskCard({
  risk: r,
  id,
  children,
}: {
  risk: SnapshotRisk;
  /** The card's anchor, for coming back to it after a post. */
  id?: string;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <li className="ds-card stack-sm" data-variant="tinted" id={id}>
      <h3 className="ds-heading pre-line" data-size="xs">
        {r.threat}
      </h3>
      <dl className="facts">
        <div>
          <dt>{t("dpia.risk.before")}</dt>
          <dd>
            <RiskLevel likelihood={r.likelihood} consequence={r.consequence} />
          </dd>
        </div>
        <div>
          <dt>{t("dpia.risk.measure")}</dt>
          <dd className="pre-line">{r.measure || t("dpia.risk.noMeasure")}</dd>
        </div>
        <div>
          <dt>{t("dpia.risk.after")}</dt>
          <dd>
            <RiskLevel likelihood={r.likelihoodAfter} consequence={r.consequenceAfter} />
          </dd>
        </div>
      </dl>
      {children}
    </li>
  );
}

/** That the risk's measure is in the action plan: a link to the measure for a reader of the plan. */
export function InPlan({ plan }: { plan: RiskPlan | null | undefined }) {
  const t = useT();
  if (!plan) return null;
  return (
    <p className="ds-paragraph" data-size="sm">
      {plan.measure ? (
        <>
          {t("dpia.risk.inPlan")}{" "}
          <Link className="ds-link" to={`/handlingsplan/${plan.measure.id}`}>
            {plan.measure.title}
          </Link>
        </>
      ) : (
        t("dpia.risk.inPlanPlain")
      )}
    </p>
  );
}

/** The risks read-only, one card each, with which of them are in the action plan. */
export function RiskCards({ risks, plans = [] }: { risks: SnapshotRisk[]; plans?: (RiskPlan | null)[] }) {
  const t = useT();
  if (risks.length === 0) return <p className="ds-paragraph">{t("dpia.risk.none")}</p>;
  return (
    <ol className="dpia-risks stack">
      {risks.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: older snapshots' risks have no ids, and none ever move
        <RiskCard key={i} risk={r}>
          <InPlan plan={plans[i]} />
        </RiskCard>
      ))}
    </ol>
  );
}

/** Who wrote the advice and when, or that nobody has. */
export function AdviceBy({ by, at }: { by: string | null; at: string | null }) {
  const t = useT();
  const locale = useLocale();
  if (!at) return null;
  return (
    <p className="ds-paragraph" data-size="sm">
      {t("dpia.advice.by", { name: by ?? t("dpia.someone"), date: formatDate(at, locale) })}
    </p>
  );
}

/** The screening as text: the criteria and list items that apply, and the note. */
export function ScreeningFacts({ s }: { s: DpiaSnapshot }) {
  const t = useT();
  return (
    <div className="stack">
      <dl className="facts">
        <div>
          <dt>{t("dpia.field.processing")}</dt>
          <dd>{s.processing ?? t("dpia.noProcessing")}</dd>
        </div>
        {s.service ? (
          <div>
            <dt>{t("dpia.field.service")}</dt>
            <dd>{s.service}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("dpia.field.criteria")}</dt>
          <dd>
            {s.criteria.length === 0
              ? t("dpia.noneChosen")
              : s.criteria.map((c) => t(`dpia.criterion.${c}` as MessageKey)).join("; ")}
          </dd>
        </div>
        <div>
          <dt>{t("dpia.field.list")}</dt>
          <dd>
            {s.listItems.length === 0
              ? t("dpia.noneChosen")
              : s.listItems.map((c) => t(`dpia.listItem.${c}` as MessageKey)).join("; ")}
          </dd>
        </div>
        <div>
          <dt>{t("dpia.field.conclusion")}</dt>
          <dd>{t(`dpia.conclusion.${s.conclusion}` as MessageKey)}</dd>
        </div>
        {s.screeningNote ? (
          <div>
            <dt>{t("dpia.field.screeningNote")}</dt>
            <dd className="pre-line">{s.screeningNote}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

export const DESCRIPTION_FIELDS = [
  { name: "hva", label: "dpia.field.what", help: "dpia.help.what", column: "what" },
  { name: "hvorfor", label: "dpia.field.purpose", help: "dpia.help.purpose", column: "purpose" },
  { name: "hvem", label: "dpia.field.who", help: "dpia.help.who", column: "who" },
  { name: "opplysninger", label: "dpia.field.dataTypes", help: "dpia.help.dataTypes", column: "dataTypes" },
  { name: "systemer", label: "dpia.field.systems", help: "dpia.help.systems", column: "systems" },
  { name: "lagring", label: "dpia.field.retention", help: "dpia.help.retention", column: "retention" },
] as const satisfies readonly {
  name: string;
  label: MessageKey;
  help: MessageKey;
  column: keyof DpiaSnapshot;
}[];

export const NECESSITY_FIELDS = [
  {
    name: "nodvendighet",
    label: "dpia.field.necessity",
    help: "dpia.help.necessity",
    column: "necessity",
  },
  {
    name: "forholdsmessighet",
    label: "dpia.field.proportionality",
    help: "dpia.help.proportionality",
    column: "proportionality",
  },
] as const satisfies readonly {
  name: string;
  label: MessageKey;
  help: MessageKey;
  column: keyof DpiaSnapshot;
}[];

/**
 * A whole DPIA read-only, section by section: for readers and for an approved version. `plans`
 * says, risk by risk, which measures are in the action plan.
 */
export function DpiaDocument({ s, plans }: { s: DpiaSnapshot; plans?: (RiskPlan | null)[] }) {
  const t = useT();
  const locale = useLocale();
  const part = (id: string, title: MessageKey, body: ReactNode) => (
    <section aria-labelledby={id} className="stack">
      <h2 className="ds-heading" data-size="md" id={id}>
        {t(title)}
      </h2>
      {body}
    </section>
  );
  return (
    <div className="stack-lg">
      {part("screening", "dpia.section.screening", <ScreeningFacts s={s} />)}
      {part(
        "beskrivelse",
        "dpia.section.description",
        <TextFacts rows={DESCRIPTION_FIELDS.map((f) => [f.label, s[f.column]])} />,
      )}
      {part(
        "nodvendighet",
        "dpia.section.necessity",
        <TextFacts rows={NECESSITY_FIELDS.map((f) => [f.label, s[f.column]])} />,
      )}
      {part("risikoer", "dpia.section.risks", <RiskCards risks={s.risks} plans={plans} />)}
      {part("tiltak", "dpia.section.measures", <TextFacts rows={[["dpia.field.measures", s.measures]]} />)}
      {part(
        "rad",
        "dpia.section.advice",
        <>
          <TextFacts rows={[["dpia.field.advice", s.advice]]} />
          <AdviceBy by={s.adviceBy} at={s.adviceAt} />
        </>,
      )}
      {s.approvedAt
        ? part(
            "godkjenning",
            "dpia.section.approval",
            <p className="ds-paragraph">
              {t("dpia.approvedBy", {
                name: s.approvedBy ?? t("dpia.someone"),
                date: formatDate(s.approvedAt, locale),
              })}
            </p>,
          )
        : null}
    </div>
  );
}

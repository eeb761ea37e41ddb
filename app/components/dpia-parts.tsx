import type { ReactNode } from "react";
import { Form } from "react-router";
import { CRITERIA, LIST_ITEMS, riskLevel, SCALE } from "../features/dpia/criteria.ts";
import type { DpiaSnapshot } from "../features/dpia/snapshot.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { asFormValues, fieldReaders } from "../lib/forms.ts";
import { formatDate } from "../lib/time.ts";
import { ErrorSummary, Field, SelectField, TextAreaField } from "./form.tsx";

type Values = Record<string, string | string[]>;

/** A risk's level as words and figures: "høy (4 × 4 = 16)". */
export function RiskLevel({ likelihood, consequence }: { likelihood: number; consequence: number }) {
  const t = useT();
  const score = likelihood * consequence;
  return (
    <span className={`risk-${riskLevel(score)}`}>
      {t(`dpia.level.${riskLevel(score)}` as MessageKey)} ({likelihood} × {consequence} = {score})
    </span>
  );
}

/**
 * Checkboxes where each choice has a short name and one sentence on what it means, read out with it.
 * The fieldset carries the field's id, so the error summary's link lands on it.
 */
function ExplainedChoices(props: {
  name: string;
  legend: string;
  description: string;
  ids: readonly string[];
  textKey: (id: string) => { label: MessageKey; help: MessageKey };
  chosen: string[];
  idPrefix: string;
  error?: string;
}) {
  const t = useT();
  const id = `${props.idPrefix}-${props.name}`;
  return (
    <fieldset className="ds-fieldset" id={id} tabIndex={-1} aria-describedby={`${id}-desc`}>
      <legend className="ds-label">{props.legend}</legend>
      <p id={`${id}-desc`} className="ds-paragraph" data-size="sm">
        {props.description}
      </p>
      {props.error ? (
        <p className="ds-validation-message" data-field="validation">
          {t(props.error as MessageKey)}
        </p>
      ) : null}
      {props.ids.map((value) => {
        const keys = props.textKey(value);
        return (
          <div className="ds-field" key={value}>
            <input
              className="ds-input"
              type="checkbox"
              id={`${id}-${value}`}
              name={props.name}
              value={value}
              defaultChecked={props.chosen.includes(value)}
              aria-describedby={`${id}-${value}-help`}
            />
            <label className="ds-label" htmlFor={`${id}-${value}`}>
              {t(keys.label)}
            </label>
            <p className="ds-paragraph" data-size="sm" id={`${id}-${value}-help`}>
              {t(keys.help)}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}

/** The screening: title, the processing and the service, the nine criteria and the list's items, and a note. */
export function ScreeningForm(props: {
  values: Values;
  errors?: Record<string, string>;
  message?: string | null;
  processings: { id: string; name: string }[];
  services: { id: string; name: string }[];
  idPrefix: string;
  action?: string;
  submitLabel: string;
}) {
  const t = useT();
  const read = fieldReaders(props.values);
  const state = {
    errors: props.errors,
    values: asFormValues(props.values),
    message: props.message ?? undefined,
  };
  return (
    <Form method="post" action={props.action} className="stack-lg" noValidate>
      <ErrorSummary state={props.errors || props.message ? state : null} idPrefix={props.idPrefix} />
      <input type="hidden" name="intent" value="screening" />
      <input type="hidden" name="version" value={read.value("version") || "0"} />
      <Field
        name="tittel"
        label={t("dpia.field.title")}
        description={t("dpia.help.title")}
        state={state}
        idPrefix={props.idPrefix}
        required
      />
      <SelectField
        name="behandling"
        label={t("dpia.field.processing")}
        description={t("dpia.help.processing")}
        state={state}
        idPrefix={props.idPrefix}
        options={[
          { value: "", label: t("dpia.noProcessing") },
          ...props.processings.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <SelectField
        name="tjeneste"
        label={t("dpia.field.service")}
        description={t("dpia.help.service")}
        state={state}
        idPrefix={props.idPrefix}
        options={[
          { value: "", label: t("dpia.noService") },
          ...props.services.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <ExplainedChoices
        name="kriterier"
        legend={t("dpia.field.criteria")}
        description={t("dpia.help.criteria")}
        ids={CRITERIA}
        textKey={(id) => ({
          label: `dpia.criterion.${id}` as MessageKey,
          help: `dpia.criterion.${id}.help` as MessageKey,
        })}
        chosen={read.list("kriterier")}
        idPrefix={props.idPrefix}
        error={props.errors?.kriterier}
      />
      <ExplainedChoices
        name="liste"
        legend={t("dpia.field.list")}
        description={t("dpia.help.list")}
        ids={LIST_ITEMS}
        textKey={(id) => ({
          label: `dpia.listItem.${id}` as MessageKey,
          help: `dpia.listItem.${id}.help` as MessageKey,
        })}
        chosen={read.list("liste")}
        idPrefix={props.idPrefix}
        error={props.errors?.liste}
      />
      <TextAreaField
        name="begrunnelse"
        label={t("dpia.field.screeningNote")}
        description={t("dpia.help.screeningNote")}
        defaultValue={read.value("begrunnelse")}
        error={props.errors?.begrunnelse}
        idPrefix={props.idPrefix}
        rows={3}
      />
      <p>
        <button type="submit" className="ds-button">
          {props.submitLabel}
        </button>
      </p>
    </Form>
  );
}

/** A section of text fields with its own save button: one form, one intent. */
export function SectionForm(props: {
  intent: string;
  fields: { name: string; label: MessageKey; help?: MessageKey; rows?: number }[];
  values: Values;
  errors?: Record<string, string>;
  message?: string | null;
  idPrefix: string;
  anchor: string;
  submitLabel: string;
}) {
  const t = useT();
  const read = fieldReaders(props.values);
  const state = { errors: props.errors, values: {}, message: props.message ?? undefined };
  return (
    <Form method="post" action={`#${props.anchor}`} className="stack" noValidate>
      <ErrorSummary state={props.errors || props.message ? state : null} idPrefix={props.idPrefix} />
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="version" value={read.value("version") || "0"} />
      {props.fields.map((f) => (
        <TextAreaField
          key={f.name}
          name={f.name}
          label={t(f.label)}
          description={f.help ? t(f.help) : undefined}
          defaultValue={read.value(f.name)}
          error={props.errors?.[f.name]}
          idPrefix={props.idPrefix}
          rows={f.rows ?? 4}
        />
      ))}
      <p>
        <button type="submit" className="ds-button">
          {props.submitLabel}
        </button>
      </p>
    </Form>
  );
}

/** A risk's fields: the threat, likelihood and consequence before and after, and the measure. */
export function RiskForm(props: {
  intent: "risiko-ny" | "risiko-endre";
  riskId?: string;
  values: Values;
  errors?: Record<string, string>;
  message?: string | null;
  idPrefix: string;
  anchor: string;
  submitLabel: string;
}) {
  const t = useT();
  const read = fieldReaders(props.values);
  const state = {
    errors: props.errors,
    values: asFormValues(props.values),
    message: props.message ?? undefined,
  };
  const scale = (kind: "likelihood" | "consequence") =>
    SCALE.map((n) => ({ value: String(n), label: `${n} – ${t(`dpia.${kind}.${n}` as MessageKey)}` }));
  return (
    <Form method="post" action={`#${props.anchor}`} className="stack" noValidate>
      <ErrorSummary state={props.errors || props.message ? state : null} idPrefix={props.idPrefix} />
      <input type="hidden" name="version" value={read.value("version") || "0"} />
      {props.riskId ? <input type="hidden" name="risiko" value={props.riskId} /> : null}
      <TextAreaField
        name="trussel"
        label={t("dpia.risk.threat")}
        description={t("dpia.risk.threatHelp")}
        defaultValue={read.value("trussel")}
        error={props.errors?.trussel}
        idPrefix={props.idPrefix}
        rows={2}
      />
      <div className="dpia-pair">
        <SelectField
          name="sannsynlighet"
          label={t("dpia.risk.likelihood")}
          state={state}
          idPrefix={props.idPrefix}
          options={scale("likelihood")}
        />
        <SelectField
          name="konsekvens"
          label={t("dpia.risk.consequence")}
          state={state}
          idPrefix={props.idPrefix}
          options={scale("consequence")}
        />
      </div>
      <TextAreaField
        name="tiltak"
        label={t("dpia.risk.measure")}
        description={t("dpia.risk.measureHelp")}
        defaultValue={read.value("tiltak")}
        error={props.errors?.tiltak}
        idPrefix={props.idPrefix}
        rows={2}
      />
      <div className="dpia-pair">
        <SelectField
          name="sannsynlighet-etter"
          label={t("dpia.risk.likelihoodAfter")}
          state={state}
          idPrefix={props.idPrefix}
          options={scale("likelihood")}
        />
        <SelectField
          name="konsekvens-etter"
          label={t("dpia.risk.consequenceAfter")}
          state={state}
          idPrefix={props.idPrefix}
          options={scale("consequence")}
        />
      </div>
      <p className="button-row">
        <button type="submit" className="ds-button" name="intent" value={props.intent}>
          {props.submitLabel}
        </button>
        {props.riskId ? (
          <button
            type="submit"
            className="ds-button"
            data-variant="tertiary"
            name="intent"
            value="risiko-slett"
          >
            {t("dpia.risk.remove")}
          </button>
        ) : null}
      </p>
    </Form>
  );
}

/** The screening's conclusion as a notice. */
export function ConclusionText({ conclusion }: { conclusion: string }) {
  const t = useT();
  return (
    <div
      className="ds-alert"
      data-color={conclusion === "trengs" ? "warning" : "info"}
      role="status"
      id="konklusjon"
    >
      <h2 className="ds-heading" data-size="xs">
        {t(`dpia.conclusion.${conclusion}` as MessageKey)}
      </h2>
      <p className="ds-paragraph">{t(`dpia.conclusion.${conclusion}.help` as MessageKey)}</p>
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

/** The risks read-only, one card each. */
export function RiskCards({ risks }: { risks: SnapshotRisk[] }) {
  const t = useT();
  if (risks.length === 0) return <p className="ds-paragraph">{t("dpia.risk.none")}</p>;
  return (
    <ol className="dpia-risks stack">
      {risks.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a snapshot's risks have no ids and never move
        <RiskCard key={i} risk={r} />
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

/** A whole DPIA read-only, section by section: for readers and for an approved version. */
export function DpiaDocument({ s }: { s: DpiaSnapshot }) {
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
      {part("risikoer", "dpia.section.risks", <RiskCards risks={s.risks} />)}
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

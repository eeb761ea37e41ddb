import { Form } from "react-router";
import { CRITERIA, LIST_ITEMS, SCALE } from "../features/dpia/criteria.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { asFormValues, fieldReaders } from "../lib/forms.ts";
import { ErrorSummary, Field, SelectField, TextAreaField } from "./form.tsx";

/** The DPIA's forms: the screening, a section of text fields, and a risk. Each posts on its own. */

type Values = Record<string, string | string[]>;

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

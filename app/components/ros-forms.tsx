import { Form } from "react-router";
import { SCALE } from "../features/ros/scale.ts";
import { ASSESSMENT_STATUSES } from "../features/ros/schemas.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { ErrorSummary, Field, SelectField, TextAreaField } from "./form.tsx";

interface FormProps {
  /** Saved values, or what the user just posted. */
  values: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
  submitLabel: string;
}

/** What a risk assessment covers, who took part, and when. A plain form, no script. */
export function AssessmentForm(
  props: FormProps & {
    processings: { id: string; name: string }[];
    services: { id: string; name: string }[];
  },
) {
  const t = useT();
  const state = { errors: props.errors ?? {}, values: props.values, message: props.message };
  return (
    <Form method="post" action="#feil" className="stack-lg" noValidate>
      <ErrorSummary state={props.errors || props.message ? state : null} />
      <input type="hidden" name="intent" value="vurdering" />
      <input type="hidden" name="version" value={props.values.version ?? "0"} />
      <Field
        name="tittel"
        label={t("ros.field.title")}
        description={t("ros.help.title")}
        state={state}
        required
      />
      <TextAreaField
        name="omfang"
        label={t("ros.field.scope")}
        description={t("ros.help.scope")}
        defaultValue={props.values.omfang}
        error={props.errors?.omfang}
        rows={4}
        required
      />
      <SelectField
        name="tjeneste"
        label={t("ros.field.service")}
        description={t("ros.help.service")}
        state={state}
        options={[
          { value: "", label: t("ros.noService") },
          ...props.services.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <SelectField
        name="behandling"
        label={t("ros.field.processing")}
        description={t("ros.help.processing")}
        state={state}
        options={[
          { value: "", label: t("ros.noProcessing") },
          ...props.processings.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <TextAreaField
        name="deltakere"
        label={t("ros.field.participants")}
        description={t("ros.help.participants")}
        defaultValue={props.values.deltakere}
        error={props.errors?.deltakere}
        rows={2}
      />
      <Field name="vurdert" type="date" label={t("ros.field.assessed")} state={state} />
      <Field
        name="revisjon"
        type="date"
        label={t("ros.field.review")}
        description={t("ros.help.review")}
        state={state}
      />
      <SelectField
        name="status"
        label={t("ros.field.status")}
        description={t("ros.help.status")}
        state={state}
        options={ASSESSMENT_STATUSES.map((s) => ({ value: s, label: t(`ros.status.${s}` as MessageKey) }))}
      />
      <p>
        <button type="submit" className="ds-button">
          {props.submitLabel}
        </button>
      </p>
    </Form>
  );
}

/**
 * One risk: what could happen, why, what already stops it, how likely and how bad, and the
 * measure with the judgement after it. `idPrefix` keeps the ids apart from another form on the page.
 */
export function RiskForm(props: FormProps & { idPrefix: string; intent: string }) {
  const t = useT();
  const state = { errors: props.errors ?? {}, values: props.values, message: props.message };
  const p = props.idPrefix;
  const levels = (kind: "likelihood" | "consequence", blank: MessageKey) => [
    { value: "", label: t(blank) },
    ...SCALE.map((n) => ({
      value: String(n),
      label: `${n} – ${t(`ros.${kind}.${n}` as MessageKey)}: ${t(`ros.${kind}.${n}.help` as MessageKey)}`,
    })),
  ];
  return (
    <Form method="post" action={`#${p}-feil`} className="stack-lg" noValidate>
      <ErrorSummary state={props.errors || props.message ? state : null} idPrefix={p} />
      <input type="hidden" name="intent" value={props.intent} />
      <Field
        name="trussel"
        idPrefix={p}
        label={t("ros.field.threat")}
        description={t("ros.help.threat")}
        state={state}
        required
      />
      <TextAreaField
        name="arsak"
        idPrefix={p}
        label={t("ros.field.cause")}
        description={t("ros.help.cause")}
        defaultValue={props.values.arsak}
        error={props.errors?.arsak}
        rows={3}
      />
      <TextAreaField
        name="eksisterende"
        idPrefix={p}
        label={t("ros.field.existing")}
        description={t("ros.help.existing")}
        defaultValue={props.values.eksisterende}
        error={props.errors?.eksisterende}
        rows={2}
      />
      <SelectField
        name="sannsynlighet"
        idPrefix={p}
        label={t("ros.field.likelihood")}
        state={state}
        options={levels("likelihood", "ros.choose")}
        required
      />
      <SelectField
        name="konsekvens"
        idPrefix={p}
        label={t("ros.field.consequence")}
        state={state}
        options={levels("consequence", "ros.choose")}
        required
      />
      <TextAreaField
        name="tiltak"
        idPrefix={p}
        label={t("ros.field.measure")}
        description={t("ros.help.measure")}
        defaultValue={props.values.tiltak}
        error={props.errors?.tiltak}
        rows={3}
      />
      <SelectField
        name="sannsynlighetEtter"
        idPrefix={p}
        label={t("ros.field.likelihoodAfter")}
        description={t("ros.help.after")}
        state={state}
        options={levels("likelihood", "ros.notJudged")}
      />
      <SelectField
        name="konsekvensEtter"
        idPrefix={p}
        label={t("ros.field.consequenceAfter")}
        state={state}
        options={levels("consequence", "ros.notJudged")}
      />
      <p>
        <button type="submit" className="ds-button">
          {props.submitLabel}
        </button>
      </p>
    </Form>
  );
}

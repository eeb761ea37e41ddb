import { Form } from "react-router";
import { CONSEQUENCES, EFFORTS, STATUSES } from "../features/plan/priority.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { ErrorSummary, Field, SelectField, TextAreaField } from "./form.tsx";

export interface MeasureFormProps {
  /** Saved values, or what the user just posted. */
  values: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
  /** What the selects offer (`measureFormOptions`): people, processings, services and DPIAs. */
  options: Record<"people" | "processings" | "services" | "dpias", { id: string; name: string }[]>;
  submitLabel: string;
}

/** A measure in the action plan: what, who, when, how far it has come. A plain form, no script. */
export function MeasureForm(props: MeasureFormProps) {
  const t = useT();
  const state = { errors: props.errors ?? {}, values: props.values, message: props.message };
  const error = (name: string) => props.errors?.[name];
  const label = (key: string) => t(key as MessageKey);
  return (
    <Form method="post" action="#feil" className="stack-lg" noValidate>
      <ErrorSummary state={props.errors || props.message ? state : null} />
      <input type="hidden" name="version" value={props.values.version ?? "0"} />
      <Field name="tittel" label={t("plan.field.title")} state={state} required />
      <TextAreaField
        name="beskrivelse"
        label={t("plan.field.description")}
        description={t("plan.help.description")}
        defaultValue={props.values.beskrivelse}
        error={error("beskrivelse")}
        rows={4}
      />
      <SelectField
        name="ansvarlig"
        label={t("plan.field.responsible")}
        description={t("plan.help.responsible")}
        state={state}
        options={[
          { value: "", label: t("plan.nobodyYet") },
          ...props.options.people.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <Field
        name="frist"
        type="date"
        label={t("plan.field.due")}
        description={t("plan.help.due")}
        state={state}
      />
      <SelectField
        name="status"
        label={t("plan.field.status")}
        state={state}
        options={STATUSES.map((s) => ({ value: s, label: label(`plan.status.${s}`) }))}
      />
      <TextAreaField
        name="fremdrift"
        label={t("plan.field.progress")}
        description={t("plan.help.progress")}
        defaultValue={props.values.fremdrift}
        error={error("fremdrift")}
        rows={4}
      />
      <SelectField
        name="behandling"
        label={t("plan.field.processing")}
        description={t("plan.help.processing")}
        state={state}
        options={[
          { value: "", label: t("plan.noProcessing") },
          ...props.options.processings.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <SelectField
        name="system"
        label={t("plan.field.service")}
        description={t("plan.help.service")}
        state={state}
        options={[
          { value: "", label: t("plan.noService") },
          ...props.options.services.map((s) => ({ value: s.id, label: s.name })),
        ]}
      />
      <SelectField
        name="dpia"
        label={t("plan.field.dpia")}
        description={t("plan.help.dpia")}
        state={state}
        options={[
          { value: "", label: t("plan.noDpia") },
          ...props.options.dpias.map((d) => ({ value: d.id, label: d.name })),
        ]}
      />
      <SelectField
        name="innsats"
        label={t("plan.field.effort")}
        description={t("plan.help.effort")}
        state={state}
        options={EFFORTS.map((e) => ({ value: e, label: label(`plan.effort.${e}`) }))}
      />
      <SelectField
        name="konsekvens"
        label={t("plan.field.consequence")}
        description={t("plan.help.consequence")}
        state={state}
        options={CONSEQUENCES.map((c) => ({ value: String(c), label: label(`plan.consequence.${c}`) }))}
      />
      <TextAreaField
        name="begrunnelse"
        label={t("plan.field.why")}
        description={t("plan.help.why")}
        defaultValue={props.values.begrunnelse}
        error={error("begrunnelse")}
        rows={3}
      />
      <TextAreaField
        name="effekt"
        label={t("plan.field.effect")}
        description={t("plan.help.effect")}
        defaultValue={props.values.effekt}
        error={error("effekt")}
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

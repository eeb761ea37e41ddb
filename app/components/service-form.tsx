import { Form, Link } from "react-router";
import {
  DPA_STATUSES,
  DPIA,
  PROCESSOR,
  SCOPES,
  SERVICE_STATUSES,
  TRANSFERS,
} from "../features/systems/schemas.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { fieldReaders } from "../lib/forms.ts";
import { ChoiceGroup, ErrorSummary, Field, SelectField, TextAreaField } from "./form.tsx";

export interface ServiceFormProps {
  /** Saved values, or what the user just posted. */
  values: Record<string, string | string[]>;
  errors?: Record<string, string>;
  message?: string;
  units: { id: string; name: string }[];
  submitLabel: string;
}

/**
 * A digital service in the register: what it is, who supplies it, the agreement, transfers, risk and
 * the decision. A plain form in five parts, no script; each field has the id the guide links to.
 */
export function ServiceForm(props: ServiceFormProps) {
  const t = useT();
  const { value, list } = fieldReaders(props.values);
  const strings = Object.fromEntries(
    Object.entries(props.values).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const state = { errors: props.errors ?? {}, values: strings, message: props.message };
  const error = (name: string) => props.errors?.[name];
  const options = (values: readonly string[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }));
  return (
    <Form method="post" action="#feil" className="stack-lg" noValidate>
      <ErrorSummary state={props.errors || props.message ? state : null} />
      <input type="hidden" name="version" value={value("version") || "0"} />
      <fieldset className="ds-fieldset stack">
        <legend className="ds-heading" data-size="sm">
          {t("systems.part.about")}
        </legend>
        <Field name="navn" label={t("systems.field.name")} state={state} required />
        <Field
          name="leverandor"
          label={t("systems.field.supplier")}
          description={t("systems.help.supplier")}
          state={state}
          required
        />
        <TextAreaField
          name="formal"
          label={t("systems.field.purpose")}
          description={t("systems.help.purpose")}
          defaultValue={value("formal")}
          error={error("formal")}
          rows={3}
        />
        <ChoiceGroup
          name="omfang"
          legend={t("systems.field.usedBy")}
          type="radio"
          options={options(SCOPES, "systems.scope")}
          chosen={[value("omfang")]}
          error={error("omfang")}
        />
        {props.units.length > 0 ? (
          <ChoiceGroup
            name="enheter"
            legend={t("systems.field.units")}
            description={t("systems.help.units")}
            type="checkbox"
            options={props.units.map((u) => ({ value: u.id, label: u.name }))}
            chosen={list("enheter")}
            error={error("enheter")}
          />
        ) : null}
        <TextAreaField
          name="opplysninger"
          label={t("systems.field.personalData")}
          description={t("systems.help.personalData")}
          defaultValue={value("opplysninger")}
          error={error("opplysninger")}
          rows={3}
        />
        <p className="ds-paragraph" data-size="sm">
          <Link className="ds-link" to="/personopplysninger/sjekk">
            {t("systems.help.classifier")}
          </Link>
        </p>
      </fieldset>
      <fieldset className="ds-fieldset stack">
        <legend className="ds-heading" data-size="sm">
          {t("systems.part.agreement")}
        </legend>
        <ChoiceGroup
          name="databehandler"
          legend={t("systems.field.processor")}
          description={t("systems.help.processor")}
          type="radio"
          options={options(PROCESSOR, "systems.processor")}
          chosen={[value("databehandler")]}
          error={error("databehandler")}
        />
        <SelectField
          name="dba"
          label={t("systems.field.dpa")}
          state={state}
          options={options(DPA_STATUSES, "systems.dpa")}
        />
        <Field name="dbaSignert" type="date" label={t("systems.field.dpaSigned")} state={state} />
        <Field
          name="dbaGjennomgang"
          type="date"
          label={t("systems.field.dpaReview")}
          description={t("systems.help.dpaReview")}
          state={state}
        />
        <ChoiceGroup
          name="overforing"
          legend={t("systems.field.transfer")}
          type="radio"
          options={options(TRANSFERS, "systems.transfer")}
          chosen={[value("overforing")]}
          error={error("overforing")}
        />
        <TextAreaField
          name="overforingNotat"
          label={t("systems.field.transferNote")}
          description={t("systems.help.transferNote")}
          defaultValue={value("overforingNotat")}
          error={error("overforingNotat")}
          rows={2}
        />
      </fieldset>
      <fieldset className="ds-fieldset stack">
        <legend className="ds-heading" data-size="sm">
          {t("systems.part.risk")}
        </legend>
        <Field name="rosDato" type="date" label={t("systems.field.rosDate")} state={state} />
        <TextAreaField
          name="rosNotat"
          label={t("systems.field.rosNote")}
          description={t("systems.help.rosNote")}
          defaultValue={value("rosNotat")}
          error={error("rosNotat")}
          rows={2}
        />
        <SelectField
          name="dpia"
          label={t("systems.field.dpia")}
          state={state}
          options={options(DPIA, "systems.dpia")}
        />
      </fieldset>
      <fieldset className="ds-fieldset stack">
        <legend className="ds-heading" data-size="sm">
          {t("systems.part.decision")}
        </legend>
        <SelectField
          name="status"
          label={t("systems.field.status")}
          state={state}
          options={options(SERVICE_STATUSES, "systems.status")}
        />
        <TextAreaField
          name="begrunnelse"
          label={t("systems.field.reason")}
          description={t("systems.help.reason")}
          defaultValue={value("begrunnelse")}
          error={error("begrunnelse")}
          rows={3}
        />
      </fieldset>
      <p>
        <button type="submit" className="ds-button">
          {props.submitLabel}
        </button>
      </p>
    </Form>
  );
}

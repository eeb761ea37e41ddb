import { type ReactNode, useEffect, useRef } from "react";
import { Form } from "react-router";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";

export interface FormState {
  errors?: Record<string, string>;
  values?: Record<string, string>;
  message?: string;
}

interface FieldProps {
  name: string;
  label: string;
  state?: FormState | null;
  type?: string;
  autoComplete?: string;
  description?: string;
  required?: boolean;
  defaultValue?: string;
  inputMode?: "numeric" | "email" | "text";
  /** Prefix so two forms on one page get distinct ids. */
  idPrefix?: string;
}

/** A labelled input that shows the server's message and keeps what the user typed; works without JavaScript. */
export function Field(props: FieldProps) {
  const id = `${props.idPrefix ?? "f"}-${props.name}`;
  const error = props.state?.errors?.[props.name];
  return (
    <div className="ds-field">
      <LabelAndHelp id={id} label={props.label} description={props.description} />
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        className="ds-input"
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.description, error)}
        defaultValue={
          props.type === "password" ? undefined : (props.state?.values?.[props.name] ?? props.defaultValue)
        }
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

interface SelectProps extends Omit<FieldProps, "type" | "autoComplete" | "inputMode"> {
  options: { value: string; label: string }[];
}

export function SelectField(props: SelectProps) {
  const id = `${props.idPrefix ?? "f"}-${props.name}`;
  const error = props.state?.errors?.[props.name];
  return (
    <div className="ds-field">
      <LabelAndHelp id={id} label={props.label} description={props.description} />
      <select
        id={id}
        name={props.name}
        className="ds-input"
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.description, error)}
        defaultValue={props.state?.values?.[props.name] ?? props.defaultValue}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A field's label, and its help text (tied to the field as `<id>-desc`). */
function LabelAndHelp({ id, label, description }: { id: string; label: string; description?: string }) {
  return (
    <>
      <label htmlFor={id} className="ds-label">
        {label}
      </label>
      {description ? (
        <p id={`${id}-desc`} data-field="description" className="ds-paragraph" data-size="sm">
          {description}
        </p>
      ) : null}
    </>
  );
}

/** The text under a field's label that says what to fix, tied to the field by its id. */
function FieldError({ id, error }: { id: string; error?: string }) {
  const t = useT();
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="ds-validation-message" data-field="validation">
      {t(error as MessageKey)}
    </p>
  );
}

const describedBy = (id: string, description?: string, error?: string) =>
  [description ? `${id}-desc` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

/** A labelled text area that shows the server's message and keeps what the user typed. */
export function TextAreaField(props: {
  name: string;
  label: string;
  description?: string;
  error?: string;
  defaultValue?: string;
  rows?: number;
  required?: boolean;
  idPrefix?: string;
}) {
  const id = `${props.idPrefix ?? "f"}-${props.name}`;
  return (
    <div className="ds-field">
      <LabelAndHelp id={id} label={props.label} description={props.description} />
      <textarea
        id={id}
        name={props.name}
        className="ds-input"
        rows={props.rows ?? 4}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.description, props.error)}
        defaultValue={props.defaultValue}
      />
      <FieldError id={id} error={props.error} />
    </div>
  );
}

/**
 * Radio buttons (one answer) or checkboxes (several) in a fieldset whose legend asks the question.
 * The fieldset carries the field's id, so the error summary's link lands on it.
 */
export function ChoiceGroup(props: {
  name: string;
  legend: string;
  type: "radio" | "checkbox";
  options: { value: string; label: string }[];
  chosen: string[];
  description?: string;
  error?: string;
  idPrefix?: string;
}) {
  const id = `${props.idPrefix ?? "f"}-${props.name}`;
  return (
    <fieldset
      className="ds-fieldset"
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(id, props.description, props.error)}
    >
      <legend className="ds-label">{props.legend}</legend>
      {props.description ? (
        <p id={`${id}-desc`} data-field="description" className="ds-paragraph" data-size="sm">
          {props.description}
        </p>
      ) : null}
      <FieldError id={id} error={props.error} />
      {props.options.map((o) => (
        <div className="ds-field" key={o.value}>
          <input
            className="ds-input"
            type={props.type}
            id={`${id}-${o.value || "tom"}`}
            name={props.name}
            value={o.value}
            defaultChecked={props.chosen.includes(o.value)}
            aria-invalid={props.error ? true : undefined}
          />
          <label className="ds-label" data-weight="regular" htmlFor={`${id}-${o.value || "tom"}`}>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * The list of what to fix, at the top of a form that failed; links jump to each field. `labelFor`
 * names the field a message is about where the message alone does not (a question among many).
 */
export function ErrorSummary({
  state,
  idPrefix = "f",
  labelFor,
}: {
  state?: FormState | null;
  idPrefix?: string;
  labelFor?: (field: string) => string | undefined;
}) {
  const t = useT();
  const entries = Object.entries(state?.errors ?? {});
  const shown = entries.length > 0 || Boolean(state?.message);
  const ref = useFocusWhenShown(shown, state);
  if (!shown) return null;
  return (
    <div
      className="ds-error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      id={idPrefix === "f" ? "feil" : `${idPrefix}-feil`}
    >
      <h2 className="ds-heading" data-size="xs">
        {t("form.errorSummary")}
      </h2>
      <ul className="ds-list">
        {state?.message ? <li>{t(state.message as MessageKey)}</li> : null}
        {entries
          .filter(([field]) => field !== "form")
          .map(([field, key]) => (
            <li key={field}>
              <a className="ds-link" href={`#${idPrefix}-${field}`}>
                {labelFor?.(field) ? `${labelFor(field)}: ` : ""}
                {t(key as MessageKey)}
              </a>
            </li>
          ))}
      </ul>
    </div>
  );
}

/**
 * On a page with JavaScript, a form sent and refused leaves the reader where the button was: the
 * summary of what to fix takes the focus (and so scrolls into view) each time it is shown anew.
 */
function useFocusWhenShown(shown: boolean, cause: unknown) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer from the server (cause) is what moves the focus
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, cause]);
  return ref;
}

export function Notice({
  children,
  color = "success",
}: {
  children: ReactNode;
  color?: "success" | "info" | "warning" | "danger";
}) {
  return (
    <div className="ds-alert" data-color={color} role={color === "danger" ? "alert" : "status"}>
      {children}
    </div>
  );
}

/** The outcome of a page action: what was done, or why it was not. */
export function ActionNotice({
  result,
}: {
  result?: { done?: string; message?: string; email?: string } | null;
}) {
  const t = useT();
  if (result?.done) return <Notice>{t(result.done as MessageKey, { email: result.email ?? "" })}</Notice>;
  if (result?.message && !("errors" in result))
    return <Notice color="warning">{t(result.message as MessageKey)}</Notice>;
  return null;
}

/**
 * Name, e-mail and a new password: the form that makes an account, for someone registering and
 * for the platform's first administrator. The server checks it with `ZNewAccountForm`.
 */
export function NewAccountForm({ state, submitLabel }: { state?: FormState | null; submitLabel: string }) {
  const t = useT();
  return (
    <Form method="post" className="stack" noValidate>
      <Field name="name" label={t("field.fullName")} autoComplete="name" state={state} required />
      <Field
        name="email"
        type="email"
        label={t("field.email")}
        autoComplete="username"
        state={state}
        required
      />
      <NewPasswordFields state={state} />
      <div>
        <button type="submit" className="ds-button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

/** A new password typed twice, with the rules shown; used wherever an account gets a password. */
export function NewPasswordFields({ state }: { state?: FormState | null }) {
  const t = useT();
  return (
    <>
      <Field
        name="password"
        type="password"
        label={t("field.newPassword")}
        description={t("password.rules")}
        autoComplete="new-password"
        state={state}
        required
      />
      <Field
        name="password2"
        type="password"
        label={t("field.repeatPassword")}
        autoComplete="new-password"
        state={state}
        required
      />
    </>
  );
}

/**
 * A small button that posts one action about one row of a list or table («Fjern», «Trekk
 * tilbake» …): the intent and the row's fields as hidden inputs, and for screen readers the name
 * of what it acts on after the visible label. Works without JavaScript.
 */
export function RowAction(props: {
  intent: string;
  fields: Record<string, string>;
  label: string;
  /** What the action is about, read out after the label (the row's name). */
  about?: string;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={props.intent} />
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm">
        {props.label}
        {props.about ? <span className="ds-sr-only"> {props.about}</span> : null}
      </button>
    </Form>
  );
}

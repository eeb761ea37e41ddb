import { Form } from "react-router";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { ErrorSummary, Field, type FormState, SelectField } from "./form.tsx";

export interface InviteOption {
  organisationId: string;
  organisationName: string;
  roles: string[];
}

/** Invite someone by email to one of the organisations the user may invite to. */
export function InviteForm({ options, state }: { options: InviteOption[]; state?: FormState | null }) {
  const t = useT();
  const choices = options.flatMap((o) =>
    o.roles.map((role) => ({
      value: `${o.organisationId}|${role}`,
      label: `${t(`role.${role}` as MessageKey)} – ${o.organisationName}`,
    })),
  );
  if (choices.length === 0) return null;
  const errors = state?.errors
    ? {
        ...state.errors,
        ...(state.errors.role || state.errors.organisationId
          ? { target: state.errors.role ?? state.errors.organisationId }
          : {}),
      }
    : undefined;
  const shown = state ? { ...state, errors } : state;
  return (
    <Form method="post" className="stack narrow" noValidate>
      <input type="hidden" name="intent" value="invite" />
      <ErrorSummary state={shown} idPrefix="inv" />
      <Field
        idPrefix="inv"
        name="email"
        type="email"
        label={t("field.email")}
        state={shown}
        required
        autoComplete="off"
      />
      <Field idPrefix="inv" name="name" label={t("field.nameOptional")} state={shown} autoComplete="off" />
      <SelectField
        idPrefix="inv"
        name="target"
        label={t("invite.roleAndPlace")}
        options={choices}
        state={shown}
      />
      <div>
        <button type="submit" className="ds-button">
          {t("invite.submit")}
        </button>
      </div>
    </Form>
  );
}

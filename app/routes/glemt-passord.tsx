import { data, Form } from "react-router";
import { ErrorSummary, Field, type FormState, Notice } from "../components/form.tsx";
import { ZResetRequestForm } from "../features/auth/schemas.ts";
import { requestPasswordReset } from "../features/auth/sign-in.server.ts";
import { useT } from "../i18n/use-t.ts";
import { parseForm } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { getRequestInfo, getServices, readForm } from "../lib/route.server.ts";
import type { Route } from "./+types/glemt-passord";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "forgot.title");

export async function action({ request, context }: Route.ActionArgs) {
  const { ip } = getRequestInfo(context);
  const parsed = parseForm(ZResetRequestForm, await readForm(request));
  if (!parsed.ok)
    return data<FormState & { sent?: boolean }>(
      { errors: parsed.errors, values: parsed.values },
      { status: 400 },
    );
  const result = await requestPasswordReset(getServices(context), { email: parsed.data.email, ip });
  if (result === "rate-limited") {
    return data<FormState & { sent?: boolean }>(
      { message: "login.rateLimitedShort", values: parsed.values },
      { status: 429 },
    );
  }
  return { sent: true } as FormState & { sent?: boolean };
}

export default function GlemtPassord({ actionData }: Route.ComponentProps) {
  const t = useT();
  const state = actionData as (FormState & { sent?: boolean }) | undefined;
  return (
    <div className="narrow stack">
      <h1 className="ds-heading" data-size="lg">
        {t("forgot.title")}
      </h1>
      {state?.sent ? (
        <Notice>{t("forgot.sent")}</Notice>
      ) : (
        <>
          <p className="ds-paragraph">{t("forgot.lead")}</p>
          <ErrorSummary state={state} />
          <Form method="post" className="stack" noValidate>
            <Field
              name="email"
              type="email"
              label={t("field.email")}
              autoComplete="username"
              state={state}
              required
            />
            <div>
              <button type="submit" className="ds-button">
                {t("forgot.submit")}
              </button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}

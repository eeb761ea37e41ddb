import { data, Form, Link, redirect } from "react-router";
import { ErrorSummary, Field, type FormState, Notice } from "../components/form.tsx";
import { SsoButtons } from "../components/sso-buttons.tsx";
import { ZLoginForm } from "../features/auth/schemas.ts";
import { signIn } from "../features/auth/sign-in.server.ts";
import { ssoErrorMessage } from "../features/auth/sso.server.ts";
import { useT } from "../i18n/use-t.ts";
import { parseForm } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { getRequestInfo, getServices, getT, loadActor, readForm, safeNext } from "../lib/route.server.ts";
import type { Route } from "./+types/logg-inn";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "login.title");

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await loadActor(context, request);
  const url = new URL(request.url);
  if (actor) throw redirect(safeNext(url.searchParams.get("neste")));
  return {
    next: safeNext(url.searchParams.get("neste"), "/"),
    reset: url.searchParams.get("tilbakestilt") === "1",
    sso: getServices(context).config.sso.map((p) => p.id),
    // A single sign-on that failed comes back here with better-auth's (or the provider's) code.
    ssoError: ssoErrorMessage(url.searchParams.get("error")),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const services = getServices(context);
  const { ip } = getRequestInfo(context);
  const { t } = await getT(context, request);
  const form = await readForm(request);
  const parsed = parseForm(ZLoginForm, form);
  if (!parsed.ok) return data<FormState>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await signIn(services, { email: parsed.data.email, password: parsed.data.password, ip });
  if (!result.ok) {
    const message =
      result.reason === "rate-limited"
        ? t("login.rateLimited", { seconds: result.retryAfter ?? 60 })
        : result.reason === "unverified"
          ? t("login.unverified")
          : t("login.invalid");
    return data<FormState>(
      { errors: { form: "login.failed" }, values: parsed.values, message },
      { status: result.reason === "rate-limited" ? 429 : 401 },
    );
  }
  const headers = new Headers();
  for (const cookie of result.cookies) headers.append("Set-Cookie", cookie);
  return redirect(safeNext(form.get("neste")), { status: 303, headers });
}

export default function LoggInn({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const state = actionData as FormState | undefined;
  return (
    <div className="narrow">
      <h1 className="ds-heading" data-size="lg">
        {t("login.title")}
      </h1>
      {loaderData.reset ? <Notice>{t("reset.done")}</Notice> : null}
      {loaderData.ssoError && !state ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{t(loaderData.ssoError)}</p>
        </div>
      ) : null}
      <SsoButtons providers={loaderData.sso} next={loaderData.next} />
      {loaderData.sso.length > 0 ? (
        <h2 className="ds-heading" data-size="2xs">
          {t("sso.emailLead")}
        </h2>
      ) : null}
      {state?.message ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{state.message}</p>
        </div>
      ) : (
        <ErrorSummary state={state} />
      )}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="neste" value={loaderData.next} />
        <Field
          name="email"
          type="email"
          label={t("field.email")}
          autoComplete="username"
          state={state}
          required
        />
        <Field
          name="password"
          type="password"
          label={t("field.password")}
          autoComplete="current-password"
          state={state}
          required
        />
        <div>
          <button type="submit" className="ds-button">
            {t("login.submit")}
          </button>
        </div>
      </Form>
      <ul className="ds-list link-list">
        <li>
          <Link className="ds-link" to="/glemt-passord">
            {t("login.forgot")}
          </Link>
        </li>
        <li>
          <Link className="ds-link" to="/registrer">
            {t("login.register")}
          </Link>
        </li>
      </ul>
    </div>
  );
}

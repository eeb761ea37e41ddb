import { data, Link, redirect } from "react-router";
import { ErrorSummary, type FormState, NewAccountForm, Notice } from "../components/form.tsx";
import { findUserByEmail } from "../features/auth/accounts.server.ts";
import { ZNewAccountForm } from "../features/auth/schemas.ts";
import { signUp } from "../features/auth/sign-in.server.ts";
import { useT } from "../i18n/use-t.ts";
import { parseForm } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { getRequestInfo, getServices, getT, loadActor, readForm } from "../lib/route.server.ts";
import type { Route } from "./+types/registrer";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "register.title");

export async function loader({ request, context }: Route.LoaderArgs) {
  if (await loadActor(context, request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const services = getServices(context);
  const { ip } = getRequestInfo(context);
  const { locale } = await getT(context, request);
  const parsed = parseForm(ZNewAccountForm, await readForm(request));
  if (!parsed.ok)
    return data<FormState & { sent?: string }>(
      { errors: parsed.errors, values: parsed.values },
      { status: 400 },
    );
  // better-auth answers a duplicate quietly; people registering deserve a clear word instead.
  const taken = await findUserByEmail(services, parsed.data.email);
  const result = taken
    ? ({ ok: false, reason: "taken" } as const)
    : await signUp(services, { ...parsed.data, locale, ip });
  if (!result.ok) {
    const key =
      result.reason === "taken"
        ? "error.email.taken"
        : result.reason === "rate-limited"
          ? "login.rateLimitedShort"
          : "error.generic";
    return data<FormState & { sent?: string }>(
      {
        errors: result.reason === "taken" ? { email: key } : {},
        message: result.reason === "taken" ? undefined : key,
        values: parsed.values,
      },
      { status: result.reason === "rate-limited" ? 429 : 400 },
    );
  }
  return { sent: parsed.data.email } as FormState & { sent?: string };
}

export default function Registrer({ actionData }: Route.ComponentProps) {
  const t = useT();
  const state = actionData as (FormState & { sent?: string }) | undefined;
  if (state?.sent) {
    return (
      <div className="narrow stack">
        <h1 className="ds-heading" data-size="lg">
          {t("register.title")}
        </h1>
        <Notice>{t("register.checkEmail", { email: state.sent })}</Notice>
      </div>
    );
  }
  return (
    <div className="narrow stack">
      <h1 className="ds-heading" data-size="lg">
        {t("register.title")}
      </h1>
      <p className="ds-paragraph">{t("register.lead")}</p>
      <ErrorSummary state={state} />
      <NewAccountForm state={state} submitLabel={t("register.submit")} />
      <p className="ds-paragraph">
        <Link className="ds-link" to="/logg-inn">
          {t("register.haveAccount")}
        </Link>
      </p>
    </div>
  );
}

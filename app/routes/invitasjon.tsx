import { data, Form, Link, redirect } from "react-router";
import { ErrorSummary, Field, type FormState, NewPasswordFields, Notice } from "../components/form.tsx";
import { SsoButtons } from "../components/sso-buttons.tsx";
import { createVerifiedAccount, EmailTakenError, findUserByEmail } from "../features/auth/accounts.server.ts";
import { ZNewAccountForm } from "../features/auth/schemas.ts";
import { signIn } from "../features/auth/sign-in.server.ts";
import { acceptInvitation, findInvitation } from "../features/orgs/invitations.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { parseForm } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { getRequestInfo, getServices, getT, loadActor, ORG_COOKIE, readForm } from "../lib/route.server.ts";
import type { Route } from "./+types/invitasjon";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "invitation.title");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const services = getServices(context);
  const { state, invitation } = await findInvitation(services.db, params.token);
  if (state !== "valid" || !invitation)
    return { state, invitation: null, mode: null, actorEmail: null, sso: [], path: "" };
  const actor = await loadActor(context, request);
  const existing = await findUserByEmail(services, invitation.email);
  const mode = actor ? "accept-logged-in" : existing ? "login" : "create";
  return {
    state,
    invitation: {
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      organisation: invitation.organisation_name,
    },
    mode,
    actorEmail: actor?.email ?? null,
    // Signing in with Feide or Entra ID comes back here, signed in, to accept (decision 023).
    sso: actor ? [] : services.config.sso.map((p) => p.id),
    path: new URL(request.url).pathname,
  };
}

const orgCookie = (organisationId: string) =>
  `${ORG_COOKIE}=${organisationId}; Path=/; HttpOnly; SameSite=Lax`;

/**
 * Accepting links the role to the account: a new account (the link proves the email address),
 * the account of the signed-in user, or an existing account after its password is given.
 */
export async function action({ request, context, params }: Route.ActionArgs) {
  const services = getServices(context);
  const { ip } = getRequestInfo(context);
  const { locale } = await getT(context, request);
  const { state, invitation } = await findInvitation(services.db, params.token);
  if (state !== "valid" || !invitation)
    return data<FormState>({ message: `invitation.state.${state}` }, { status: 410 });
  const form = await readForm(request);
  const actor = await loadActor(context, request);
  const headers = new Headers({ "Set-Cookie": orgCookie(invitation.organisation_id) });

  if (actor) {
    if (!(await acceptInvitation(services.db, { invitationId: invitation.id, userId: actor.userId }))) {
      return data<FormState>({ message: "invitation.state.used" }, { status: 410 });
    }
    return redirect("/organisasjon", { status: 303, headers });
  }

  const existing = await findUserByEmail(services, invitation.email);
  if (existing) {
    const password = String(form.get("password") ?? "");
    const result = await signIn(services, { email: invitation.email, password, ip });
    if (!result.ok) {
      return data<FormState>(
        {
          errors: {
            password: result.reason === "rate-limited" ? "login.rateLimitedShort" : "login.invalidShort",
          },
        },
        { status: 401 },
      );
    }
    await acceptInvitation(services.db, { invitationId: invitation.id, userId: existing.id });
    for (const cookie of result.cookies) headers.append("Set-Cookie", cookie);
    return redirect("/organisasjon", { status: 303, headers });
  }

  form.set("email", invitation.email);
  const parsed = parseForm(ZNewAccountForm, form);
  if (!parsed.ok) return data<FormState>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    const userId = await createVerifiedAccount(services, { ...parsed.data, locale });
    if (!(await acceptInvitation(services.db, { invitationId: invitation.id, userId }))) {
      return data<FormState>({ message: "invitation.state.used" }, { status: 410 });
    }
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return data<FormState>(
        { errors: { email: "error.email.taken" }, values: parsed.values },
        { status: 409 },
      );
    }
    throw error;
  }
  const result = await signIn(services, { email: invitation.email, password: parsed.data.password, ip });
  if (result.ok) for (const cookie of result.cookies) headers.append("Set-Cookie", cookie);
  return redirect(result.ok ? "/organisasjon" : "/logg-inn", { status: 303, headers });
}

export default function Invitasjon({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const state = actionData as FormState | undefined;
  const { invitation, mode } = loaderData;
  if (!invitation || state?.message) {
    const key = (state?.message ?? `invitation.state.${loaderData.state}`) as MessageKey;
    return (
      <div className="narrow stack">
        <h1 className="ds-heading" data-size="lg">
          {t("invitation.title")}
        </h1>
        <Notice color="warning">{t(key)}</Notice>
        <p className="ds-paragraph">
          <Link className="ds-link" to="/logg-inn">
            {t("nav.login")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow stack">
      <h1 className="ds-heading" data-size="lg">
        {t("invitation.title")}
      </h1>
      <p className="ds-paragraph">
        {t("invitation.lead", {
          organisation: invitation.organisation,
          role: t(`role.${invitation.role}` as MessageKey),
        })}
      </p>
      <ErrorSummary state={state} />
      <SsoButtons providers={loaderData.sso} next={loaderData.path} note={t("sso.invitationNote")} />
      <Form method="post" className="stack" noValidate>
        {mode === "accept-logged-in" ? (
          <p className="ds-paragraph">{t("invitation.loggedInAs", { email: loaderData.actorEmail ?? "" })}</p>
        ) : mode === "login" ? (
          <>
            <p className="ds-paragraph">{t("invitation.existingAccount", { email: invitation.email })}</p>
            <Field
              name="password"
              type="password"
              label={t("field.password")}
              autoComplete="current-password"
              state={state}
            />
          </>
        ) : (
          <>
            <p className="ds-paragraph">{t("invitation.createAccount", { email: invitation.email })}</p>
            <input type="hidden" name="email" value={invitation.email} autoComplete="username" />
            <Field
              name="name"
              label={t("field.fullName")}
              autoComplete="name"
              state={state}
              defaultValue={invitation.name ?? ""}
              required
            />
            <NewPasswordFields state={state} />
          </>
        )}
        <div>
          <button type="submit" className="ds-button">
            {t("invitation.accept")}
          </button>
        </div>
      </Form>
    </div>
  );
}

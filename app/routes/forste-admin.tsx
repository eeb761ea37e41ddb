import { data, Link, redirect } from "react-router";
import { ErrorSummary, type FormState, NewAccountForm, Notice } from "../components/form.tsx";
import { findUserByEmail } from "../features/auth/accounts.server.ts";
import { ZNewAccountForm } from "../features/auth/schemas.ts";
import { createFirstAdmin, isSetupTokenValid } from "../features/setup/first-admin.server.ts";
import { useT } from "../i18n/use-t.ts";
import { parseForm } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { getServices, getT, readForm } from "../lib/route.server.ts";
import type { Route } from "./+types/forste-admin";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "firstAdmin.title");

export async function loader({ params, context }: Route.LoaderArgs) {
  return { valid: await isSetupTokenValid(getServices(context).db, params.token) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const services = getServices(context);
  const { locale } = await getT(context, request);
  if (!(await isSetupTokenValid(services.db, params.token))) {
    return data<FormState>({ message: "firstAdmin.invalid" }, { status: 410 });
  }
  const parsed = parseForm(ZNewAccountForm, await readForm(request));
  if (!parsed.ok) return data<FormState>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  if (await findUserByEmail(services, parsed.data.email)) {
    return data<FormState>(
      { errors: { email: "error.email.taken" }, values: parsed.values },
      { status: 409 },
    );
  }
  const created = await createFirstAdmin(services, { token: params.token, ...parsed.data, locale });
  if (!created) return data<FormState>({ message: "firstAdmin.invalid" }, { status: 410 });
  return redirect("/logg-inn?neste=/admin", { status: 303 });
}

export default function ForsteAdmin({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const state = actionData as FormState | undefined;
  if (!loaderData.valid || state?.message === "firstAdmin.invalid") {
    return (
      <div className="narrow stack">
        <h1 className="ds-heading" data-size="lg">
          {t("firstAdmin.title")}
        </h1>
        <Notice color="warning">{t("firstAdmin.invalid")}</Notice>
        <Link className="ds-link" to="/logg-inn">
          {t("nav.login")}
        </Link>
      </div>
    );
  }
  return (
    <div className="narrow stack">
      <h1 className="ds-heading" data-size="lg">
        {t("firstAdmin.title")}
      </h1>
      <p className="ds-paragraph">{t("firstAdmin.lead")}</p>
      <ErrorSummary state={state} />
      <NewAccountForm state={state} submitLabel={t("firstAdmin.submit")} />
    </div>
  );
}

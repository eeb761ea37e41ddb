import { data, Form, Link, redirect } from "react-router";
import { ErrorSummary, type FormState, NewPasswordFields, Notice } from "../components/form.tsx";
import { ZResetForm } from "../features/auth/schemas.ts";
import { useT } from "../i18n/use-t.ts";
import { parseForm } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { getServices, readForm } from "../lib/route.server.ts";
import type { Route } from "./+types/nytt-passord";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "reset.title");

export function loader({ request }: Route.LoaderArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const parsed = parseForm(ZResetForm, await readForm(request));
  if (!parsed.ok) return data<FormState>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    await (await getServices(context).auth()).api.resetPassword({
      body: { newPassword: parsed.data.password, token: parsed.data.token },
    });
  } catch {
    // better-auth deletes a token once used, and refuses an expired one.
    return data<FormState>({ message: "reset.invalidLink" }, { status: 410 });
  }
  return redirect("/logg-inn?tilbakestilt=1", { status: 303 });
}

export default function NyttPassord({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const state = actionData as FormState | undefined;
  if (!loaderData.token || state?.message === "reset.invalidLink") {
    return (
      <div className="narrow stack">
        <h1 className="ds-heading" data-size="lg">
          {t("reset.title")}
        </h1>
        <Notice color="warning">{t("reset.invalidLink")}</Notice>
        <p className="ds-paragraph">
          <Link className="ds-link" to="/glemt-passord">
            {t("reset.again")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow stack">
      <h1 className="ds-heading" data-size="lg">
        {t("reset.title")}
      </h1>
      <ErrorSummary state={state} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="token" value={loaderData.token} />
        <NewPasswordFields state={state} />
        <div>
          <button type="submit" className="ds-button">
            {t("reset.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}

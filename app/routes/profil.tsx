import { Form, redirect } from "react-router";
import { Notice } from "../components/form.tsx";
import { setUserLocale } from "../features/auth/accounts.server.ts";
import { isLocale, type Locale, localeCookie, locales } from "../i18n/locales.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { getServices, readForm, requireActor } from "../lib/route.server.ts";
import type { Route } from "./+types/profil";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "profile.title");

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request);
  const services = getServices(context);
  const sessions = await services.db
    .selectFrom("session")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("userId", "=", actor.userId)
    .executeTakeFirst();
  return {
    name: actor.name,
    email: actor.email,
    locale: actor.locale,
    sessionCount: Number(sessions?.n ?? 0),
    memberships: actor.memberships.map((m) => ({ id: m.id, role: m.role, organisation: m.organisationName })),
    saved: new URL(request.url).searchParams.get("lagret") === "1",
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = await requireActor(context, request);
  const form = await readForm(request);
  const locale = form.get("locale");
  if (!isLocale(locale)) return { error: "error.generic" as const };
  await setUserLocale(getServices(context), actor.userId, locale);
  return redirect("/profil?lagret=1", { status: 303, headers: { "Set-Cookie": localeCookie(locale) } });
}

const LANGUAGE_LABEL: Record<Locale, MessageKey> = {
  nb: "language.nb",
  nn: "language.nn",
  en: "language.en",
};

export default function Profil({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack-lg narrow">
      <h1 className="ds-heading" data-size="lg">
        {t("profile.title")}
      </h1>
      {loaderData.saved ? <Notice>{t("profile.saved")}</Notice> : null}
      <dl className="facts">
        <dt>{t("field.name")}</dt>
        <dd>{loaderData.name}</dd>
        <dt>{t("field.email")}</dt>
        <dd>{loaderData.email}</dd>
      </dl>
      <section aria-labelledby="roles-heading" className="stack">
        <h2 id="roles-heading" className="ds-heading" data-size="sm">
          {t("overview.rolesHeading")}
        </h2>
        <ul className="ds-list">
          {loaderData.memberships.map((m) => (
            <li key={m.id}>
              {m.organisation}: {t(`role.${m.role}` as MessageKey)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="lang-heading" className="stack">
        <h2 id="lang-heading" className="ds-heading" data-size="sm">
          {t("profile.language")}
        </h2>
        <Form method="post" className="stack" reloadDocument>
          <fieldset className="ds-fieldset">
            <legend className="ds-sr-only">{t("profile.language")}</legend>
            {locales.map((l) => (
              <div className="ds-field" key={l}>
                <input
                  className="ds-input"
                  type="radio"
                  name="locale"
                  id={`locale-${l}`}
                  value={l}
                  defaultChecked={(loaderData.locale ?? "nb") === l}
                />
                <label className="ds-label" htmlFor={`locale-${l}`} data-weight="regular">
                  {t(LANGUAGE_LABEL[l])}
                </label>
              </div>
            ))}
          </fieldset>
          <div>
            <button type="submit" className="ds-button" data-variant="secondary">
              {t("profile.saveLanguage")}
            </button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="sessions-heading" className="stack">
        <h2 id="sessions-heading" className="ds-heading" data-size="sm">
          {t("profile.sessions")}
        </h2>
        <p className="ds-paragraph">{t("profile.sessionCount", { count: loaderData.sessionCount })}</p>
        <Form method="post" action="/logg-ut">
          <input type="hidden" name="intent" value="alle" />
          <button type="submit" className="ds-button" data-variant="secondary">
            {t("profile.logoutEverywhere")}
          </button>
        </Form>
      </section>
    </div>
  );
}

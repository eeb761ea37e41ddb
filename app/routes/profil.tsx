import { useEffect, useState } from "react";
import { data, Form, redirect } from "react-router";
import { ChoiceGroup, ErrorSummary, Field, Notice } from "../components/form.tsx";
import { TOKEN_DAYS, ZNewApiToken } from "../features/api/schemas.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "../features/api/tokens.server.ts";
import { setUserLocale } from "../features/auth/accounts.server.ts";
import { isLocale, type Locale, localeCookie, locales } from "../i18n/locales.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { parseForm } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { getServices, notFound, readForm, requireActor } from "../lib/route.server.ts";
import { formatDate, formatMoment } from "../lib/time.ts";
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
  const params = new URL(request.url).searchParams;
  return {
    name: actor.name,
    email: actor.email,
    locale: actor.locale,
    sessionCount: Number(sessions?.n ?? 0),
    memberships: actor.memberships.map((m) => ({ id: m.id, role: m.role, organisation: m.organisationName })),
    saved: params.get("lagret") === "1",
    tokenRevoked: params.get("nokkel") === "trukket",
    tokens: (await listApiTokens(services.db, actor.userId)).map((k) => ({
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      createdAt: k.created_at,
      lastUsedAt: k.last_used_at,
      expiresAt: k.expires_at,
      expired: k.expired,
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = await requireActor(context, request);
  const form = await readForm(request);
  const services = getServices(context);
  const intent = form.get("intent");
  if (intent === "create-token") {
    const parsed = parseForm(ZNewApiToken, form);
    if (!parsed.ok)
      return data({ intent, errors: parsed.errors, values: parsed.values, created: null }, { status: 400 });
    const result = await createApiToken(services.db, {
      userId: actor.userId,
      name: parsed.data.navn,
      days: Number(parsed.data.varighet),
    });
    if (!result.ok)
      return data(
        { intent, errors: {}, values: parsed.values, message: "apiToken.limit", created: null },
        { status: 400 },
      );
    // The token is in this answer alone: it is not stored, and not shown again.
    return data(
      { intent, errors: {}, values: {}, created: { name: parsed.data.navn, token: result.token } },
      { headers: { "Cache-Control": "no-store" } },
    );
  }
  if (intent === "revoke-token") {
    const id = form.get("id");
    if (typeof id !== "string" || (await revokeApiToken(services.db, actor.userId, id)) === "not-found")
      notFound();
    return redirect("/profil?nokkel=trukket#api-nokler", 303);
  }
  const locale = form.get("locale");
  if (!isLocale(locale)) return { error: "error.generic" as const };
  await setUserLocale(services, actor.userId, locale);
  return redirect("/profil?lagret=1", { status: 303, headers: { "Set-Cookie": localeCookie(locale) } });
}

const LANGUAGE_LABEL: Record<Locale, MessageKey> = {
  nb: "language.nb",
  nn: "language.nn",
  en: "language.en",
};

export default function Profil({ loaderData, actionData }: Route.ComponentProps) {
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
      <ApiTokens
        tokens={loaderData.tokens}
        revoked={loaderData.tokenRevoked}
        result={actionData && "intent" in actionData ? actionData : null}
      />
    </div>
  );
}

type TokenResult = {
  errors?: Record<string, string>;
  values?: Record<string, string>;
  message?: string;
  created?: { name: string; token: string } | null;
};

/** «API-nøkler»: make a token (shown once), see the ones that work, revoke one. Works without JavaScript. */
function ApiTokens({
  tokens,
  revoked,
  result,
}: {
  tokens: Route.ComponentProps["loaderData"]["tokens"];
  revoked: boolean;
  result?: TokenResult | null;
}) {
  const t = useT();
  const locale = useLocale();
  const created = result?.created ?? null;
  const state = result && !created ? result : null;
  return (
    <section aria-labelledby="api-nokler" className="stack">
      <h2 id="api-nokler" className="ds-heading" data-size="sm" tabIndex={-1}>
        {t("apiToken.heading")}
      </h2>
      <p className="ds-paragraph">{t("apiToken.lead")}</p>
      <p className="ds-paragraph">
        <a className="ds-link" href="/api/v1/openapi.json">
          {t("apiToken.docs")}
        </a>
      </p>
      {revoked ? <Notice>{t("apiToken.revoked")}</Notice> : null}
      {created ? <CreatedToken name={created.name} token={created.token} /> : null}
      <h3 className="ds-heading" data-size="xs" id="api-nokler-liste">
        {t("apiToken.listHeading")}
      </h3>
      {tokens.length === 0 ? (
        <p className="ds-paragraph">{t("apiToken.none")}</p>
      ) : (
        <ul className="token-list" aria-labelledby="api-nokler-liste">
          {tokens.map((k) => (
            <li key={k.id} className="ds-card stack-sm">
              <h4 className="ds-heading" data-size="2xs">
                {k.name}
              </h4>
              <dl className="facts">
                <dt>{t("apiToken.col.start")}</dt>
                <dd>
                  <code>{k.prefix}…</code>
                </dd>
                <dt>{t("apiToken.col.created")}</dt>
                <dd>{formatDate(k.createdAt, locale)}</dd>
                <dt>{t("apiToken.col.lastUsed")}</dt>
                <dd>{k.lastUsedAt ? formatMoment(k.lastUsedAt, locale) : t("apiToken.neverUsed")}</dd>
                <dt>{t("apiToken.col.expires")}</dt>
                <dd>
                  {k.expired
                    ? t("apiToken.expired", { date: formatDate(k.expiresAt, locale) })
                    : formatDate(k.expiresAt, locale)}
                </dd>
              </dl>
              <Form method="post" action="/profil#api-nokler">
                <input type="hidden" name="intent" value="revoke-token" />
                <input type="hidden" name="id" value={k.id} />
                <button
                  type="submit"
                  className="ds-button"
                  data-variant="secondary"
                  data-size="sm"
                  aria-label={t("apiToken.revokeLabel", { name: k.name })}
                >
                  {t("apiToken.revoke")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {tokens.some((k) => k.expired) ? <p className="ds-paragraph">{t("apiToken.expiredKept")}</p> : null}
      <h3 className="ds-heading" data-size="xs" id="ny-nokkel">
        {t("apiToken.newHeading")}
      </h3>
      {/* A new form after each token made, so the fields start empty again. */}
      <Form
        key={created ? `${created.name}-${tokens.length}` : "ny"}
        method="post"
        action="/profil#api-nokler"
        className="stack"
        noValidate
        aria-labelledby="ny-nokkel"
      >
        <ErrorSummary state={state} idPrefix="nokkel" />
        <input type="hidden" name="intent" value="create-token" />
        <Field
          name="navn"
          idPrefix="nokkel"
          label={t("apiToken.name")}
          description={t("apiToken.nameHelp")}
          state={state}
          required
        />
        <ChoiceGroup
          name="varighet"
          idPrefix="nokkel"
          type="radio"
          legend={t("apiToken.days")}
          options={TOKEN_DAYS.map((d) => ({ value: d, label: t(`apiToken.days.${d}`) }))}
          chosen={[state?.values?.varighet ?? "90"]}
          error={state?.errors?.varighet}
        />
        <div>
          <button type="submit" className="ds-button">
            {t("apiToken.create")}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** The new token, shown this once, with a warning; a copy button once JavaScript runs. */
function CreatedToken({ name, token }: { name: string; token: string }) {
  const t = useT();
  const [scripted, setScripted] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setScripted(true), []);
  return (
    <div className="ds-alert stack-sm" data-color="warning" role="status">
      <h3 className="ds-heading" data-size="xs">
        {t("apiToken.createdHeading", { name })}
      </h3>
      <p className="ds-paragraph" id="ny-api-nokkel-advarsel">
        {t("apiToken.warning")}
      </p>
      <label className="ds-label" htmlFor="ny-api-nokkel">
        {t("apiToken.yourToken")}
      </label>
      <textarea
        id="ny-api-nokkel"
        className="ds-input token-value"
        readOnly
        rows={3}
        value={token}
        spellCheck={false}
        autoComplete="off"
        aria-describedby="ny-api-nokkel-advarsel"
        onFocus={(e) => e.currentTarget.select()}
      />
      {scripted ? (
        <p className="button-row">
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            onClick={() => navigator.clipboard?.writeText(token).then(() => setCopied(true))}
          >
            {t("apiToken.copy")}
          </button>
          <span aria-live="polite">{copied ? t("apiToken.copied") : ""}</span>
        </p>
      ) : null}
    </div>
  );
}

import { data, Link } from "react-router";
import { ActionNotice, RowAction } from "../components/form.tsx";
import { assignmentsForUser } from "../features/learning/assignments.server.ts";
import { listCertificates, setCertificatePublic } from "../features/learning/certificates.server.ts";
import { resolveLearner } from "../features/learning/learner.server.ts";
import { listModules } from "../features/learning/modules.server.ts";
import { listCompletions } from "../features/learning/progress.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useContentLang, useLocale, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { getServices, localeFor, readForm, requireActor } from "../lib/route.server.ts";
import { dayInNorway, formatDate } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/kompetanse";

/** Course pages are plain HTML: no JavaScript on a learner's phone. */
export const handle: RouteHandle = { hydrate: false, sharedWhenAnonymous: true };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "learning.title");

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { actor, learner, headers } = await resolveLearner(context, request, false);
  const completions = await listCompletions(db, learner?.key ?? null);
  const locale = localeFor(request, actor);
  return data(
    {
      packages: listModules(locale).map((p) => ({
        ...p,
        modules: p.modules.map((m) => ({ ...m, done: completions.get(`${p.pkg}/${m.mod}`) ?? null })),
      })),
      englishNote: locale === "en",
      assigned: actor
        ? (await assignmentsForUser(db, actor.userId)).map((a) => ({
            id: a.id,
            pkg: a.package,
            mod: a.module,
            due: a.due_date,
            done: Boolean(a.completed_at),
          }))
        : [],
      certificates: actor
        ? (await listCertificates(db, actor.userId)).map((c) => ({
            code: c.code,
            pkg: c.package,
            mod: c.module,
            issuedAt: dayInNorway(c.issued_at),
            public: c.public === 1,
          }))
        : null,
    },
    { headers },
  );
}

/** The holder turns public verification of a certificate on or off. */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = await requireActor(context, request);
  const form = await readForm(request);
  if (form.get("intent") !== "certificate-visibility") throw data(null, { status: 400 });
  const visible = form.get("public") === "1";
  await setCertificatePublic(getServices(context).db, actor.userId, String(form.get("code") ?? ""), visible);
  return { done: (visible ? "certificate.madePublic" : "certificate.madePrivate") as MessageKey };
}

export default function Kompetanse({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const contentLang = useContentLang();
  const locale = useLocale();
  return (
    <div className="stack-lg">
      <div className="stack">
        <h1 className="ds-heading" data-size="lg">
          {t("learning.title")}
        </h1>
        <p className="ds-paragraph" data-size="lg">
          {t("learning.lead")}
        </p>
        {loaderData.englishNote ? <p className="ds-paragraph">{t("learning.norwegianOnly")}</p> : null}
      </div>
      <ActionNotice result={actionData} />
      {loaderData.assigned.length > 0 ? (
        <section aria-labelledby="assigned-heading" className="stack">
          <h2 id="assigned-heading" className="ds-heading" data-size="md">
            {t("assignment.yours")}
          </h2>
          <ul className="ds-list">
            {loaderData.assigned.map((a) => (
              <li key={a.id}>
                <Link className="ds-link" to={`/kompetanse/${a.pkg}/${a.mod}`}>
                  {t(`learning.package.${a.pkg}` as MessageKey)},{" "}
                  {t("learning.moduleNumber", { number: a.mod })}
                </Link>{" "}
                – {a.done ? t("learning.done") : t("assignment.yourDue", { date: formatDate(a.due, locale) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {loaderData.packages.map((p) => (
        <section key={p.pkg} aria-labelledby={`pkg-${p.pkg}`} className="stack">
          <h2 id={`pkg-${p.pkg}`} className="ds-heading" data-size="md">
            {t(`learning.package.${p.pkg}` as MessageKey)}
          </h2>
          <p className="ds-paragraph">{t(`learning.package.${p.pkg}.lead` as MessageKey)}</p>
          {p.modules.length === 0 ? (
            <p className="ds-paragraph">{t("learning.noModules")}</p>
          ) : (
            <ol className="card-grid module-list">
              {p.modules.map((m) => (
                <li key={m.mod} className="ds-card">
                  <p className="ds-paragraph eyebrow">
                    {t("learning.moduleNumber", { number: m.mod })} ·{" "}
                    {t(`learning.audience.${m.audience}` as MessageKey)}
                  </p>
                  <h3 className="ds-heading" data-size="xs" lang={contentLang}>
                    <Link className="ds-link" to={`/kompetanse/${p.pkg}/${m.mod}`}>
                      {m.title}
                    </Link>
                  </h3>
                  <p className="ds-paragraph" data-size="sm" lang={contentLang}>
                    {m.summary}
                  </p>
                  <p className="ds-paragraph" data-size="sm">
                    {t("learning.minutes", { minutes: m.minutes })}
                    {m.done ? (
                      <>
                        {" · "}
                        <strong>{t(m.done === "gruppe" ? "learning.doneGroup" : "learning.done")}</strong>
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
      {loaderData.certificates ? (
        <section aria-labelledby="cert-heading" className="stack">
          <h2 id="cert-heading" className="ds-heading" data-size="md">
            {t("certificate.yours")}
          </h2>
          {loaderData.certificates.length === 0 ? (
            <p className="ds-paragraph">{t("certificate.none")}</p>
          ) : (
            <ul className="ds-list">
              {loaderData.certificates.map((c) => (
                <li key={c.code} className="stack certificate-row">
                  <span>
                    {t(`learning.package.${c.pkg}` as MessageKey)},{" "}
                    {t("learning.moduleNumber", { number: c.mod })} – {formatDate(c.issuedAt, locale)} –{" "}
                    {t("certificate.code")}: <strong>{c.code}</strong>
                  </span>
                  <span className="row-with-action">
                    <a className="ds-link" href={`/bevis/${c.code}/pdf`} download>
                      {t("certificate.download")}
                    </a>
                    <RowAction
                      intent="certificate-visibility"
                      fields={{ code: c.code, public: c.public ? "0" : "1" }}
                      label={t(c.public ? "certificate.makePrivate" : "certificate.makePublic")}
                    />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        <p className="ds-paragraph">{t("learning.accountHint")}</p>
      )}
    </div>
  );
}

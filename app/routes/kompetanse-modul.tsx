import { data, Form, Link } from "react-router";
import { Notice } from "../components/form.tsx";
import { listHostUnits } from "../features/group/host-units.server.ts";
import { resolveLearner } from "../features/learning/learner.server.ts";
import { getModule, parseModuleParams } from "../features/learning/modules.server.ts";
import { getModuleProgress } from "../features/learning/progress.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useContentLang, useT } from "../i18n/use-t.ts";
import { getServices, localeFor, notFound } from "../lib/route.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/kompetanse-modul";

/** Course pages are plain HTML: no JavaScript on a learner's phone. */
export const handle: RouteHandle = { hydrate: false, sharedWhenAnonymous: true };

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.title ?? "Oppvern"} – Oppvern` },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const where = parseModuleParams(params);
  if (!where) notFound();
  const { actor, learner, headers } = await resolveLearner(context, request, false);
  const module = getModule(where.pkg, where.mod, localeFor(request, actor));
  if (!module) notFound();
  const progress = await getModuleProgress(
    getServices(context).db,
    learner?.key ?? null,
    where.pkg,
    where.mod,
  );
  const next = module.steps.find((s) => !progress.seen.has(s.id));
  return data(
    {
      ...where,
      title: module.title,
      summary: module.summary,
      minutes: module.minutes,
      audience: module.audience,
      steps: module.steps.map((s) => ({
        id: s.id,
        kind: s.kind,
        title: s.title,
        seen: progress.seen.has(s.id),
      })),
      quizCount: module.quiz.length,
      seenCount: progress.seen.size,
      next: next ? next.id : "quiz",
      first: module.steps[0]?.id ?? "quiz",
      completion: progress.completion,
      signedIn: Boolean(actor),
      hostUnits: actor
        ? (await listHostUnits(getServices(context).db, actor)).map((u) => ({ id: u.id, name: u.name }))
        : [],
    },
    { headers },
  );
}

export default function KompetanseModul({ loaderData: m }: Route.ComponentProps) {
  const t = useT();
  const contentLang = useContentLang();
  const base = `/kompetanse/${m.pkg}/${m.mod}`;
  const started = m.seenCount > 0;
  return (
    <div className="stack-lg prose">
      <div className="stack">
        <p className="ds-paragraph eyebrow">
          {t(`learning.package.${m.pkg}` as MessageKey)} · {t("learning.moduleNumber", { number: m.mod })}
        </p>
        <h1 className="ds-heading" data-size="lg" lang={contentLang}>
          {m.title}
        </h1>
        <p className="ds-paragraph" data-size="lg" lang={contentLang}>
          {m.summary}
        </p>
        <p className="ds-paragraph" data-size="sm">
          {t(`learning.audience.${m.audience}` as MessageKey)} ·{" "}
          {t("learning.minutes", { minutes: m.minutes })}
        </p>
        {m.completion ? (
          <Notice>{t(m.completion.mode === "gruppe" ? "learning.doneGroup" : "learning.done")}</Notice>
        ) : null}
        <p>
          {m.completion ? (
            // Done: going through it again starts at the beginning, not at the quiz.
            <Link className="ds-button" data-variant="secondary" to={`${base}/${m.first}`}>
              {t("learning.again")}
            </Link>
          ) : (
            <Link className="ds-button" to={`${base}/${m.next}`}>
              {started ? t("learning.continue") : t("learning.start")}
            </Link>
          )}
        </p>
        {!m.signedIn ? (
          <p className="ds-paragraph" data-size="sm">
            {t("learning.anonymousNote")}
          </p>
        ) : null}
      </div>
      {m.signedIn ? (
        <section aria-labelledby="group-heading" className="stack">
          <h2 id="group-heading" className="ds-heading" data-size="sm">
            {t("group.startTitle")}
          </h2>
          <p className="ds-paragraph">{t("group.startLead")}</p>
          <Form method="post" action="/gruppe" className="stack">
            <input type="hidden" name="pakke" value={m.pkg} />
            <input type="hidden" name="modul" value={m.mod} />
            {m.hostUnits.length > 0 ? (
              <div className="ds-field">
                <label className="ds-label" htmlFor="group-unit">
                  {t("group.unit")}
                </label>
                <select className="ds-input" id="group-unit" name="unitId" defaultValue={m.hostUnits[0]?.id}>
                  {m.hostUnits.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                  <option value="">{t("group.noAttendance")}</option>
                </select>
              </div>
            ) : null}
            <div>
              <button type="submit" className="ds-button" data-variant="secondary">
                {t("group.start")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      <nav aria-labelledby="contents-heading" className="stack">
        <h2 id="contents-heading" className="ds-heading" data-size="sm">
          {t("learning.contents")}
        </h2>
        <ol className="ds-list step-list">
          {m.steps.map((s) => (
            <li key={s.id}>
              <Link className="ds-link" to={`${base}/${s.id}`}>
                {s.title}
              </Link>{" "}
              <span className="step-kind">({t(`learning.kind.${s.kind}` as MessageKey)})</span>
              {s.seen ? <span className="ds-sr-only"> – {t("learning.seen")}</span> : null}
              {s.seen ? <span aria-hidden="true"> ✓</span> : null}
            </li>
          ))}
          <li>
            <Link className="ds-link" to={`${base}/quiz`}>
              {t("learning.quiz")}
            </Link>{" "}
            <span className="step-kind">({t("learning.quizCount", { count: m.quizCount })})</span>
          </li>
        </ol>
      </nav>
    </div>
  );
}

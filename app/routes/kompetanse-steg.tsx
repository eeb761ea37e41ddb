import { data, Form, Link, redirect } from "react-router";
import { RichText } from "../components/rich-text.tsx";
import { resolveLearner } from "../features/learning/learner.server.ts";
import { getModule, parseModuleParams } from "../features/learning/modules.server.ts";
import { markStepSeen } from "../features/learning/progress.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useContentLang, useT } from "../i18n/use-t.ts";
import { getServices, localeFor, notFound } from "../lib/route.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/kompetanse-steg";

/**
 * Course pages are plain HTML: no JavaScript on a learner's phone. A step shows nothing of its
 * reader (progress is kept when they go on), so a visitor without cookies gets a shared copy, like
 * the module page that links to it (app/lib/page-cache.ts).
 */
export const handle: RouteHandle = { hydrate: false, sharedWhenAnonymous: true };

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.step.title ?? "Oppvern"} – ${loaderData?.moduleTitle ?? ""} – Oppvern` },
];

async function loadStep(args: Route.LoaderArgs | Route.ActionArgs, create: boolean) {
  const where = parseModuleParams(args.params);
  if (!where) notFound();
  const resolved = await resolveLearner(args.context, args.request, create);
  const module = getModule(where.pkg, where.mod, localeFor(args.request, resolved.actor));
  const index = module ? module.steps.findIndex((s) => s.id === args.params.steg) : -1;
  if (!module || index < 0) notFound();
  return { ...where, ...resolved, module, index, step: module.steps[index] };
}

export async function loader(args: Route.LoaderArgs) {
  const { pkg, mod, module, index, step, headers } = await loadStep(args, false);
  return data(
    {
      pkg,
      mod,
      moduleTitle: module.title,
      step,
      index,
      total: module.steps.length,
      previous: index > 0 ? module.steps[index - 1]?.id : null,
    },
    { headers },
  );
}

/** "Next" records the page as read and goes on; the quiz follows the last page. */
export async function action(args: Route.ActionArgs) {
  const { pkg, mod, module, index, step, learner, headers } = await loadStep(args, true);
  if (learner) await markStepSeen(getServices(args.context).db, learner, pkg, mod, step.id);
  const next = module.steps[index + 1]?.id ?? "quiz";
  return redirect(`/kompetanse/${pkg}/${mod}/${next}`, { status: 303, headers });
}

export default function KompetanseSteg({ loaderData: s }: Route.ComponentProps) {
  const t = useT();
  const contentLang = useContentLang();
  const base = `/kompetanse/${s.pkg}/${s.mod}`;
  const { step } = s;
  const position = s.index + 1;
  return (
    <article className="stack-lg prose" aria-labelledby="step-title">
      <div className="stack">
        <p className="ds-paragraph eyebrow">
          <Link className="ds-link" to={base}>
            <span lang={contentLang}>{s.moduleTitle}</span>
          </Link>
        </p>
        <div className="progress">
          <p className="ds-paragraph" data-size="sm" id="progress-label">
            {t("learning.stepOf", { position, total: s.total })}
          </p>
          <progress max={s.total} value={position} aria-labelledby="progress-label" />
        </div>
        <p className="ds-paragraph eyebrow">{t(`learning.kind.${step.kind}` as MessageKey)}</p>
        <h1 id="step-title" className="ds-heading" data-size="lg" lang={contentLang}>
          {step.title}
        </h1>
      </div>
      <div className="stack" lang={contentLang}>
        {step.kind === "text" && step.video ? (
          <figure className="stack">
            <video controls preload="metadata" src={step.video.src} className="course-video">
              <track kind="captions" src={step.video.captions} srcLang="nb" label="Norsk" default />
            </video>
            <details className="ds-details">
              <summary>{t("learning.transcript")}</summary>
              <div>
                <RichText text={step.video.transcript} />
              </div>
            </details>
          </figure>
        ) : null}
        <RichText text={step.body} />
        {step.kind === "example" ? (
          <details className="ds-details">
            <summary>{t("learning.showAnswer")}</summary>
            <div className="stack">
              <RichText text={step.answer} headingLevel={3} />
            </div>
          </details>
        ) : null}
        {step.kind === "task" ? (
          <div className="ds-card task-card stack">
            <p className="ds-paragraph">
              <strong>{t("learning.taskMinutes", { minutes: step.minutes })}</strong>
            </p>
            <ol className="ds-list">
              {step.questions.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ol>
          </div>
        ) : null}
      </div>
      <nav aria-label={t("learning.stepNav")} className="step-nav">
        {s.previous ? (
          <Link className="ds-button" data-variant="secondary" to={`${base}/${s.previous}`}>
            {t("learning.previous")}
          </Link>
        ) : (
          <span />
        )}
        <Form method="post">
          <button type="submit" className="ds-button">
            {position === s.total ? t("learning.toQuiz") : t("learning.next")}
          </button>
        </Form>
      </nav>
    </article>
  );
}

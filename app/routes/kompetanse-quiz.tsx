import { data, Form, Link } from "react-router";
import { QuizQuestions, UnansweredSummary } from "../components/quiz-questions.tsx";
import { ensureCertificates, listCertificates } from "../features/learning/certificates.server.ts";
import { answersFromForm, gradeQuiz, type QuizAnswers } from "../features/learning/grade-quiz.ts";
import { resolveLearner } from "../features/learning/learner.server.ts";
import { getModule, parseModuleParams } from "../features/learning/modules.server.ts";
import { recordQuizAttempt } from "../features/learning/progress.server.ts";
import { useContentLang, useT } from "../i18n/use-t.ts";
import { getServices, localeFor, notFound, readForm } from "../lib/route.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/kompetanse-quiz";

/** Course pages are plain HTML: no JavaScript on a learner's phone. */
export const handle: RouteHandle = { hydrate: false, sharedWhenAnonymous: true };

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `Quiz – ${loaderData?.title ?? ""} – Oppvern` },
];

async function loadQuiz(args: Route.LoaderArgs | Route.ActionArgs, create: boolean) {
  const where = parseModuleParams(args.params);
  if (!where) notFound();
  const resolved = await resolveLearner(args.context, args.request, create);
  const module = getModule(where.pkg, where.mod, localeFor(args.request, resolved.actor));
  if (!module) notFound();
  return { ...where, ...resolved, module };
}

export async function loader(args: Route.LoaderArgs) {
  const { pkg, mod, module, headers } = await loadQuiz(args, false);
  return data(
    { pkg, mod, title: module.title, quiz: module.quiz, lastStep: module.steps.at(-1)?.id ?? null },
    { headers },
  );
}

type QuizResult =
  | { kind: "incomplete"; answers: QuizAnswers; unanswered: string[] }
  | {
      kind: "graded";
      answers: QuizAnswers;
      correct: number;
      total: number;
      passed: boolean;
      questions: { id: string; correct: boolean }[];
      certificate: string | null;
      signedIn: boolean;
    };

export async function action(args: Route.ActionArgs) {
  const { pkg, mod, module, learner, actor, headers } = await loadQuiz(args, true);
  const answers = answersFromForm(await readForm(args.request), module.quiz);
  const graded = gradeQuiz(module.quiz, answers);
  if (graded.unanswered.length > 0) {
    return data<QuizResult>(
      { kind: "incomplete", answers, unanswered: graded.unanswered },
      { status: 400, headers },
    );
  }
  const { db } = getServices(args.context);
  if (learner) {
    await recordQuizAttempt(db, learner, {
      pkg,
      mod,
      answers,
      correct: graded.correct,
      total: graded.total,
      passed: graded.passed,
    });
  }
  let certificate: string | null = null;
  if (graded.passed && actor) {
    await ensureCertificates(db, actor.userId);
    certificate =
      (await listCertificates(db, actor.userId)).find((c) => c.package === pkg && c.module === mod)?.code ??
      null;
  }
  return data<QuizResult>(
    {
      kind: "graded",
      answers,
      correct: graded.correct,
      total: graded.total,
      passed: graded.passed,
      questions: graded.questions.map((q) => ({ id: q.id, correct: q.correct })),
      certificate,
      signedIn: Boolean(actor),
    },
    { headers },
  );
}

export default function KompetanseQuiz({ loaderData: q, actionData }: Route.ComponentProps) {
  const t = useT();
  const contentLang = useContentLang();
  const result = actionData as QuizResult | undefined;
  const base = `/kompetanse/${q.pkg}/${q.mod}`;
  const graded = result?.kind === "graded" ? result : null;
  const unanswered = new Set(result?.kind === "incomplete" ? result.unanswered : []);
  return (
    <div className="stack-lg prose">
      <div className="stack">
        <p className="ds-paragraph eyebrow">
          <Link className="ds-link" to={base}>
            <span lang={contentLang}>{q.title}</span>
          </Link>
        </p>
        <h1 className="ds-heading" data-size="lg">
          {graded ? t("quiz.resultTitle") : t("learning.quiz")}
        </h1>
        {graded ? (
          <div className="ds-alert" data-color={graded.passed ? "success" : "warning"} role="status">
            <p className="ds-paragraph">
              <strong>{t("quiz.score", { correct: graded.correct, total: graded.total })}</strong>{" "}
              {graded.passed ? t("quiz.passed") : t("quiz.notPassed")}
            </p>
            {graded.passed && graded.certificate ? (
              <p className="ds-paragraph">
                <a className="ds-link" href={`/bevis/${graded.certificate}/pdf`} download>
                  {t("certificate.download")}
                </a>{" "}
                ({t("certificate.code")}: {graded.certificate})
              </p>
            ) : null}
            {graded.passed && !graded.signedIn ? (
              <p className="ds-paragraph">
                {t("quiz.accountForCertificate")}{" "}
                <a className="ds-link" href="/logg-inn?neste=%2Fkompetanse">
                  {t("nav.login")}
                </a>
              </p>
            ) : null}
          </div>
        ) : (
          <p className="ds-paragraph">{t("quiz.intro")}</p>
        )}
        <UnansweredSummary quiz={q.quiz} unanswered={unanswered} />
      </div>
      <Form method="post" action={`${base}/quiz#feil`} className="stack-lg" noValidate>
        <QuizQuestions
          quiz={q.quiz}
          answers={result?.answers}
          unanswered={unanswered}
          verdicts={graded?.questions}
        />
        <div className="step-nav">
          {q.lastStep ? (
            <Link className="ds-button" data-variant="secondary" to={`${base}/${q.lastStep}`}>
              {t("learning.previous")}
            </Link>
          ) : (
            <span />
          )}
          <button type="submit" className="ds-button">
            {graded ? t("quiz.again") : t("quiz.submit")}
          </button>
        </div>
      </Form>
      {graded?.passed ? (
        <p>
          <Link className="ds-link" to="/kompetanse">
            {t("quiz.backToCourses")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

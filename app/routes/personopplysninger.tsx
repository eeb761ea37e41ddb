import { data, Form, Link } from "react-router";
import { ClassifierVerdict } from "../components/classifier-verdict.tsx";
import { QuizQuestions, UnansweredSummary } from "../components/quiz-questions.tsx";
import { RichText } from "../components/rich-text.tsx";
import { catalogueLocale, classifyText, getCatalogueEntry } from "../features/classifier/catalogue.server.ts";
import { getGuide } from "../features/guide/guide.server.ts";
import { answersFromForm, gradeQuiz, type QuizAnswers } from "../features/learning/grade-quiz.ts";
import { useContentLang, useT } from "../i18n/use-t.ts";
import { loadActor, localeFor, notFound, readForm } from "../lib/route.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/personopplysninger";

/** Plain HTML: the guide, its examples and the self-test work without JavaScript. */
export const handle: RouteHandle = { hydrate: false, sharedWhenAnonymous: true };

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.title ?? ""} – Oppvern` },
];

async function guideFor(request: Request, context: Route.LoaderArgs["context"]) {
  const locale = localeFor(request, await loadActor(context, request));
  const guide = getGuide(locale);
  if (!guide) notFound();
  return { guide, locale };
}

/** Public. Each example of the guide is run through the classifier, so the page shows what the tool answers. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { guide, locale } = await guideFor(request, context);
  const lang = catalogueLocale(locale);
  return {
    title: guide.title,
    intro: guide.intro,
    selfTest: guide.selfTest,
    sections: guide.sections.map((s) => ({
      ...s,
      eksempler: s.eksempler.map((text) => {
        const answer = classifyText(text, locale);
        return {
          text,
          answer,
          entries: answer.treff.flatMap((id) => {
            const entry = getCatalogueEntry(id);
            return entry ? [{ id, name: entry.navn[lang] }] : [];
          }),
        };
      }),
    })),
  };
}

type TestResult =
  | { kind: "incomplete"; answers: QuizAnswers; unanswered: string[] }
  | {
      kind: "graded";
      answers: QuizAnswers;
      correct: number;
      total: number;
      questions: { id: string; correct: boolean }[];
    };

/** The self-test: graded on the server, nothing stored. */
export async function action({ request, context }: Route.ActionArgs) {
  const { guide } = await guideFor(request, context);
  const answers = answersFromForm(await readForm(request), guide.selfTest);
  const graded = gradeQuiz(guide.selfTest, answers);
  if (graded.unanswered.length > 0)
    return data<TestResult>({ kind: "incomplete", answers, unanswered: graded.unanswered }, { status: 400 });
  return data<TestResult>({
    kind: "graded",
    answers,
    correct: graded.correct,
    total: graded.total,
    questions: graded.questions.map((q) => ({ id: q.id, correct: q.correct })),
  });
}

export default function Personopplysninger({ loaderData: g, actionData }: Route.ComponentProps) {
  const t = useT();
  // The guide is written in bokmål and nynorsk: an English page marks it bokmål.
  const contentLang = useContentLang();
  const result = actionData as TestResult | undefined;
  const graded = result?.kind === "graded" ? result : null;
  const unanswered = new Set(result?.kind === "incomplete" ? result.unanswered : []);
  return (
    <div className="stack-lg prose">
      <h1 className="ds-heading" data-size="lg" lang={contentLang}>
        {g.title}
      </h1>
      {contentLang ? <p className="ds-paragraph">{t("guide.norwegianOnly")}</p> : null}
      <div className="stack" lang={contentLang}>
        <RichText text={g.intro} />
      </div>
      <p className="ds-paragraph">
        <Link className="ds-button" data-variant="secondary" to="/personopplysninger/sjekk">
          {t("guide.tryClassifier")}
        </Link>{" "}
        <Link className="ds-link" to="/personopplysninger/katalog">
          {t("guide.catalogue")}
        </Link>
      </p>
      <nav aria-labelledby="innhold" className="toc">
        <h2 className="ds-heading" data-size="xs" id="innhold">
          {t("guide.contents")}
        </h2>
        <ol className="ds-list">
          {g.sections.map((s) => (
            <li key={s.id}>
              <a className="ds-link" href={`#${s.id}`} lang={contentLang}>
                {s.title}
              </a>
            </li>
          ))}
          <li>
            <a className="ds-link" href="#selvtest">
              {t("guide.selfTest")}
            </a>
          </li>
        </ol>
      </nav>
      {g.sections.map((s) => (
        <section key={s.id} id={s.id} aria-labelledby={`${s.id}-h`} className="stack">
          <h2 className="ds-heading" data-size="md" id={`${s.id}-h`} lang={contentLang}>
            {s.title}
          </h2>
          <div className="stack" lang={contentLang}>
            <RichText text={s.body} headingLevel={3} />
          </div>
          {s.eksempler.length > 0 ? (
            <div className="stack guide-examples">
              <h3 className="ds-heading" data-size="xs">
                {t("guide.examples")}
              </h3>
              {s.eksempler.map((e) => (
                <details key={e.text} className="ds-details guide-example">
                  <summary className="ds-details-summary" lang={contentLang}>
                    «{e.text}»
                  </summary>
                  <div className="ds-details-content">
                    <ClassifierVerdict answer={e.answer} entries={e.entries} headingLevel={3} />
                  </div>
                </details>
              ))}
            </div>
          ) : null}
        </section>
      ))}
      <section id="selvtest" aria-labelledby="selvtest-h" className="stack-lg">
        <h2 className="ds-heading" data-size="md" id="selvtest-h">
          {t("guide.selfTest")}
        </h2>
        {graded ? (
          <div
            className="ds-alert"
            data-color={graded.correct === graded.total ? "success" : "info"}
            role="status"
          >
            <p className="ds-paragraph">
              <strong>{t("quiz.score", { correct: graded.correct, total: graded.total })}</strong>{" "}
              {t("guide.selfTestDone")}
            </p>
          </div>
        ) : (
          <p className="ds-paragraph">{t("guide.selfTestIntro")}</p>
        )}
        <UnansweredSummary quiz={g.selfTest} unanswered={unanswered} />
        <Form method="post" action="/personopplysninger#selvtest" className="stack-lg" noValidate>
          <QuizQuestions
            quiz={g.selfTest}
            answers={result?.answers}
            unanswered={unanswered}
            verdicts={graded?.questions}
          />
          <div>
            <button type="submit" className="ds-button">
              {graded ? t("quiz.again") : t("quiz.submit")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}

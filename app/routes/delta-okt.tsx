import { data, Form, Link, redirect } from "react-router";
import { Notice } from "../components/form.tsx";
import { saysChooseAll } from "../components/quiz-questions.tsx";
import { RichText } from "../components/rich-text.tsx";
import { ANSWER_MESSAGES, type AnswerMessage } from "../features/group/answer-post.server.ts";
import { readParticipantCookie } from "../features/group/participant-cookie.ts";
import { findOpenSessionByCode, findParticipant, getAnswer } from "../features/group/sessions.server.ts";
import { gradeQuiz } from "../features/learning/grade-quiz.ts";
import { getModule, isPackage } from "../features/learning/modules.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useContentLang, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../lib/meta.ts";
import { getServices, localeFor } from "../lib/route.server.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/delta-okt";

/** Plain HTML on the phone; a small script reloads the page when the session moves on. */
export const handle: RouteHandle = {
  hydrate: false,
  liveEvents: (data) => {
    const d = data as { open?: boolean; code?: string } | undefined;
    return d?.open ? `/delta/${d.code}/hendelser` : null;
  },
};

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "join.pageTitle");

async function loadParticipant(args: Route.LoaderArgs) {
  const services = getServices(args.context);
  const session = await findOpenSessionByCode(services.db, args.params.code);
  if (!session || !isPackage(session.package)) return null;
  const participant = await findParticipant(
    services.db,
    session.id,
    readParticipantCookie(args.request, session.id),
  );
  if (!participant) throw redirect(`/delta?kode=${session.code}`);
  const module = getModule(session.package, session.module, localeFor(args.request, null));
  if (!module) return null;
  return { services, session, participant, module };
}

export async function loader(args: Route.LoaderArgs) {
  const found = await loadParticipant(args);
  if (!found) return data({ open: false as const, code: args.params.code }, { status: 404 });
  const { services, session, participant, module } = found;
  const question =
    session.phase === "question" || session.phase === "reveal"
      ? module.quiz[session.question_index]
      : undefined;
  const answer = question ? await getAnswer(services.db, session.id, question.id, participant.id) : null;
  // An answer is posted to server/app.ts (answerFromPhone), which sends the phone back here.
  const notice = new URL(args.request.url).searchParams.get("melding");
  return {
    message: notice && notice in ANSWER_MESSAGES ? ANSWER_MESSAGES[notice as AnswerMessage] : null,
    open: true as const,
    code: session.code,
    phase: session.phase,
    moduleTitle: module.title,
    stepTitle: module.steps[session.step_index]?.title ?? "",
    question: question ?? null,
    questionNumber: session.question_index + 1,
    questionCount: module.quiz.length,
    answer,
    answerCorrect:
      question && answer ? gradeQuiz([question], { [question.id]: answer }).correct === 1 : false,
  };
}

export default function DeltaOkt({ loaderData: s }: Route.ComponentProps) {
  const t = useT();
  // Course text is in bokmål and nynorsk: for an English reader it is marked bokmål.
  const contentLang = useContentLang();
  const message: MessageKey | null = s.open ? s.message : null;
  if (!s.open) {
    return (
      <div className="narrow stack">
        <h1 className="ds-heading" data-size="lg">
          {t("join.title")}
        </h1>
        <Notice color="warning">{t("join.ended")}</Notice>
        <Link className="ds-link" to="/delta">
          {t("join.another")}
        </Link>
      </div>
    );
  }
  const q = s.question;
  return (
    <div className="narrow stack participant">
      <p className="ds-paragraph eyebrow" lang={contentLang}>
        {s.moduleTitle}
      </p>
      {message ? <Notice color="warning">{t(message)}</Notice> : null}
      {s.phase === "steps" ? (
        <>
          <h1 className="ds-heading" data-size="md">
            {t("join.watchScreen")}
          </h1>
          <p className="ds-paragraph">
            {t("join.nowShowing")} <span lang={contentLang}>{s.stepTitle}</span>
          </p>
        </>
      ) : null}
      {q && s.phase !== "steps" && s.phase !== "attendance" && s.phase !== "ended" ? (
        <h1 className="ds-heading" data-size="md">
          {t("join.questionOf", { number: s.questionNumber, total: s.questionCount })}
        </h1>
      ) : null}
      {q?.scenario && s.phase === "question" && !s.answer ? (
        <div className="quiz-scenario" lang={contentLang}>
          <RichText text={q.scenario} />
        </div>
      ) : null}
      {q && s.phase === "question" && !s.answer ? (
        <Form method="post" className="stack">
          <input type="hidden" name="questionId" value={q.id} />
          <fieldset className="ds-fieldset">
            <legend className="ds-heading" data-size="sm">
              <span lang={contentLang}>{q.question}</span>
              {saysChooseAll(q) ? ` (${t("quiz.chooseAll")})` : ""}
            </legend>
            {q.options.map((o) => (
              <div key={o.id} className="ds-field quiz-option">
                <input
                  className="ds-input"
                  type={q.type === "single" ? "radio" : "checkbox"}
                  name="option"
                  value={o.id}
                  id={`o-${o.id}`}
                />
                <label className="ds-label" data-weight="regular" htmlFor={`o-${o.id}`} lang={contentLang}>
                  {o.text}
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="ds-button" data-size="lg">
            {t("join.send")}
          </button>
        </Form>
      ) : null}
      {q && s.phase === "question" && s.answer ? <Notice>{t("join.answerSaved")}</Notice> : null}
      {q && s.phase === "reveal" ? (
        <div className="stack">
          <h2 className="ds-heading" data-size="sm" lang={contentLang}>
            {q.question}
          </h2>
          {s.answer ? (
            <Notice color={s.answerCorrect ? "success" : "warning"}>
              {s.answerCorrect ? t("quiz.right") : t("quiz.wrong")}
            </Notice>
          ) : (
            <p className="ds-paragraph">{t("join.noAnswer")}</p>
          )}
          <ul className="ds-list">
            {q.options
              .filter((o) => o.correct)
              .map((o) => (
                <li key={o.id} lang={contentLang}>
                  <strong>{o.text}</strong> – {o.feedback}
                </li>
              ))}
          </ul>
        </div>
      ) : null}
      {s.phase === "attendance" || s.phase === "ended" ? (
        <h1 className="ds-heading" data-size="md">
          {t("join.thanks")}
        </h1>
      ) : null}
      <noscript>
        <p className="ds-paragraph">
          <a className="ds-link" href={`/delta/${s.code}`}>
            {t("join.refresh")}
          </a>
        </p>
      </noscript>
    </div>
  );
}

import type { TQuizQuestion } from "../features/learning/content-schema.ts";
import type { QuizAnswers } from "../features/learning/grade-quiz.ts";
import { useContentLang, useT } from "../i18n/use-t.ts";
import { RichText } from "./rich-text.tsx";

/** Whether to add «(velg alle som passer)»: for several answers, unless the question already says so. */
export const saysChooseAll = (question: TQuizQuestion) =>
  question.type === "multiple" && !/\b(velg|vel) alle\b/i.test(question.question);

/**
 * The questions of a quiz as plain form fields (radio buttons for single choice, checkboxes for
 * multiple), with the verdict and the feedback on each option once graded. Used by the course quiz
 * and the self-test in the personal-data guide.
 */
export function QuizQuestions({
  quiz,
  answers,
  unanswered,
  verdicts,
}: {
  quiz: TQuizQuestion[];
  answers?: QuizAnswers;
  unanswered: Set<string>;
  verdicts?: { id: string; correct: boolean }[];
}) {
  const t = useT();
  // Quiz text is written in bokmål and nynorsk: for an English reader it is marked bokmål, the
  // words around it (question number, right or wrong) are not.
  const contentLang = useContentLang();
  return quiz.map((question, i) => {
    const picked = new Set(answers?.[question.id] ?? []);
    const verdict = verdicts?.find((x) => x.id === question.id);
    const id = `q-${question.id}`;
    const missing = unanswered.has(question.id);
    // What a screen reader says with the question's choices: the question, then an error or the verdict.
    const describedBy = [missing ? `${id}-feil` : null, verdict ? `${id}-svar` : null]
      .filter(Boolean)
      .join(" ");
    return (
      <div key={question.id} id={id} className="quiz-question" tabIndex={-1}>
        <p className="ds-paragraph quiz-number">{t("quiz.questionNumber", { number: i + 1 })}</p>
        {question.scenario ? (
          <div className="quiz-scenario" lang={contentLang}>
            <RichText text={question.scenario} />
          </div>
        ) : null}
        <fieldset className="ds-fieldset quiz-choices" aria-describedby={describedBy || undefined}>
          <legend className="ds-heading" data-size="xs">
            <span lang={contentLang}>{question.question}</span>
            {saysChooseAll(question) ? ` (${t("quiz.chooseAll")})` : ""}
          </legend>
          {missing ? (
            <p className="ds-validation-message" data-field="validation" id={`${id}-feil`}>
              {t("quiz.answerThis")}
            </p>
          ) : null}
          {verdict ? (
            <p className={`quiz-verdict ${verdict.correct ? "is-right" : "is-wrong"}`} id={`${id}-svar`}>
              {verdict.correct ? t("quiz.right") : t("quiz.wrong")}
            </p>
          ) : null}
          {question.options.map((o) => (
            <div key={o.id} className="ds-field quiz-option">
              <input
                className="ds-input"
                type={question.type === "single" ? "radio" : "checkbox"}
                name={id}
                id={`${id}-${o.id}`}
                value={o.id}
                defaultChecked={picked.has(o.id)}
              />
              <label className="ds-label" data-weight="regular" htmlFor={`${id}-${o.id}`} lang={contentLang}>
                {o.text}
              </label>
              {verdict && (picked.has(o.id) || o.correct) ? (
                <p className="ds-paragraph quiz-feedback" data-size="sm">
                  <strong>
                    {t(
                      o.correct
                        ? picked.has(o.id)
                          ? "quiz.pickedRight"
                          : "quiz.missedRight"
                        : "quiz.pickedWrong",
                    )}
                  </strong>{" "}
                  <span lang={contentLang}>{o.feedback}</span>
                </p>
              ) : null}
            </div>
          ))}
        </fieldset>
      </div>
    );
  });
}

/** The list of unanswered questions at the top of a quiz that was sent half done. */
export function UnansweredSummary({ quiz, unanswered }: { quiz: TQuizQuestion[]; unanswered: Set<string> }) {
  const t = useT();
  if (unanswered.size === 0) return null;
  return (
    // `#feil` in the form's address brings the reader here after sending, also without JavaScript.
    <div className="ds-error-summary" role="alert" id="feil" tabIndex={-1}>
      <h2 className="ds-heading" data-size="xs">
        {t("quiz.unansweredTitle")}
      </h2>
      <ul className="ds-list">
        {quiz
          .filter((question) => unanswered.has(question.id))
          .map((question) => (
            <li key={question.id}>
              <a className="ds-link" href={`#q-${question.id}`}>
                {t("quiz.questionNumber", { number: quiz.indexOf(question) + 1 })}
              </a>
            </li>
          ))}
      </ul>
    </div>
  );
}

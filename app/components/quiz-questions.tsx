import type { TQuizQuestion } from "../features/learning/content-schema.ts";
import type { QuizAnswers } from "../features/learning/grade-quiz.ts";
import { useContentLang, useT } from "../i18n/use-t.ts";
import { RichText } from "./rich-text.tsx";

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
    return (
      <fieldset key={question.id} id={`q-${question.id}`} className="ds-fieldset quiz-question" tabIndex={-1}>
        <legend className="ds-heading" data-size="xs">
          {t("quiz.questionNumber", { number: i + 1 })}
          {question.type === "multiple" ? ` – ${t("quiz.chooseAll")}` : ""}
        </legend>
        {question.scenario ? (
          <div className="quiz-scenario" lang={contentLang}>
            <RichText text={question.scenario} />
          </div>
        ) : null}
        <p className="ds-paragraph" lang={contentLang}>
          <strong>{question.question}</strong>
        </p>
        {unanswered.has(question.id) ? (
          <p className="ds-validation-message" data-field="validation">
            {t("quiz.answerThis")}
          </p>
        ) : null}
        {verdict ? (
          <p className={`quiz-verdict ${verdict.correct ? "is-right" : "is-wrong"}`}>
            {verdict.correct ? t("quiz.right") : t("quiz.wrong")}
          </p>
        ) : null}
        {question.options.map((o) => (
          <div key={o.id} className="ds-field quiz-option">
            <input
              className="ds-input"
              type={question.type === "single" ? "radio" : "checkbox"}
              name={`q-${question.id}`}
              id={`q-${question.id}-${o.id}`}
              value={o.id}
              defaultChecked={picked.has(o.id)}
            />
            <label
              className="ds-label"
              data-weight="regular"
              htmlFor={`q-${question.id}-${o.id}`}
              lang={contentLang}
            >
              {o.text}
            </label>
            {verdict && (picked.has(o.id) || o.correct) ? (
              <p className="ds-paragraph quiz-feedback" data-size="sm">
                <strong>{o.correct ? t("quiz.correctOption") : t("quiz.wrongOption")}</strong>{" "}
                <span lang={contentLang}>{o.feedback}</span>
              </p>
            ) : null}
          </div>
        ))}
      </fieldset>
    );
  });
}

/** The list of unanswered questions at the top of a quiz that was sent half done. */
export function UnansweredSummary({ quiz, unanswered }: { quiz: TQuizQuestion[]; unanswered: Set<string> }) {
  const t = useT();
  if (unanswered.size === 0) return null;
  return (
    <div className="ds-error-summary" role="alert">
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

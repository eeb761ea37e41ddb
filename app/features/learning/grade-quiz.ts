import type { TQuizQuestion } from "./content-schema.ts";

/** The share of correct answers needed to complete a module. */
export const PASS_SHARE = 0.75;

export type QuizAnswers = Record<string, string[]>;

export interface GradedQuestion {
  id: string;
  chosen: string[];
  correct: boolean;
  answered: boolean;
}

/** Reads answers from a posted quiz form: field q-<questionId> holds the chosen option ids. */
export function answersFromForm(form: FormData, quiz: TQuizQuestion[]): QuizAnswers {
  const answers: QuizAnswers = {};
  for (const q of quiz) {
    const valid = new Set(q.options.map((o) => o.id));
    const chosen = form
      .getAll(`q-${q.id}`)
      .map(String)
      .filter((id) => valid.has(id));
    answers[q.id] = q.type === "single" ? chosen.slice(0, 1) : [...new Set(chosen)].sort();
  }
  return answers;
}

/** A question is right when exactly the correct options are chosen. */
export function gradeQuiz(quiz: TQuizQuestion[], answers: QuizAnswers) {
  const questions: GradedQuestion[] = quiz.map((q) => {
    const chosen = answers[q.id] ?? [];
    const right = q.options
      .filter((o) => o.correct)
      .map((o) => o.id)
      .sort();
    return {
      id: q.id,
      chosen,
      answered: chosen.length > 0,
      correct: chosen.length === right.length && [...chosen].sort().every((id, i) => id === right[i]),
    };
  });
  const correct = questions.filter((q) => q.correct).length;
  const unanswered = questions.filter((q) => !q.answered).map((q) => q.id);
  return {
    questions,
    correct,
    total: quiz.length,
    unanswered,
    passed: correct >= Math.ceil(quiz.length * PASS_SHARE),
  };
}

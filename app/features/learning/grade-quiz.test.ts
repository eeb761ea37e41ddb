import { describe, expect, it } from "vitest";
import type { TQuizQuestion } from "./content-schema.ts";
import { answersFromForm, gradeQuiz } from "./grade-quiz.ts";

const option = (id: string, correct: boolean) => ({ id, text: id, correct, feedback: "fordi" });
const quiz: TQuizQuestion[] = [
  { id: "en", type: "single", question: "?", options: [option("a", true), option("b", false)] },
  {
    id: "fler",
    type: "multiple",
    question: "?",
    options: [option("a", true), option("b", true), option("c", false)],
  },
  { id: "tre", type: "single", question: "?", options: [option("a", false), option("b", true)] },
  { id: "fire", type: "single", question: "?", options: [option("a", true), option("b", false)] },
];

describe("quiz grading", () => {
  it("counts a multiple-choice question right only when exactly the right options are chosen", () => {
    const result = gradeQuiz(quiz, { en: ["a"], fler: ["a"], tre: ["b"], fire: ["a"] });
    expect(result.questions.map((q) => q.correct)).toEqual([true, false, true, true]);
    expect(result.correct).toBe(3);
    expect(result.passed).toBe(true); // 3 of 4 = 75 %
    expect(gradeQuiz(quiz, { en: ["a"], fler: ["a", "b", "c"], tre: ["a"], fire: ["a"] }).passed).toBe(false);
  });

  it("reads a posted form, ignoring unknown options and extra choices on single-choice questions", () => {
    const form = new FormData();
    form.append("q-en", "b");
    form.append("q-en", "a");
    form.append("q-fler", "b");
    form.append("q-fler", "a");
    form.append("q-fler", "z");
    const answers = answersFromForm(form, quiz);
    expect(answers).toEqual({ en: ["b"], fler: ["a", "b"], tre: [], fire: [] });
    expect(gradeQuiz(quiz, answers).unanswered).toEqual(["tre", "fire"]);
  });
});

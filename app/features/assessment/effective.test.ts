import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectiveAnswers } from "./rounds.server.ts";

const row = (scope: string, question_id: string, level: number | null, not_relevant = 0) => ({
  scope,
  question_id,
  level,
  not_relevant,
});

describe("the answer that counts for each question", () => {
  it("is the shared answer when everyone agrees, also when all say not relevant", () => {
    const result = effectiveAnswers(
      [
        row("eier", "q1", 3),
        row("eier", "q1", 3),
        row("enhet-a", "q1", null, 1),
        row("enhet-a", "q1", null, 1),
      ],
      [],
    );
    expect(result.get("eier|q1")).toEqual({ level: 3, notRelevant: false, source: "agreed" });
    expect(result.get("enhet-a|q1")).toEqual({ level: null, notRelevant: true, source: "agreed" });
  });

  it("is the lower median, marked open, when answers differ; not relevant differs from any level", () => {
    const result = effectiveAnswers(
      [
        row("eier", "q1", 4),
        row("eier", "q1", 1),
        row("eier", "q1", 2),
        row("eier", "q1", 5),
        row("eier", "q2", 2),
        row("eier", "q2", null, 1),
      ],
      [],
    );
    expect(result.get("eier|q1")).toEqual({ level: 2, notRelevant: false, source: "open" });
    expect(result.get("eier|q2")).toEqual({ level: 2, notRelevant: false, source: "open" });
  });

  it("is the koordinator's final answer when there is one, and skips blank answers", () => {
    const result = effectiveAnswers(
      [row("eier", "q1", 1), row("eier", "q1", 5), row("eier", "q3", null)],
      [row("eier", "q1", 4)],
    );
    expect(result.get("eier|q1")).toEqual({ level: 4, notRelevant: false, source: "final" });
    expect(result.has("eier|q3")).toBe(false);
  });

  it("is agreed exactly when all given answers are the same", () => {
    const answer = fc.oneof(
      fc.integer({ min: 1, max: 5 }).map((level) => row("eier", "q", level)),
      fc.constant(row("eier", "q", null, 1)),
    );
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 8 }), (answers) => {
        const given = new Set(answers.map((a) => (a.not_relevant ? "nr" : a.level)));
        const source = effectiveAnswers(answers, []).get("eier|q")?.source;
        expect(source).toBe(given.size === 1 ? "agreed" : "open");
      }),
    );
  });
});

import type { Question } from "../assessment/bank-schema.ts";

type Language = "nb" | "nn";

/**
 * A proposal's words, made from the question bank: the question's first measure as the title (the
 * question itself when it has none), the others as lines of the description.
 */
export function proposalText(question: Question, language: Language) {
  const [first, ...others] = question.tiltak;
  return {
    title: first?.tekst[language] ?? question.tekst[language],
    description: others.map((o) => `– ${o.tekst[language]}`).join("\n"),
  };
}

/**
 * A measure's title and description in the reader's language while they are still the bank's words
 * (in bokmål or nynorsk, as proposed); once someone has rewritten one, it stays as written.
 */
export function inReaderLanguage(
  measure: { title: string; description: string },
  question: Question | null,
  language: Language,
) {
  if (!question) return { title: measure.title, description: measure.description };
  const made = { nb: proposalText(question, "nb"), nn: proposalText(question, "nn") };
  const wanted = made[language];
  const untouched = (field: "title" | "description") =>
    measure[field] === made.nb[field] || measure[field] === made.nn[field];
  return {
    title: untouched("title") ? wanted.title : measure.title,
    description: untouched("description") ? wanted.description : measure.description,
  };
}

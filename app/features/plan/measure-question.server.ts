import type { Locale } from "../../i18n/locales.ts";
import { bankLocale, findQuestion, getBank } from "../assessment/bank.server.ts";
import { inReaderLanguage } from "./proposal-text.ts";

type Proposed = { round_id: string | null; question_id: string | null };

/**
 * For an owner's rounds: the question (with its area) a measure was proposed from, in the bank the
 * measure's round used; null for a measure the owner wrote.
 */
export function questionOfMeasure(rounds: { id: string; bank_version: string }[]) {
  const bankOf = new Map(rounds.map((r) => [r.id, r.bank_version]));
  return (m: Proposed) => {
    const bank = m.round_id ? getBank(bankOf.get(m.round_id) ?? "") : null;
    return bank && m.question_id ? findQuestion(bank, m.question_id) : null;
  };
}

/**
 * A measure's title and description for a reader of `locale`, with `questionOf` from the owner's
 * rounds: still the bank's words, they are given in the reader's bokmål or nynorsk (bokmål for
 * English); rewritten, as written (see inReaderLanguage).
 */
export function measureWordsIn(questionOf: ReturnType<typeof questionOfMeasure>, locale: Locale) {
  return (m: Proposed & { title: string; description: string }) =>
    inReaderLanguage(m, questionOf(m)?.question ?? null, bankLocale(locale));
}

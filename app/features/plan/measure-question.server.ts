import { findQuestion, getBank } from "../assessment/bank.server.ts";

/**
 * For an owner's rounds: the question (with its area) a measure was proposed from, in the bank the
 * measure's round used; null for a measure the owner wrote.
 */
export function questionOfMeasure(rounds: { id: string; bank_version: string }[]) {
  const bankOf = new Map(rounds.map((r) => [r.id, r.bank_version]));
  return (m: { round_id: string | null; question_id: string | null }) => {
    const bank = m.round_id ? getBank(bankOf.get(m.round_id) ?? "") : null;
    return bank && m.question_id ? findQuestion(bank, m.question_id) : null;
  };
}

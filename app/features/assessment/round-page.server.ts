import type { RouterContextProvider } from "react-router";
import { localeFor, notFound } from "../../lib/route.server.ts";
import { loadAssessmentScope } from "../../lib/scopes.server.ts";
import { bankLocale, getBank } from "./bank.server.ts";
import type { Bank } from "./bank-schema.ts";
import {
  type AnswerState,
  answerStates,
  areasFor,
  effectiveAnswers,
  effectiveFor,
  getRound,
  listAnswers,
  listFinals,
  partCounts,
  roundScopes,
  type Scope,
  stateFor,
} from "./rounds.server.ts";

type Context = Readonly<RouterContextProvider>;
type Db = Parameters<typeof listAnswers>[0];

/**
 * Everything a round page needs: the guard (assessment:read on the owner, the round must be the
 * owner's, else 404), the bank version the round uses, and the scopes this user may see.
 */
export async function loadRound(context: Context, request: Request, roundId: string, onlyScope?: string) {
  const scope = await loadAssessmentScope(context, request);
  // The parts are the round's own units of this owner, so they can be read beside the round.
  const [round, parts] = await Promise.all([
    getRound(scope.services.db, scope.ownerId, roundId),
    roundScopes(scope.services.db, scope.ownerId, roundId, onlyScope, scope.owner.name),
  ]);
  if (!round) notFound();
  const bank = getBank(round.bank_version);
  if (!bank) throw new Error(`Spørsmålsbanken ${round.bank_version} finnes ikke`);
  const scopes = parts.filter((s) => scope.canManage || scope.canAnswer(s.scope));
  if (scopes.length === 0) notFound();
  const lang = bankLocale(localeFor(request, scope.actor));
  return { ...scope, round, bank, scopes, lang };
}

/** Per scope and area: questions, how many have an answer, and how many still differ or are reconciled. */
function progressOf(
  bank: Bank,
  scopes: Scope[],
  stateOf: (scope: string, questionId: string) => AnswerState,
) {
  return scopes.map((s) => {
    const areas = areasFor(bank, s.kind).map(({ area, questions }) => {
      const states = questions.map((q) => stateOf(s.scope, q.id));
      return {
        area,
        questions,
        total: questions.length,
        answered: states.filter((x) => x !== "none").length,
        open: states.filter((x) => x === "open").length,
        final: states.filter((x) => x === "final").length,
      };
    });
    return {
      ...s,
      areas,
      total: areas.reduce((n, a) => n + a.total, 0),
      answered: areas.reduce((n, a) => n + a.answered, 0),
    };
  });
}

/**
 * The overview of a round: per part, how many questions are answered and how many still differ,
 * counted in SQL to one row per part; and per area, the same for the one part shown (`shown`).
 */
export async function roundOverview(db: Db, roundId: string, bank: Bank, scopes: Scope[], shown?: Scope) {
  // The parts of each kind (owner, school, kindergarten) and the questions that kind has.
  const kinds = [...new Set(scopes.map((s) => s.kind))].map((kind) => ({
    kind,
    scopes: scopes.filter((s) => s.kind === kind).map((s) => s.scope),
    questionIds: areasFor(bank, kind).flatMap((a) => a.questions.map((q) => q.id)),
  }));
  const questionCount = new Map(kinds.map((k) => [k.kind, k.questionIds.length]));
  const [counts, states] = await Promise.all([
    partCounts(db, roundId, kinds),
    shown ? answerStates(db, roundId, shown.scope) : null,
  ]);
  return {
    parts: scopes.map((s) => ({
      ...s,
      total: questionCount.get(s.kind) ?? 0,
      answered: counts.get(s.scope)?.answered ?? 0,
      open: counts.get(s.scope)?.open ?? 0,
    })),
    shown:
      shown && states
        ? (progressOf(bank, [shown], (scope, questionId) => stateFor(states, scope, questionId))[0] ?? null)
        : null,
  };
}

/** The same with every answer and final answer, for reconciling. */
export async function roundProgress(db: Db, roundId: string, bank: Bank, scopes: Scope[]) {
  const [answers, finals] = await Promise.all([listAnswers(db, roundId), listFinals(db, roundId)]);
  const effective = effectiveAnswers(answers, finals);
  return {
    answers,
    finals,
    effective,
    scopes: progressOf(
      bank,
      scopes,
      (scope, questionId) => effectiveFor(effective, scope, questionId).source,
    ),
  };
}

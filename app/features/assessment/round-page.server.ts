import type { RouterContextProvider } from "react-router";
import { localeFor, notFound } from "../../lib/route.server.ts";
import { assessmentAccess } from "../../lib/scopes.server.ts";
import { bankLocale, getBank } from "./bank.server.ts";
import type { Bank } from "./bank-schema.ts";
import {
  type AnswerState,
  areasFor,
  effectiveAnswers,
  effectiveFor,
  findRoundWithScopes,
  listAnswers,
  listFinals,
  roundCounts,
  type Scope,
} from "./rounds.server.ts";

type Context = Readonly<RouterContextProvider>;
type Db = Parameters<typeof listAnswers>[0];

/**
 * Everything a round page needs: the guard (assessment:read on the owner, the round must be the
 * owner's, else 404), the bank version the round uses, and the scopes this user may see. The
 * round, its owner and its parts come in one query.
 */
export async function loadRound(
  context: Context,
  request: Request,
  roundId: string,
  onlyScope?: string,
  /** For the results and reports: the parts whose results this user may read, not those they answer. */
  purpose: "answer" | "results" = "answer",
) {
  const access = await assessmentAccess(context, request);
  const found = await findRoundWithScopes(access.services.db, access.ownerId, roundId, onlyScope);
  if (!found) notFound();
  const { round, owner } = found;
  const bank = getBank(round.bank_version);
  if (!bank) throw new Error(`Spørsmålsbanken ${round.bank_version} finnes ikke`);
  const scopes = found.scopes.filter((s) =>
    purpose === "results" ? access.readsResults(s.scope) : access.canManage || access.canAnswer(s.scope),
  );
  if (scopes.length === 0) notFound();
  const lang = bankLocale(localeFor(request, access.actor));
  return { ...access, owner, round, bank, scopes, lang };
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
 * The overview of a round (roundCounts, one query): per part, how many questions are answered and
 * how many still differ; per area, the same for the one part shown (`shown`); and the question
 * this user answered last.
 */
export async function roundOverview(
  db: Db,
  roundId: string,
  bank: Bank,
  scopes: Scope[],
  options: { shown?: Scope; userId: string; revision?: number },
) {
  const { shown } = options;
  // The parts of each kind (owner, school, kindergarten) and the questions that kind has.
  const kinds = [...new Set(scopes.map((s) => s.kind))].map((kind) => ({
    kind,
    scopes: scopes.filter((s) => s.kind === kind).map((s) => s.scope),
    questionIds: areasFor(bank, kind).flatMap((a) => a.questions.map((q) => q.id)),
  }));
  const questionCount = new Map(kinds.map((k) => [k.kind, k.questionIds.length]));
  const { counts, states, last } = await roundCounts(db, roundId, kinds, {
    shown: shown?.scope,
    userId: options.userId,
    revision: options.revision,
  });
  return {
    parts: scopes.map((s) => ({
      ...s,
      total: questionCount.get(s.kind) ?? 0,
      answered: counts.get(s.scope)?.answered ?? 0,
      open: counts.get(s.scope)?.open ?? 0,
    })),
    shown: shown
      ? (progressOf(bank, [shown], (_scope, questionId) => states.get(questionId) ?? "none")[0] ?? null)
      : null,
    last,
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

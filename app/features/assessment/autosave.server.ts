import { currentOwnerId } from "../../lib/route.server.ts";
import { mayAnswerPart } from "../../lib/scopes.server.ts";
import type { AppServices } from "../../lib/services.ts";
import { nowIso } from "../../lib/time.ts";
import { getActor } from "../auth/get-actor.server.ts";
import { can } from "../policy/policy.server.ts";
import { getBank } from "./bank.server.ts";
import { keepPending, loginToRestore } from "./pending.server.ts";
import { areasFor, findRoundPartRecent, saveAnswer } from "./rounds.server.ts";
import { answerErrors, answerFields, isBlank, toAnswerValue, ZAnswer } from "./schemas.ts";

export type AutosaveBody =
  | { autosaved: string; at: string }
  | { autosaveErrors: Record<string, string>; question: string }
  | { message: "assessment.error.closed" | "assessment.error.question" }
  | { login: string };

export interface AutosaveResult {
  status: number;
  body: AutosaveBody | null;
  setCookie?: string;
}

const NOT_FOUND: AutosaveResult = { status: 404, body: null };

/**
 * One answer saved in the background while the person works on an area (with JavaScript): the
 * page posts each question a moment after it changes. Many people answer at once, so this is a
 * small JSON endpoint beside the page (server/app.ts) rather than the page's action, which would
 * also reload the page's data after every save. The same checks as the page: the policy first,
 * the round must be the owner's and open, the part one the person answers, the question in the
 * area; then the answer's own rules (schemas.ts). With an expired session the answer is kept and
 * saved after login, as on the page.
 */
export async function autosave(
  services: AppServices,
  request: Request,
  params: { id: string; scope: string; omrade: string },
  form: URLSearchParams,
): Promise<AutosaveResult> {
  const { db } = services;
  const actor = await getActor(services, request);
  const page = `/kartlegging/${params.id}/${params.scope}/${params.omrade}`;
  if (!actor) {
    const setCookie = await keepPending(db, page, form);
    return { status: 401, body: { login: loginToRestore(page) }, setCookie };
  }
  const ownerId = currentOwnerId(request, actor);
  if (!ownerId || !can(actor, "assessment:read", { type: "owner", ownerId })) return NOT_FOUND;
  const found = await findRoundPartRecent(db, ownerId, params.id, params.scope);
  const bank = found ? getBank(found.round.bank_version) : null;
  if (!found?.kind || !bank) return NOT_FOUND;
  const { round, kind } = found;
  if (!mayAnswerPart(actor, ownerId, params.scope)) return NOT_FOUND;
  const area = areasFor(bank, kind).find((a) => a.area.id === params.omrade);
  if (!area) return NOT_FOUND;
  if (round.status === "closed") return { status: 409, body: { message: "assessment.error.closed" } };
  const questionId = form.get("sporsmal") ?? "";
  if (!area.questions.some((q) => q.id === questionId))
    return { status: 400, body: { message: "assessment.error.question" } };
  const parsed = ZAnswer.safeParse(answerFields(form, questionId));
  if (!parsed.success)
    return {
      status: 400,
      body: { autosaveErrors: answerErrors(parsed.error, questionId), question: questionId },
    };
  if (!isBlank(parsed.data)) {
    const saved = await saveAnswer(
      db,
      { roundId: round.id, scope: params.scope, questionId, userId: actor.userId },
      toAnswerValue(parsed.data),
    );
    // The round was closed since it was last looked up: nothing was written.
    if (!saved) return { status: 409, body: { message: "assessment.error.closed" } };
  }
  return { status: 200, body: { autosaved: questionId, at: nowIso() } };
}

import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { getModule, isPackage } from "../learning/modules.server.ts";
import type { LiveBus } from "./live-bus.server.ts";
import { participantTokens } from "./participant-cookie.ts";
import { findOpenSessionByCode, findOpenSessionWithParticipant, submitAnswer } from "./sessions.server.ts";

/** What the phone is told after posting an answer: shown on the page it is sent back to. */
export const ANSWER_MESSAGES = {
  closed: "join.closed",
  already: "join.already",
  invalid: "join.chooseOne",
} as const;
export type AnswerMessage = keyof typeof ANSWER_MESSAGES;

/**
 * A phone's answer in a live quiz: the hottest path of a group session (300 phones answering within
 * seconds), so the server answers it before the page renderer, with the same rules as everywhere
 * else (one answer per participant and open question). It always answers with a redirect back to
 * the phone's page (post/redirect/get), carrying a message when the answer was not counted.
 */
export async function answerFromPhone(
  db: Kysely<Database>,
  live: LiveBus,
  input: { code: string; cookie: string | undefined; form: URLSearchParams },
): Promise<string> {
  const page = `/delta/${encodeURIComponent(input.code)}`;
  // The usual case in one query: an open session with this code and this phone in it.
  const found = await findOpenSessionWithParticipant(db, input.code, participantTokens(input.cookie));
  if (!found) {
    const session = await findOpenSessionByCode(db, input.code);
    return session ? `/delta?kode=${session.code}` : page;
  }
  const { session, participantId } = found;
  if (!isPackage(session.package)) return page;
  // Question and option ids are the same in every language.
  const module = getModule(session.package, session.module, "nb");
  if (!module) return page;
  const result = await submitAnswer(db, live, {
    session,
    module,
    participantId,
    questionId: input.form.get("questionId") ?? "",
    optionIds: input.form.getAll("option"),
  });
  return result === "saved" ? page : `${page}?melding=${result}`;
}

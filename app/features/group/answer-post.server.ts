import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { getModule, isPackage } from "../learning/modules.server.ts";
import type { LiveBus } from "./live-bus.server.ts";
import { participantToken } from "./participant-cookie.ts";
import { findOpenSessionByCode, findParticipant, submitAnswer } from "./sessions.server.ts";

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
  const session = await findOpenSessionByCode(db, input.code);
  const page = `/delta/${encodeURIComponent(input.code)}`;
  if (!session || !isPackage(session.package)) return page;
  const participant = await findParticipant(db, session.id, participantToken(input.cookie, session.id));
  if (!participant) return `/delta?kode=${session.code}`;
  // Question and option ids are the same in every language.
  const module = getModule(session.package, session.module, "nb");
  if (!module) return page;
  const result = await submitAnswer(db, live, {
    session,
    module,
    participantId: participant.id,
    questionId: input.form.get("questionId") ?? "",
    optionIds: input.form.getAll("option"),
  });
  return result === "saved" ? page : `${page}?melding=${result}`;
}

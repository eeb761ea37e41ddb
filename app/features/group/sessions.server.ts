import { randomInt } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { isPostgres, pgBatch } from "../../db/pg-batch.ts";
import { prepared } from "../../db/prepared.ts";
import type { Database, GroupPhase } from "../../db/schema.ts";
import { hotRowWrites } from "../../db/write-batch.ts";
import { HOUR, nowIso } from "../../lib/time.ts";
import { createToken, hashToken, newId } from "../../lib/tokens.server.ts";
import { ensureCertificates } from "../learning/certificates.server.ts";
import type { TModuleText } from "../learning/content-schema.ts";
import { completeModule } from "../learning/progress.server.ts";
import type { LiveBus } from "./live-bus.server.ts";

/** A session lives for a working day; its code is free again afterwards. */
const SESSION_LIFETIME = 12 * HOUR;

export type GroupSession = Database["group_session"];

async function freeCode(db: Kysely<Database>): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const taken = await db
      .selectFrom("group_session")
      .select("id")
      .where("code", "=", code)
      .where("ended_at", "is", null)
      .where("expires_at", ">", nowIso())
      .executeTakeFirst();
    if (!taken) return code;
  }
  throw new Error("no free group session code");
}

export async function createGroupSession(
  db: Kysely<Database>,
  options: { pkg: string; mod: number; hostUserId: string; unitId: string | null },
) {
  const id = newId();
  await db
    .insertInto("group_session")
    .values({
      id,
      code: await freeCode(db),
      package: options.pkg,
      module: options.mod,
      host_user_id: options.hostUserId,
      unit_id: options.unitId,
      phase: "steps",
      step_index: 0,
      question_index: 0,
      timer_ends_at: null,
      version: 1,
      created_at: nowIso(),
      expires_at: new Date(Date.now() + SESSION_LIFETIME).toISOString(),
      ended_at: null,
    })
    .execute();
  return id;
}

/** The host's own session; another user's session is "not found". */
export function getHostedSession(db: Kysely<Database>, hostUserId: string, sessionId: string) {
  return db
    .selectFrom("group_session")
    .selectAll()
    .where("id", "=", sessionId)
    .where("host_user_id", "=", hostUserId)
    .executeTakeFirst();
}

/** A join code as typed ("123 456") as it is stored ("123456"). */
const normaliseCode = (code: string) => code.replace(/\s/g, "");

/** Running sessions: ended and expired sessions do not answer. */
const runningSessions = (db: Kysely<Database>, now: string) =>
  db.selectFrom("group_session as s").where("s.ended_at", "is", null).where("s.expires_at", ">", now);

/** Running sessions with this join code. */
const openSessions = (db: Kysely<Database>, code: string, now: string = nowIso()) =>
  runningSessions(db, now).where("s.code", "=", code);

/** A running session by its join code. */
export function findOpenSessionByCode(db: Kysely<Database>, code: string) {
  return openSessions(db, normaliseCode(code)).selectAll("s").executeTakeFirst();
}

const sessionWithParticipant = prepared(["code", "now", "sessionId", "tokenHash"], (db, v) =>
  openSessions(db, v.code, v.now)
    .innerJoin("group_participant as p", "p.session_id", "s.id")
    .selectAll("s")
    .select(["p.id as participant_id", "p.token_hash"])
    .where("s.id", "=", v.sessionId)
    .where("p.token_hash", "=", v.tokenHash),
);

/** The same for the phones of many answers at once (PostgreSQL: the answers of one turn). */
const sessionsWithParticipants = prepared(["now", "tokenHashes"], (db, v) =>
  runningSessions(db, v.now)
    .innerJoin("group_participant as p", "p.session_id", "s.id")
    .selectAll("s")
    .select(["p.id as participant_id", "p.token_hash"])
    .where("p.token_hash", "=", (eb) => eb.fn.any(eb.val<string[]>(v.tokenHashes))),
);

type PhoneKey = { code: string; sessionId: string; tokenHash: string };
type SessionWithParticipant = Awaited<ReturnType<typeof sessionWithParticipant>>[number];

const phoneFinders = new WeakMap<
  Kysely<Database>,
  (key: PhoneKey) => Promise<SessionWithParticipant | undefined>
>();

/** Finds a phone's session: on PostgreSQL together with the other answers arriving meanwhile. */
function phoneFinder(db: Kysely<Database>) {
  let find = phoneFinders.get(db);
  if (!find) {
    if (isPostgres(db)) {
      const batch = pgBatch<PhoneKey, SessionWithParticipant | undefined>(async (keys) => {
        const rows = await sessionsWithParticipants(db, {
          now: nowIso(),
          tokenHashes: [...new Set(keys.map((k) => k.tokenHash))],
        });
        // A token belongs to one participant (unique); the session and its code must match too.
        const byToken = new Map(rows.map((row) => [row.token_hash, row]));
        return keys.map((key) => {
          const row = byToken.get(key.tokenHash);
          return row && row.id === key.sessionId && row.code === key.code ? row : undefined;
        });
      });
      find = (key) => batch.load(key);
    } else {
      find = async (key) => (await sessionWithParticipant(db, { ...key, now: nowIso() }))[0];
    }
    phoneFinders.set(db, find);
  }
  return find;
}

/**
 * An open session by its code together with the phone (cookie) taking part in it, in one query.
 * It runs for every answer in a live quiz, so it is compiled once.
 */
export async function findOpenSessionWithParticipant(
  db: Kysely<Database>,
  code: string,
  phone: { sessionId: string; token: string } | null,
) {
  if (!phone) return undefined;
  const row = await phoneFinder(db)({
    code: normaliseCode(code),
    sessionId: phone.sessionId,
    tokenHash: hashToken(phone.token),
  });
  if (!row) return undefined;
  const { participant_id, token_hash: _, ...session } = row;
  return { session: session as GroupSession, participantId: participant_id };
}

export type HostCommand =
  | { kind: "next" }
  | { kind: "previous" }
  | { kind: "start-timer" }
  | { kind: "start-quiz" }
  | { kind: "reveal" }
  | { kind: "next-question" }
  | { kind: "end" };

/** Moves the session on; every move bumps the version and tells the participants' screens. */
export async function applyHostCommand(
  db: Kysely<Database>,
  live: LiveBus,
  session: GroupSession,
  module: TModuleText,
  command: HostCommand,
) {
  const steps = module.steps.length;
  const questions = module.quiz.length;
  let change: Partial<Pick<GroupSession, "phase" | "step_index" | "question_index" | "timer_ends_at">> = {};
  switch (command.kind) {
    case "next":
      change =
        session.step_index + 1 < steps
          ? { step_index: session.step_index + 1, timer_ends_at: null }
          : { phase: "question", question_index: 0 };
      break;
    case "previous":
      change = { step_index: Math.max(0, session.step_index - 1), timer_ends_at: null };
      break;
    case "start-timer": {
      const step = module.steps[session.step_index];
      const minutes = step?.kind === "task" ? step.minutes : 5;
      change = { timer_ends_at: new Date(Date.now() + minutes * 60_000).toISOString() };
      break;
    }
    case "start-quiz":
      change = { phase: "question", question_index: 0 };
      break;
    case "reveal":
      change = { phase: "reveal" };
      break;
    case "next-question":
      change =
        session.question_index + 1 < questions
          ? { phase: "question", question_index: session.question_index + 1 }
          : { phase: "attendance" };
      break;
    case "end":
      change = { phase: "ended" as GroupPhase };
      break;
  }
  await db
    .updateTable("group_session")
    .set({
      ...change,
      version: sql<number>`version + 1`,
      ...(command.kind === "end" ? { ended_at: nowIso() } : {}),
    })
    .where("id", "=", session.id)
    .execute();
  await live.publish(session.id, "state");
}

/** Joins a running session; the token (in a cookie) lets a phone that lost its connection rejoin. */
export async function joinSession(db: Kysely<Database>, sessionId: string) {
  const { token, hash } = createToken();
  const id = newId();
  await db
    .insertInto("group_participant")
    .values({ id, session_id: sessionId, token_hash: hash, joined_at: nowIso() })
    .execute();
  return { participantId: id, token };
}

export function findParticipant(db: Kysely<Database>, sessionId: string, token: string | null) {
  if (!token) return Promise.resolve(undefined);
  return db
    .selectFrom("group_participant")
    .select(["id", "session_id"])
    .where("token_hash", "=", hashToken(token))
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
}

export type AnswerResult = "saved" | "closed" | "already" | "invalid";

/** One answer per participant and question: a second one changes nothing. */
const insertAnswer = prepared(["sessionId", "participantId", "questionId", "optionIds", "at"], (db, v) =>
  db
    .insertInto("group_answer")
    .values({
      session_id: v.sessionId,
      participant_id: v.participantId,
      question_id: v.questionId,
      option_ids: v.optionIds,
      answered_at: v.at,
    })
    .onConflict((oc) => oc.columns(["session_id", "question_id", "participant_id"]).doNothing()),
);

type AnswerWrite = Parameters<typeof insertAnswer.compile>[1];
const answerKey = (a: { sessionId: unknown; participantId: unknown; questionId: unknown }) =>
  `${a.sessionId}\u0000${a.participantId}\u0000${a.questionId}`;

/**
 * Stores answers as they arrive (write-batch.ts): on SQLite in the next group commit, on
 * PostgreSQL the answers of one turn of the event loop in one statement, which returns the
 * answers it stored.
 */
const writeAnswer = hotRowWrites<
  AnswerWrite,
  { session_id: string; participant_id: string; question_id: string }
>({
  one: (db, write) => insertAnswer.compile(db, write),
  many: {
    sql: `insert into group_answer (session_id, participant_id, question_id, option_ids, answered_at)
select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
on conflict (session_id, question_id, participant_id) do nothing
returning session_id, participant_id, question_id`,
    columns: ["sessionId", "participantId", "questionId", "optionIds", "at"],
    keyOfRow: (r) =>
      answerKey({ sessionId: r.session_id, participantId: r.participant_id, questionId: r.question_id }),
  },
  keyOf: answerKey,
});

/**
 * One answer per participant and question, and only to the question that is open now.
 * A second post of the same answer (a double tap, a retry) changes nothing.
 */
export async function submitAnswer(
  db: Kysely<Database>,
  live: LiveBus,
  options: {
    session: GroupSession;
    module: TModuleText;
    participantId: string;
    questionId: string;
    optionIds: string[];
  },
): Promise<AnswerResult> {
  const { session, module } = options;
  const question = module.quiz[session.question_index];
  if (session.phase !== "question" || !question || question.id !== options.questionId) return "closed";
  const valid = new Set(question.options.map((o) => o.id));
  const chosen = [...new Set(options.optionIds)].filter((id) => valid.has(id)).sort();
  if (chosen.length === 0 || (question.type === "single" && chosen.length !== 1)) return "invalid";
  // Hundreds of phones answer within seconds: the inserts are committed in batches.
  const stored = await writeAnswer(db, {
    sessionId: session.id,
    participantId: options.participantId,
    questionId: question.id,
    optionIds: JSON.stringify(chosen),
    at: nowIso(),
  });
  if (!stored) return "already";
  await live.publish(session.id, "answers");
  return "saved";
}

export async function getAnswer(
  db: Kysely<Database>,
  sessionId: string,
  questionId: string,
  participantId: string,
) {
  const row = await db
    .selectFrom("group_answer")
    .select("option_ids")
    .where("session_id", "=", sessionId)
    .where("question_id", "=", questionId)
    .where("participant_id", "=", participantId)
    .executeTakeFirst();
  return row ? (JSON.parse(row.option_ids) as string[]) : null;
}

/** How many participants chose each option of a question, counted in SQL. */
export async function answerDistribution(db: Kysely<Database>, sessionId: string, questionId: string) {
  const rows = await db
    .selectFrom("group_answer")
    .select(["option_ids", (eb) => eb.fn.countAll<number>().as("n")])
    .where("session_id", "=", sessionId)
    .where("question_id", "=", questionId)
    .groupBy("option_ids")
    .execute();
  const perOption: Record<string, number> = {};
  let answers = 0;
  for (const row of rows) {
    const n = Number(row.n);
    answers += n;
    for (const id of JSON.parse(row.option_ids) as string[]) perOption[id] = (perOption[id] ?? 0) + n;
  }
  return { answers, perOption };
}

export async function countParticipants(db: Kysely<Database>, sessionId: string) {
  const row = await db
    .selectFrom("group_participant")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Attendance from the unit's staff list counts as completion "in group" for those account
 * holders, with a certificate; only members of the session's unit can be marked.
 */
export async function recordAttendance(db: Kysely<Database>, session: GroupSession, userIds: string[]) {
  if (!session.unit_id || userIds.length === 0) return 0;
  const members = await db
    .selectFrom("membership")
    .select("user_id")
    .where("organisation_id", "=", session.unit_id)
    .where("user_id", "in", userIds)
    .execute();
  const present = [...new Set(members.map((m) => m.user_id))];
  for (const userId of present) {
    await db
      .insertInto("group_attendance")
      .values({ session_id: session.id, user_id: userId, recorded_at: nowIso() })
      .onConflict((oc) => oc.columns(["session_id", "user_id"]).doNothing())
      .execute();
    await completeModule(db, `u:${userId}`, userId, session.package, session.module, "gruppe");
    await ensureCertificates(db, userId);
  }
  return present.length;
}

export function listAttendance(db: Kysely<Database>, sessionId: string) {
  return db.selectFrom("group_attendance").select("user_id").where("session_id", "=", sessionId).execute();
}

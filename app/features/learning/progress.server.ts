import { randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { prepared } from "../../db/prepared.ts";
import type { CompletionMode, Database } from "../../db/schema.ts";
import { cookieValue } from "../../lib/cookies.ts";
import { nowIso } from "../../lib/time.ts";
import { newId } from "../../lib/tokens.server.ts";
import type { QuizAnswers } from "./grade-quiz.ts";

export const LEARNER_COOKIE = "oppvern_laerer";

export interface Learner {
  /** "u:<userId>" for an account, "a:<random>" for an anonymous browser. */
  key: string;
  userId: string | null;
  /** A Set-Cookie header to send when a new anonymous learner was created. */
  setCookie: string | null;
}

/** The learner of this request: the account when logged in, else the browser's anonymous key. */
export function learnerFor(
  request: Request,
  userId: string | null,
  options: { create: boolean },
): Learner | null {
  if (userId) return { key: `u:${userId}`, userId, setCookie: null };
  const existing = cookieValue(request.headers.get("cookie"), LEARNER_COOKIE);
  if (existing && /^a:[\w-]{16,64}$/.test(existing)) return { key: existing, userId: null, setCookie: null };
  if (!options.create) return null;
  const key = `a:${randomBytes(18).toString("base64url")}`;
  return {
    key,
    userId: null,
    setCookie: `${LEARNER_COOKIE}=${key}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax`,
  };
}

export const clearLearnerCookie = `${LEARNER_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;

export async function markStepSeen(
  db: Kysely<Database>,
  learner: Learner,
  pkg: string,
  mod: number,
  stepId: string,
) {
  await db
    .insertInto("learning_step")
    .values({
      learner_key: learner.key,
      user_id: learner.userId,
      package: pkg,
      module: mod,
      step_id: stepId,
      seen_at: nowIso(),
    })
    .onConflict((oc) => oc.columns(["learner_key", "package", "module", "step_id"]).doNothing())
    .execute();
}

/**
 * A learner's module page is the page most people see: the steps they have read and whether they
 * completed the module come in one query, compiled once (on PostgreSQL each query is a round trip
 * and wakes a backend).
 */
const moduleProgressQuery = prepared(["learnerKey", "pkg", "mod"], (db, v) =>
  db
    .selectFrom("learning_step")
    .select([sql<"step" | "completion">`'step'`.as("row"), "step_id as value"])
    .where("learner_key", "=", v.learnerKey)
    .where("package", "=", v.pkg)
    .where("module", "=", v.mod)
    .unionAll(
      db
        .selectFrom("module_completion")
        .select([sql<"completion">`'completion'`.as("row"), "mode as value"])
        .where("learner_key", "=", v.learnerKey)
        .where("package", "=", v.pkg)
        .where("module", "=", v.mod),
    ),
);

export async function getModuleProgress(
  db: Kysely<Database>,
  learnerKey: string | null,
  pkg: string,
  mod: number,
) {
  const seen = new Set<string>();
  let completion: { mode: CompletionMode } | null = null;
  if (!learnerKey) return { seen, completion };
  for (const row of await moduleProgressQuery(db, { learnerKey, pkg, mod })) {
    if (row.row === "step") seen.add(row.value);
    else completion = { mode: row.value as CompletionMode };
  }
  return { seen, completion };
}

/** Completed modules of a learner, as "pakke/modul" keys. */
export async function listCompletions(db: Kysely<Database>, learnerKey: string | null) {
  if (!learnerKey) return new Map<string, CompletionMode>();
  const rows = await db
    .selectFrom("module_completion")
    .select(["package", "module", "mode"])
    .where("learner_key", "=", learnerKey)
    .execute();
  return new Map(rows.map((r) => [`${r.package}/${r.module}`, r.mode]));
}

export async function recordQuizAttempt(
  db: Kysely<Database>,
  learner: Learner,
  options: {
    pkg: string;
    mod: number;
    answers: QuizAnswers;
    correct: number;
    total: number;
    passed: boolean;
  },
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("quiz_attempt")
      .values({
        id: newId(),
        learner_key: learner.key,
        user_id: learner.userId,
        package: options.pkg,
        module: options.mod,
        answers: JSON.stringify(options.answers),
        correct: options.correct,
        total: options.total,
        passed: options.passed ? 1 : 0,
        created_at: nowIso(),
      })
      .execute();
    if (options.passed)
      await completeModule(trx, learner.key, learner.userId, options.pkg, options.mod, "individuelt");
  });
}

export async function completeModule(
  db: Kysely<Database>,
  learnerKey: string,
  userId: string | null,
  pkg: string,
  mod: number,
  mode: CompletionMode,
) {
  await db
    .insertInto("module_completion")
    .values({
      id: newId(),
      learner_key: learnerKey,
      user_id: userId,
      package: pkg,
      module: mod,
      mode,
      completed_at: nowIso(),
    })
    .onConflict((oc) => oc.columns(["learner_key", "package", "module"]).doNothing())
    .execute();
}

/**
 * Moves an anonymous browser's progress to the account that just logged in or registered.
 * What the account already had wins where both have the same step or module.
 */
export async function mergeAnonymousProgress(db: Kysely<Database>, anonymousKey: string, userId: string) {
  const userKey = `u:${userId}`;
  await db.transaction().execute(async (trx) => {
    const steps = await trx
      .selectFrom("learning_step")
      .selectAll()
      .where("learner_key", "=", anonymousKey)
      .execute();
    for (const s of steps) {
      await trx
        .insertInto("learning_step")
        .values({ ...s, learner_key: userKey, user_id: userId })
        .onConflict((oc) => oc.columns(["learner_key", "package", "module", "step_id"]).doNothing())
        .execute();
    }
    const completions = await trx
      .selectFrom("module_completion")
      .selectAll()
      .where("learner_key", "=", anonymousKey)
      .execute();
    for (const c of completions) {
      await trx
        .insertInto("module_completion")
        .values({ ...c, id: newId(), learner_key: userKey, user_id: userId })
        .onConflict((oc) => oc.columns(["learner_key", "package", "module"]).doNothing())
        .execute();
    }
    await trx
      .updateTable("quiz_attempt")
      .set({ learner_key: userKey, user_id: userId })
      .where("learner_key", "=", anonymousKey)
      .execute();
    await trx.deleteFrom("learning_step").where("learner_key", "=", anonymousKey).execute();
    await trx.deleteFrom("module_completion").where("learner_key", "=", anonymousKey).execute();
  });
}

import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

type Db = Kysely<Database>;

/**
 * Deletes better-auth's `verification` rows whose time has run out: the state of a single sign-on
 * that was started and never finished (decision 023), and links to set a new password that were
 * never used. better-auth deletes a row when it is used, refuses an expired one, and (1.7.24)
 * sweeps expired rows at most once a minute, but only while someone's link or sign-in is being
 * looked up: in a quiet time they stay. This runs hourly whatever happens. Returns how many.
 */
export async function deleteExpiredVerifications(db: Db, now = Date.now()) {
  const result = await db
    .deleteFrom("verification")
    // An ISO time: compared as text on SQLite (better-auth writes ISO there), as a time on PostgreSQL.
    .where("expiresAt", "<", new Date(now).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Deletes sign-ins (better-auth's `session` rows) whose time has run out. Each holds the IP address
 * and browser it was made from; better-auth refuses an expired one and deletes it only when that
 * browser comes back, so without this a sign-in from a shared school PC would keep its address for
 * good. The privacy statement says a sign-in lasts at most 14 days. Returns how many.
 */
export async function deleteExpiredSessions(db: Db, now = Date.now()) {
  const result = await db
    .deleteFrom("session")
    .where("expiresAt", "<", new Date(now).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A rate limit's window is a minute at most (auth.server.ts); a day is far past any of them. */
const RATE_LIMIT_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes better-auth's rate-limit counters nobody has touched for a day. Their key is the IP
 * address and the path, and better-auth only ever overwrites them, so every address that once
 * tried to sign in would otherwise stay in the table. Returns how many.
 */
export async function deleteStaleRateLimits(db: Db, now = Date.now()) {
  const result = await db
    .deleteFrom("rateLimit")
    .where("lastRequest", "<", now - RATE_LIMIT_KEPT_MS)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

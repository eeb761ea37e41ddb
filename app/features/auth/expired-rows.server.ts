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

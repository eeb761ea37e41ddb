import { type Kysely, type SqlBool, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { localeOr } from "../../i18n/locales.ts";
import { DAY, dayInNorway, formatDate, nowIso } from "../../lib/time.ts";
import type { Mailer } from "../email/mailer.server.ts";
import { buildEmail } from "../email/templates.server.ts";

type Db = Kysely<Database>;

/**
 * A course account (a person who signed up for the courses and has no role in any organisation) is
 * warned after two years without a sign-in: two school years, so that a teacher who takes a course
 * each autumn is never warned. It is deleted a month after the warning unless they sign in.
 * Accounts with a role belong to an owner's staff: the owner removes them, never this job.
 */
export const INACTIVE_AFTER_DAYS = 730;
export const GRACE_DAYS = 30;

/** Records a sign-in (a new session): the account is in use, and any warning is withdrawn. */
export async function recordSignIn(db: Db, userId: string, at = nowIso()) {
  await db
    .insertInto("account_activity")
    .values({ user_id: userId, last_login_at: at, warned_at: null })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ last_login_at: at, warned_at: null }))
    .execute();
}

/**
 * A course account: the person has no membership of any kind (a platform admin has one too).
 * `userColumn` is the user's id in the query ("u.id", "a.user_id", …).
 */
const isCourseAccount = (userColumn: string) =>
  sql<SqlBool>`not exists (select 1 from membership as m where m.user_id = ${sql.ref(userColumn)})`;

/**
 * Warns each course account that has not signed in for INACTIVE_AFTER_DAYS (or never did, since it
 * was made) by e-mail, once: the warning is claimed in the database before it is sent, so several
 * instances may run this at once. Returns how many were warned.
 */
export async function warnInactiveAccounts(
  db: Db,
  mailer: Mailer,
  options: { publicUrl: string; now?: number },
) {
  const now = options.now ?? Date.now();
  const cutoff = new Date(now - INACTIVE_AFTER_DAYS * DAY).toISOString();
  // Two reads, each from an index on its date, so that only accounts past the cut-off are read:
  // those whose last sign-in is older, and those made before it that never signed in.
  const [signedIn, never] = await Promise.all([
    db
      .selectFrom("account_activity as a")
      .innerJoin("user as u", "u.id", "a.user_id")
      .select(["u.id", "u.name", "u.email", "u.locale", "u.createdAt", "a.user_id as known"])
      .where("a.last_login_at", "<", cutoff)
      .where("a.warned_at", "is", null)
      .where(isCourseAccount("a.user_id"))
      .execute(),
    db
      .selectFrom("user as u")
      .select(["u.id", "u.name", "u.email", "u.locale", "u.createdAt", sql<null>`null`.as("known")])
      .where("u.createdAt", "<", cutoff)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(selectFrom("account_activity as a").select("a.user_id").whereRef("a.user_id", "=", "u.id")),
        ),
      )
      .where(isCourseAccount("u.id"))
      .execute(),
  ]);
  const candidates = [...signedIn, ...never];
  const warnedAt = new Date(now).toISOString();
  let warned = 0;
  for (const user of candidates) {
    // Claim the warning: a row that others have warned (or that signed in meanwhile) is left alone.
    let claimed: bigint;
    if (user.known) {
      const result = await db
        .updateTable("account_activity")
        .set({ warned_at: warnedAt })
        .where("user_id", "=", user.id)
        .where("warned_at", "is", null)
        .where("last_login_at", "<", cutoff)
        .executeTakeFirst();
      claimed = result.numUpdatedRows;
    } else {
      const result = await db
        .insertInto("account_activity")
        // Never signed in: the day the account was made stands for the last sign-in.
        .values({
          user_id: user.id,
          last_login_at: new Date(user.createdAt).toISOString(),
          warned_at: warnedAt,
        })
        .onConflict((oc) => oc.column("user_id").doNothing())
        .executeTakeFirst();
      claimed = result.numInsertedOrUpdatedRows ?? 0n;
    }
    if (claimed === 0n) continue;
    const locale = localeOr(user.locale);
    await mailer.send(
      buildEmail("inactive", locale, {
        to: user.email,
        name: user.name,
        url: `${options.publicUrl}/logg-inn`,
        moment: formatDate(dayInNorway(now + GRACE_DAYS * DAY), locale),
      }),
    );
    warned++;
  }
  return warned;
}

/**
 * Deletes the course accounts that were warned more than GRACE_DAYS ago and have not signed in
 * since (a sign-in clears the warning). Their sessions, course progress and certificates go with
 * them (the foreign keys cascade); what they wrote in an owner's registers stays, without their name.
 * Returns how many were deleted.
 */
export async function deleteInactiveAccounts(db: Db, options: { now?: number } = {}) {
  const now = options.now ?? Date.now();
  const cutoff = new Date(now - GRACE_DAYS * DAY).toISOString();
  const due = await db
    .selectFrom("account_activity as a")
    .select("a.user_id as id")
    .where("a.warned_at", "<", cutoff)
    .where(isCourseAccount("a.user_id"))
    .execute();
  if (due.length === 0) return 0;
  // Checked again in the delete itself: someone who signs in or gets a role now is kept.
  const result = await db
    .deleteFrom("user")
    .where(
      "id",
      "in",
      due.map((u) => u.id),
    )
    .where(isCourseAccount("user.id"))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("account_activity as a")
          .select("a.user_id")
          .whereRef("a.user_id", "=", "user.id")
          .where("a.warned_at", "<", cutoff),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

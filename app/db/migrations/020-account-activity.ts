import type { Kysely } from "kysely";

/**
 * When each person last signed in, and when we warned them that their course account would be
 * deleted for lack of use (the privacy statement promises both: a warning first, then deletion).
 * A row is written at every new session; a sign-in after the warning clears it.
 */
export function migration020() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("account_activity")
        .addColumn("user_id", "text", (c) => c.primaryKey().references("user.id").onDelete("cascade"))
        .addColumn("last_login_at", "text", (c) => c.notNull())
        .addColumn("warned_at", "text")
        .execute();
    },
  };
}

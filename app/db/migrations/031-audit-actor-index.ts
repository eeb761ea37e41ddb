import type { Kysely } from "kysely";

/**
 * The log page's person filter lists who appears in an owner's log (decision 025). With an index
 * on (`tenant_id`, `actor_user_id`) the query steps from one person to the next in the index
 * (a loose index scan), instead of reading every row the owner has.
 */
export function migration031() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex("audit_log_tenant_actor_idx")
        .on("audit_log")
        .columns(["tenant_id", "actor_user_id"])
        .execute();
    },
  };
}

import type { Kysely } from "kysely";

/**
 * Two loose ends (decisions 025 and 015):
 * - The log page's person filter lists who appears in an owner's log. With an index on
 *   (`tenant_id`, `actor_user_id`) the query steps from one person to the next in the index (a
 *   loose index scan), instead of reading every row the owner has.
 * - An owner's koordinator can take the owner out of a network. The network keeps only that the
 *   owner left, when and by whom (`network_departure`), which its programansvarlig sees; joining
 *   again removes the note, and the row goes with the owner or the network.
 */
export function migration031() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex("audit_log_tenant_actor_idx")
        .on("audit_log")
        .columns(["tenant_id", "actor_user_id"])
        .execute();
      await db.schema
        .createTable("network_departure")
        .addColumn("network_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("left_at", "text", (c) => c.notNull())
        .addColumn("left_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .addPrimaryKeyConstraint("network_departure_pk", ["network_id", "owner_id"])
        .execute();
      await db.schema
        .createIndex("network_departure_owner_idx")
        .on("network_departure")
        .column("owner_id")
        .execute();
    },
  };
}

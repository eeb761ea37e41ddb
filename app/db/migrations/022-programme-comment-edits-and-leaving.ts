import type { Kysely } from "kysely";

/**
 * A comment in a guidance group can be corrected (when it was last changed), and an owner can leave
 * a programme (decision 017): the programme keeps only that it left and when, so its
 * programansvarlig can see it.
 */
export function migration022() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("programme_comment").addColumn("edited_at", "text").execute();
      await db.schema
        .createTable("programme_departure")
        .addColumn("programme_id", "text", (c) => c.notNull().references("programme.id").onDelete("cascade"))
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("left_at", "text", (c) => c.notNull())
        .addColumn("left_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .addPrimaryKeyConstraint("programme_departure_pk", ["programme_id", "owner_id"])
        .execute();
    },
  };
}

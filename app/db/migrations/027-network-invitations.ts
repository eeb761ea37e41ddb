import type { Kysely } from "kysely";

/**
 * A network's programansvarlig invites an owner to join the network; the owner's koordinator says
 * yes or no. One open invitation per network and owner; an answer removes it (the log keeps it).
 */
export function migration027() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("network_invitation")
        .addColumn("network_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("invited_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .addColumn("invited_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("network_invitation_pk", ["network_id", "owner_id"])
        .execute();
      await db.schema
        .createIndex("network_invitation_owner_idx")
        .on("network_invitation")
        .column("owner_id")
        .execute();
    },
  };
}

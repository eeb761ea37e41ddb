import type { Kysely } from "kysely";

/**
 * The guidance programme (veiledertjeneste) a network runs: its period, the owners taking part,
 * and its gatherings 0–4 (made from the template, each with a date and a place).
 */
export function migration011() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("programme")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("network_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("starts_on", "text")
        .addColumn("ends_on", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .execute();
      await db.schema.createIndex("programme_network_idx").on("programme").column("network_id").execute();
      await db.schema
        .createTable("programme_owner")
        .addColumn("programme_id", "text", (c) => c.notNull().references("programme.id").onDelete("cascade"))
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("joined_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("programme_owner_pk", ["programme_id", "owner_id"])
        .execute();
      // "Which programmes does this owner take part in": the owner's koordinator's list.
      await db.schema
        .createIndex("programme_owner_owner_idx")
        .on("programme_owner")
        .column("owner_id")
        .execute();
      await db.schema
        .createTable("programme_gathering")
        .addColumn("programme_id", "text", (c) => c.notNull().references("programme.id").onDelete("cascade"))
        /** 0 (the guides' own) to 4, as in the template. */
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("held_on", "text")
        .addColumn("place", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("programme_gathering_pk", ["programme_id", "number"])
        .execute();
    },
  };
}

import type { Kysely } from "kysely";

/**
 * The links a network's programansvarlig adds to a programme's resource library (decision 027):
 * a title, an address, a short description, who it is for and, if it belongs to one, the gathering.
 * The built-in resources are content files, not rows.
 */
export function migration033() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("programme_resource")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("programme_id", "text", (c) => c.notNull().references("programme.id").onDelete("cascade"))
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull())
        .addColumn("audience", "text", (c) => c.notNull())
        .addColumn("gathering", "integer")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .execute();
      await db.schema
        .createIndex("programme_resource_programme_idx")
        .on("programme_resource")
        .column("programme_id")
        .execute();
    },
  };
}

import type { Kysely } from "kysely";
import type { Dialect } from "../connect.server.ts";

/** Modules an owner assigns to roles and units, and the reminders sent about them. */
export function migration004(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("learning_assignment")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("package", "text", (c) => c.notNull())
        .addColumn("module", "integer", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("unit_id", "text", (c) => c.references("organisation.id").onDelete("cascade"))
        .addColumn("due_date", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("learning_assignment_owner_idx")
        .on("learning_assignment")
        .columns(["owner_id", "due_date"])
        .execute();

      await db.schema
        .createTable("assignment_reminder")
        .addColumn("assignment_id", "text", (c) =>
          c.notNull().references("learning_assignment.id").onDelete("cascade"),
        )
        .addColumn("user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("sent_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("assignment_reminder_pk", ["assignment_id", "user_id", "kind"])
        .execute();
    },
  };
}

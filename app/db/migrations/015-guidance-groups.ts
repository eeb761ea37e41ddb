import type { Kysely } from "kysely";

/**
 * Guidance groups of a programme (a few owners with one guide), what each owner lets the programme
 * see of its work, the comments between a guide and an owner, and who attended each gathering.
 */
export function migration015() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("programme_group")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("programme_id", "text", (c) => c.notNull().references("programme.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        /** The guide; a group whose guide's account is gone waits for a new one. */
        .addColumn("guide_id", "text", (c) => c.references("user.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("programme_group_programme_idx")
        .on("programme_group")
        .column("programme_id")
        .execute();
      // The key (programme, owner) is what keeps an owner in at most one group of a programme.
      await db.schema
        .createTable("programme_group_owner")
        .addColumn("programme_id", "text", (c) => c.notNull().references("programme.id").onDelete("cascade"))
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("group_id", "text", (c) =>
          c.notNull().references("programme_group.id").onDelete("cascade"),
        )
        .addPrimaryKeyConstraint("programme_group_owner_pk", ["programme_id", "owner_id"])
        .execute();
      await db.schema
        .createIndex("programme_group_owner_group_idx")
        .on("programme_group_owner")
        .column("group_id")
        .execute();
      // No row means nothing shared: the default is off.
      await db.schema
        .createTable("programme_share")
        .addColumn("programme_id", "text", (c) => c.notNull().references("programme.id").onDelete("cascade"))
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        /** 1: the phase, the latest round's progress and the plan's progress. */
        .addColumn("progress", "integer", (c) => c.notNull())
        /** 1: the area scores of the latest closed round. */
        .addColumn("scores", "integer", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .addPrimaryKeyConstraint("programme_share_pk", ["programme_id", "owner_id"])
        .execute();
      await db.schema
        .createTable("programme_comment")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("programme_id", "text", (c) => c.notNull().references("programme.id").onDelete("cascade"))
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("author_id", "text", (c) => c.references("user.id").onDelete("set null"))
        /** The name as it was when written: the thread still reads right after the account is gone. */
        .addColumn("author_name", "text", (c) => c.notNull())
        /** veileder (the guide) or eier (the owner's answer). */
        .addColumn("side", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("programme_comment_owner_idx")
        .on("programme_comment")
        .columns(["programme_id", "owner_id", "created_at"])
        .execute();
      await db.schema
        .createTable("programme_attendance")
        .addColumn("programme_id", "text", (c) => c.notNull().references("programme.id").onDelete("cascade"))
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("recorded_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .addPrimaryKeyConstraint("programme_attendance_pk", ["programme_id", "number", "owner_id"])
        .execute();
    },
  };
}

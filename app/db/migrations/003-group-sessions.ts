import type { Kysely } from "kysely";
import type { Dialect } from "../connect.server.ts";

/** Group sessions: a leader presents a module; participants join on their phones with a code. */
export function migration003(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("group_session")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("code", "text", (c) => c.notNull())
        .addColumn("package", "text", (c) => c.notNull())
        .addColumn("module", "integer", (c) => c.notNull())
        .addColumn("host_user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
        .addColumn("unit_id", "text", (c) => c.references("organisation.id").onDelete("set null"))
        .addColumn("phase", "text", (c) => c.notNull())
        .addColumn("step_index", "integer", (c) => c.notNull())
        .addColumn("question_index", "integer", (c) => c.notNull())
        .addColumn("timer_ends_at", "text")
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("ended_at", "text")
        .execute();
      await db.schema
        .createIndex("group_session_code_idx")
        .on("group_session")
        .columns(["code", "ended_at"])
        .execute();

      await db.schema
        .createTable("group_participant")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("session_id", "text", (c) =>
          c.notNull().references("group_session.id").onDelete("cascade"),
        )
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("joined_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("group_participant_session_idx")
        .on("group_participant")
        .column("session_id")
        .execute();

      await db.schema
        .createTable("group_answer")
        .addColumn("session_id", "text", (c) =>
          c.notNull().references("group_session.id").onDelete("cascade"),
        )
        .addColumn("participant_id", "text", (c) =>
          c.notNull().references("group_participant.id").onDelete("cascade"),
        )
        .addColumn("question_id", "text", (c) => c.notNull())
        .addColumn("option_ids", "text", (c) => c.notNull())
        .addColumn("answered_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("group_answer_pk", ["session_id", "question_id", "participant_id"])
        .execute();

      await db.schema
        .createTable("group_attendance")
        .addColumn("session_id", "text", (c) =>
          c.notNull().references("group_session.id").onDelete("cascade"),
        )
        .addColumn("user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
        .addColumn("recorded_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("group_attendance_pk", ["session_id", "user_id"])
        .execute();
    },
  };
}

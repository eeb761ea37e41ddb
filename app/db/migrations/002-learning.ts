import type { Kysely } from "kysely";
import type { Dialect } from "../connect.server.ts";

/**
 * Course progress. A learner is an account (user_id) or an anonymous browser (learner_key, from a
 * cookie); when an anonymous learner logs in, the rows move to the account.
 */
export function migration002(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("learning_step")
        .addColumn("learner_key", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.references("user.id").onDelete("cascade"))
        .addColumn("package", "text", (c) => c.notNull())
        .addColumn("module", "integer", (c) => c.notNull())
        .addColumn("step_id", "text", (c) => c.notNull())
        .addColumn("seen_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("learning_step_pk", ["learner_key", "package", "module", "step_id"])
        .execute();

      await db.schema
        .createTable("quiz_attempt")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("learner_key", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.references("user.id").onDelete("cascade"))
        .addColumn("package", "text", (c) => c.notNull())
        .addColumn("module", "integer", (c) => c.notNull())
        .addColumn("answers", "text", (c) => c.notNull())
        .addColumn("correct", "integer", (c) => c.notNull())
        .addColumn("total", "integer", (c) => c.notNull())
        .addColumn("passed", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("quiz_attempt_learner_idx")
        .on("quiz_attempt")
        .columns(["learner_key", "package", "module"])
        .execute();

      await db.schema
        .createTable("module_completion")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("learner_key", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.references("user.id").onDelete("cascade"))
        .addColumn("package", "text", (c) => c.notNull())
        .addColumn("module", "integer", (c) => c.notNull())
        /** individuelt or gruppe */
        .addColumn("mode", "text", (c) => c.notNull())
        .addColumn("completed_at", "text", (c) => c.notNull())
        .addUniqueConstraint("module_completion_uq", ["learner_key", "package", "module"])
        .execute();
      await db.schema
        .createIndex("module_completion_user_idx")
        .on("module_completion")
        .columns(["user_id", "package", "module"])
        .execute();

      await db.schema
        .createTable("certificate")
        .addColumn("code", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
        .addColumn("holder_name", "text", (c) => c.notNull())
        .addColumn("package", "text", (c) => c.notNull())
        .addColumn("module", "integer", (c) => c.notNull())
        .addColumn("mode", "text", (c) => c.notNull())
        .addColumn("issued_at", "text", (c) => c.notNull())
        .addColumn("public", "integer", (c) => c.notNull())
        .addUniqueConstraint("certificate_uq", ["user_id", "package", "module"])
        .execute();
    },
  };
}

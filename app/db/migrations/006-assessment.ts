import type { Kysely } from "kysely";
import type { Dialect } from "../connect.server.ts";

/**
 * Assessment rounds (kartlegging): a round of one owner on one version of the question bank, the
 * units it covers, who answers for what, every person's answers, and the reconciled final answers.
 * A "scope" is "eier" (owner-level questions) or the id of a unit (unit-level questions).
 */
export function migration006(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("assessment_round")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("bank_version", "text", (c) => c.notNull())
        .addColumn("deadline", "text")
        /** "open" or "closed"; a closed round is read-only. */
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("closed_at", "text")
        .execute();
      await db.schema
        .createIndex("assessment_round_owner_idx")
        .on("assessment_round")
        .columns(["owner_id", "created_at"])
        .execute();
      await db.schema
        .createTable("assessment_round_unit")
        .addColumn("round_id", "text", (c) =>
          c.notNull().references("assessment_round.id").onDelete("cascade"),
        )
        .addColumn("unit_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("assessment_round_unit_pk", ["round_id", "unit_id"])
        .execute();
      await db.schema
        .createTable("assessment_respondent")
        .addColumn("round_id", "text", (c) =>
          c.notNull().references("assessment_round.id").onDelete("cascade"),
        )
        .addColumn("user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
        .addColumn("scope", "text", (c) => c.notNull())
        .addColumn("invited_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("assessment_respondent_pk", ["round_id", "user_id", "scope"])
        .execute();
      await db.schema
        .createTable("assessment_answer")
        .addColumn("round_id", "text", (c) =>
          c.notNull().references("assessment_round.id").onDelete("cascade"),
        )
        .addColumn("scope", "text", (c) => c.notNull())
        .addColumn("question_id", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
        /** 1–5, or null when not answered yet or not relevant. */
        .addColumn("level", "integer")
        .addColumn("not_relevant", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("evidence_url", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("assessment_answer_pk", ["round_id", "scope", "question_id", "user_id"])
        .execute();
      await db.schema
        .createTable("assessment_final")
        .addColumn("round_id", "text", (c) =>
          c.notNull().references("assessment_round.id").onDelete("cascade"),
        )
        .addColumn("scope", "text", (c) => c.notNull())
        .addColumn("question_id", "text", (c) => c.notNull())
        .addColumn("level", "integer")
        .addColumn("not_relevant", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("decided_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .addColumn("decided_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("assessment_final_pk", ["round_id", "scope", "question_id"])
        .execute();
      /** Files uploaded as evidence for an answer (checked for size and type before they are kept). */
      await db.schema
        .createTable("assessment_evidence")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("round_id", "text", (c) =>
          c.notNull().references("assessment_round.id").onDelete("cascade"),
        )
        .addColumn("scope", "text", (c) => c.notNull())
        .addColumn("question_id", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.references("user.id").onDelete("set null"))
        .addColumn("filename", "text", (c) => c.notNull())
        .addColumn("mime", "text", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("data", dialect === "postgres" ? "bytea" : "blob", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("assessment_evidence_question_idx")
        .on("assessment_evidence")
        .columns(["round_id", "scope", "question_id"])
        .execute();
      /**
       * Answers posted after the session expired: kept until the person logs in again (the token is
       * in a cookie of the browser that posted), then saved. Expires after a day.
       */
      await db.schema
        .createTable("assessment_pending")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("path", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
      /** Area scores of a closed round, kept for the anonymous comparison across owners. */
      await db.schema
        .createTable("assessment_area_score")
        .addColumn("round_id", "text", (c) =>
          c.notNull().references("assessment_round.id").onDelete("cascade"),
        )
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("area_id", "text", (c) => c.notNull())
        .addColumn("score", "integer", (c) => c.notNull())
        .addColumn("closed_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("assessment_area_score_pk", ["round_id", "area_id"])
        .execute();
      await db.schema
        .createIndex("assessment_area_score_area_idx")
        .on("assessment_area_score")
        .columns(["owner_id", "area_id", "closed_at"])
        .execute();
    },
  };
}

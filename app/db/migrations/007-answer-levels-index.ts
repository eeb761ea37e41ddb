import type { Kysely } from "kysely";

/**
 * Indexes for reading a round's answers. A covering index for the two queries that read every
 * answer of a round at once (progress on the round page, and scoring): they need only the level,
 * so the database answers from the index without visiting the table (docs/performance.md). And one
 * for where a person left off.
 */
export function migration007() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex("assessment_answer_levels_idx")
        .on("assessment_answer")
        .columns(["round_id", "scope", "question_id", "level", "not_relevant"])
        .execute();
      // Where the person left off: their latest answer in a round.
      await db.schema
        .createIndex("assessment_answer_user_idx")
        .on("assessment_answer")
        .columns(["round_id", "user_id", "updated_at"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex("assessment_answer_levels_idx").execute();
      await db.schema.dropIndex("assessment_answer_user_idx").execute();
    },
  };
}

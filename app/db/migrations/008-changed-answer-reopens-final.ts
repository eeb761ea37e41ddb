import { type Kysely, sql } from "kysely";
import type { Dialect } from "../connect.server.ts";

/**
 * A final answer settles the answers it was made from. When someone gives a new answer to the
 * question afterwards, or changes their level (or "not relevant"), and the final answer no longer
 * matches it, the final answer is withdrawn: the question is back on the koordinator's list to
 * reconcile, and the round counts it as open again. A change of comment, link or reason only, an
 * answer cleared, or a new answer equal to the final answer leave it as it is.
 *
 * A trigger, so that every way an answer is written (autosave, the save button, the answer kept
 * over a login, batched statements) keeps to it. Decision 007.
 */
export function migration008(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === "postgres") {
        await sql`
          create function assessment_answer_reopens_final() returns trigger language plpgsql as $$
          begin
            if (new.level is not null or new.not_relevant = 1)
              and (tg_op = 'INSERT' or old.level is distinct from new.level
                   or old.not_relevant <> new.not_relevant) then
              delete from assessment_final f
              where f.round_id = new.round_id and f.scope = new.scope
                and f.question_id = new.question_id
                and (f.level is distinct from new.level or f.not_relevant <> new.not_relevant);
            end if;
            return null;
          end $$`.execute(db);
        await sql`
          create trigger assessment_answer_reopens_final
          after insert or update of level, not_relevant on assessment_answer
          for each row execute function assessment_answer_reopens_final()`.execute(db);
        return;
      }
      await sql`
        create trigger assessment_answer_reopens_final_insert after insert on assessment_answer
        when new.level is not null or new.not_relevant = 1
        begin
          delete from assessment_final
          where round_id = new.round_id and scope = new.scope and question_id = new.question_id
            and (level is not new.level or not_relevant <> new.not_relevant);
        end`.execute(db);
      await sql`
        create trigger assessment_answer_reopens_final_update
        after update of level, not_relevant on assessment_answer
        when (new.level is not null or new.not_relevant = 1)
          and (old.level is not new.level or old.not_relevant <> new.not_relevant)
        begin
          delete from assessment_final
          where round_id = new.round_id and scope = new.scope and question_id = new.question_id
            and (level is not new.level or not_relevant <> new.not_relevant);
        end`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (dialect === "postgres") {
        await sql`drop trigger assessment_answer_reopens_final on assessment_answer`.execute(db);
        await sql`drop function assessment_answer_reopens_final()`.execute(db);
        return;
      }
      await sql`drop trigger assessment_answer_reopens_final_insert`.execute(db);
      await sql`drop trigger assessment_answer_reopens_final_update`.execute(db);
    },
  };
}

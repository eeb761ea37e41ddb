import { type Kysely, sql } from "kysely";
import type { Dialect } from "../connect.server.ts";

/**
 * A round's revision moves whenever what its overview counts can change: an answer with a level or
 * "not relevant" written or removed, a level changed, a final answer made or withdrawn. The
 * overview keeps its per-part counts for the revision it read, and counts again only when the
 * revision has moved (decision 029). Triggers, so that every way an answer is written (autosave,
 * the save button, batched statements, the trigger that withdraws a final answer) moves it; a new
 * comment or link does not.
 */
export function migration035(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("assessment_round")
        .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      if (dialect === "postgres") {
        await sql`
          create function assessment_round_bump() returns trigger language plpgsql as $$
          begin
            update assessment_round set revision = revision + 1
            where id = case when tg_op = 'DELETE' then old.round_id else new.round_id end;
            return null;
          end $$`.execute(db);
        await sql`
          create trigger assessment_answer_bumps_round_insert after insert on assessment_answer
          for each row when (new.level is not null or new.not_relevant = 1)
          execute function assessment_round_bump()`.execute(db);
        await sql`
          create trigger assessment_answer_bumps_round_update
          after update of level, not_relevant on assessment_answer
          for each row when (old.level is distinct from new.level or old.not_relevant <> new.not_relevant)
          execute function assessment_round_bump()`.execute(db);
        await sql`
          create trigger assessment_answer_bumps_round_delete after delete on assessment_answer
          for each row when (old.level is not null or old.not_relevant = 1)
          execute function assessment_round_bump()`.execute(db);
        await sql`
          create trigger assessment_final_bumps_round after insert or delete on assessment_final
          for each row execute function assessment_round_bump()`.execute(db);
        return;
      }
      const bump = (id: "new" | "old") =>
        sql.raw(`update assessment_round set revision = revision + 1 where id = ${id}.round_id;`);
      await sql`
        create trigger assessment_answer_bumps_round_insert after insert on assessment_answer
        when new.level is not null or new.not_relevant = 1
        begin ${bump("new")} end`.execute(db);
      await sql`
        create trigger assessment_answer_bumps_round_update after update of level, not_relevant on assessment_answer
        when old.level is not new.level or old.not_relevant <> new.not_relevant
        begin ${bump("new")} end`.execute(db);
      await sql`
        create trigger assessment_answer_bumps_round_delete after delete on assessment_answer
        when old.level is not null or old.not_relevant = 1
        begin ${bump("old")} end`.execute(db);
      await sql`
        create trigger assessment_final_bumps_round_insert after insert on assessment_final
        begin ${bump("new")} end`.execute(db);
      await sql`
        create trigger assessment_final_bumps_round_delete after delete on assessment_final
        begin ${bump("old")} end`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      const triggers = [
        "assessment_answer_bumps_round_insert",
        "assessment_answer_bumps_round_update",
        "assessment_answer_bumps_round_delete",
      ];
      if (dialect === "postgres") {
        for (const t of [...triggers, "assessment_final_bumps_round"])
          await sql`drop trigger ${sql.raw(t)} on ${sql.raw(t.startsWith("assessment_final") ? "assessment_final" : "assessment_answer")}`.execute(
            db,
          );
        await sql`drop function assessment_round_bump()`.execute(db);
      } else {
        for (const t of [
          ...triggers,
          "assessment_final_bumps_round_insert",
          "assessment_final_bumps_round_delete",
        ])
          await sql`drop trigger ${sql.raw(t)}`.execute(db);
      }
      await db.schema.alterTable("assessment_round").dropColumn("revision").execute();
    },
  };
}

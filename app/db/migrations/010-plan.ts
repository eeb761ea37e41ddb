import { type Kysely, sql } from "kysely";

/**
 * The owner's action plan (handlingsplan) and the prioritising that feeds it. A measure is first a
 * proposal (forslag), made from a closed round's gaps or typed in by the koordinator; the team
 * ranks it, and takes it into the plan (valgt) or leaves it out for now (valgt-bort), saying why.
 * A measure in the plan has a responsible person, a due date and a status; at the evaluation the
 * team records what effect it had. The due dates can be read by a calendar app (calendar_feed).
 */
export function migration010() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("plan_measure")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        /** The round whose answers the proposal came from; null for a measure typed in. */
        .addColumn("round_id", "text", (c) => c.references("assessment_round.id").onDelete("set null"))
        /** The bank question whose gap it closes. */
        .addColumn("question_id", "text")
        /** JSON array of the parts with the gap: "eier" or unit ids. */
        .addColumn("scopes", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull())
        /** The question's weight, 1–3. */
        .addColumn("weight", "integer", (c) => c.notNull())
        /** How far from good: 5 minus the lowest level answered, 1–4. */
        .addColumn("gap", "integer", (c) => c.notNull())
        /** The team's view of what happens if nothing is done, 1–3. */
        .addColumn("consequence", "integer", (c) => c.notNull())
        .addColumn("effort", "text", (c) => c.notNull())
        .addColumn("decision", "text", (c) => c.notNull())
        /** Why it was taken into the plan or left out. */
        .addColumn("reason", "text", (c) => c.notNull())
        /** The team's order; 1 first. */
        .addColumn("rank", "integer", (c) => c.notNull())
        .addColumn("responsible_id", "text", (c) => c.references("user.id").onDelete("set null"))
        .addColumn("due_on", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("progress_note", "text", (c) => c.notNull())
        /** A register entry the measure is about, e.g. the processing a DPIA is for. */
        .addColumn("processing_id", "text", (c) => c.references("processing.id").onDelete("set null"))
        .addColumn("done_on", "text")
        /** What the evaluation found: did it help, and how do we know. */
        .addColumn("effect", "text", (c) => c.notNull())
        /** The due date a reminder was sent for: a new date gets a new reminder. */
        .addColumn("reminded_for", "text")
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .execute();
      await db.schema
        .createIndex("plan_measure_owner_idx")
        .on("plan_measure")
        .columns(["owner_id", "decision", "rank"])
        .execute();
      // One proposal per question and round: making the proposals twice adds nothing.
      await sql`create unique index plan_measure_question_idx on plan_measure (owner_id, round_id, question_id)
        where question_id is not null`.execute(db);
      // The reminder job reads measures in the plan that are due soon.
      await sql`create index plan_measure_due_idx on plan_measure (due_on)
        where decision = 'valgt' and status <> 'ferdig'`.execute(db);
      // A secret address per person and owner for a calendar app to read the plan's due dates from.
      await db.schema
        .createTable("calendar_feed")
        /** sha256 of the token in the address; the token itself is shown once and not stored. */
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("calendar_feed_user_idx")
        .on("calendar_feed")
        .columns(["user_id", "owner_id"])
        .unique()
        .execute();
    },
  };
}

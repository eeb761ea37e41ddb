import { type Kysely, sql } from "kysely";

/**
 * The owner's incident log (avvik, GDPR art. 33(5)): what a staff member reported, and the
 * koordinator's handling of it: the risk to the people whose data it was, the notice to
 * Datatilsynet (art. 33), the word to the people affected (art. 34), and what was done.
 */
export function migration009() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("incident")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("unit_id", "text", (c) => c.references("organisation.id").onDelete("set null"))
        .addColumn("reported_by", "text", (c) => c.references("user.id").onDelete("set null"))
        /** When the report arrived: the owner knows of the breach from then, so the 72 hours run from it. */
        .addColumn("reported_at", "text", (c) => c.notNull())
        /** The reporter's own words. */
        .addColumn("what_happened", "text", (c) => c.notNull())
        /** A calendar date (YYYY-MM-DD), when the reporter knows it. */
        .addColumn("occurred_on", "text")
        /** JSON array of elever, barn, foresatte, ansatte, andre. */
        .addColumn("data_subjects", "text", (c) => c.notNull())
        .addColumn("affected", "text", (c) => c.notNull())
        .addColumn("sensitive", "text", (c) => c.notNull())
        .addColumn("done_already", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        /** JSON array of konfidensialitet, integritet, tilgjengelighet: what kind of breach it was. */
        .addColumn("breach_kinds", "text", (c) => c.notNull())
        .addColumn("risk", "text")
        .addColumn("assessment", "text", (c) => c.notNull())
        .addColumn("notified_on", "text")
        .addColumn("notice_reference", "text", (c) => c.notNull())
        .addColumn("not_notified_reason", "text", (c) => c.notNull())
        /** Why the notice came after the 72 hours (art. 33(1) asks for the reasons). */
        .addColumn("late_reason", "text", (c) => c.notNull())
        .addColumn("informed", "text")
        .addColumn("informed_note", "text", (c) => c.notNull())
        .addColumn("measures", "text", (c) => c.notNull())
        .addColumn("closed_at", "text")
        /** When the koordinator was reminded that the 72 hours are running out (once per incident). */
        .addColumn("reminded_at", "text")
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .execute();
      // The log's order, open ones first and then the newest, read from the index a page at a
      // time (both databases index an expression, and read an index backwards or forwards).
      await sql`create index incident_log_idx on incident
        (owner_id, (case when status = 'lukket' then 1 else 0 end), reported_at desc, id desc)`.execute(db);
      await db.schema
        .createIndex("incident_reporter_idx")
        .on("incident")
        .columns(["reported_by", "reported_at"])
        .execute();
    },
  };
}

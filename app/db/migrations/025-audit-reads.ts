import { type Kysely, sql } from "kysely";

/**
 * The audit log also records who read an entry of a register or took an export (decision 025).
 * `read_key` is set only on those rows: who, what, which entry and the hour, unique, so that a
 * second read within the hour is ignored by the insert itself (no read before the write). The
 * partial index lets the hourly job find read rows older than the retention time without reading
 * the changes, which are kept.
 */
export function migration025() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("audit_log").addColumn("read_key", "text").execute();
      await db.schema
        .createIndex("audit_log_read_key_idx")
        .unique()
        .on("audit_log")
        .column("read_key")
        .execute();
      await db.schema
        .createIndex("audit_log_read_at_idx")
        .on("audit_log")
        .column("at")
        .where(sql.ref("read_key"), "is not", null)
        .execute();
    },
  };
}

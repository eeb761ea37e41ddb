import type { Kysely } from "kysely";
import type { Dialect } from "../connect.server.ts";

/** The owner's record of processing (behandlingsoversikt, GDPR art. 30). */
export function migration005(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("processing")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("unit_id", "text", (c) => c.references("organisation.id").onDelete("set null"))
        .addColumn("template_id", "text")
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("purpose", "text", (c) => c.notNull())
        .addColumn("legal_basis", "text", (c) => c.notNull())
        .addColumn("art9_condition", "text")
        .addColumn("national_basis", "text", (c) => c.notNull())
        /** JSON arrays. */
        .addColumn("data_subjects", "text", (c) => c.notNull())
        .addColumn("data_types", "text", (c) => c.notNull())
        /** Data types not in the catalogue, one per line, each classified when saved. */
        .addColumn("other_data_types", "text", (c) => c.notNull())
        .addColumn("recipients", "text", (c) => c.notNull())
        .addColumn("third_country", "text", (c) => c.notNull())
        .addColumn("retention", "text", (c) => c.notNull())
        .addColumn("systems", "text", (c) => c.notNull())
        .addColumn("security", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("review_date", "text")
        /** What the user typed but has not saved as valid yet (autosave), as JSON. */
        .addColumn("draft", "text")
        .addColumn("draft_at", "text")
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .execute();
      await db.schema
        .createIndex("processing_owner_idx")
        .on("processing")
        .columns(["owner_id", "name"])
        .execute();
    },
  };
}

import type { Kysely } from "kysely";

/**
 * The owner's register of digital services and learning resources (systemer og leverandører):
 * who supplies each, whether the supplier processes personal data on the owner's behalf, the data
 * processing agreement (GDPR art. 28), transfers out of the EU/EEA, the last risk assessment, whether
 * a DPIA is needed, and the decision to use it or not.
 */
export function migration012() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("digital_service")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("supplier", "text", (c) => c.notNull())
        .addColumn("purpose", "text", (c) => c.notNull())
        /** 1: every unit of the owner uses it; 0: the units in unit_ids. */
        .addColumn("all_units", "integer", (c) => c.notNull())
        /** JSON array of the owner's unit ids. */
        .addColumn("unit_ids", "text", (c) => c.notNull())
        .addColumn("personal_data", "text", (c) => c.notNull())
        /** Does the supplier process personal data on the owner's behalf: ja, nei, usikker. */
        .addColumn("processor", "text", (c) => c.notNull())
        .addColumn("dpa_status", "text", (c) => c.notNull())
        .addColumn("dpa_signed_on", "text")
        .addColumn("dpa_review_on", "text")
        /** Transfer outside the EU/EEA: nei, ja (with its grounds in the note), usikker. */
        .addColumn("transfer", "text", (c) => c.notNull())
        .addColumn("transfer_note", "text", (c) => c.notNull())
        .addColumn("ros_on", "text")
        .addColumn("ros_note", "text", (c) => c.notNull())
        .addColumn("dpia", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        /** Why it was taken into use or turned down. */
        .addColumn("decision_reason", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .execute();
      await db.schema
        .createIndex("digital_service_owner_idx")
        .on("digital_service")
        .columns(["owner_id", "name"])
        .execute();
    },
  };
}

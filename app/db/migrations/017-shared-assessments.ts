import type { Kysely } from "kysely";

/**
 * Shared risk assessments: an owner publishes a snapshot of a finished ROS to a network it belongs
 * to, and the network's other owners can adopt it as a draft of their own. The snapshot is a copy,
 * never a view of the owner's live rows, so that the publisher's later edits, internal notes and
 * people never reach the other owners; re-publishing makes a new row.
 */
export function migration017() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("shared_assessment")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("network_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        /** The owner that published it: its name is shown with the assessment. */
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        /** The publisher's own ROS; only the publisher's pages use it (to withdraw, or to publish again). */
        .addColumn("source_id", "text", (c) => c.references("risk_assessment.id").onDelete("set null"))
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("scope", "text", (c) => c.notNull())
        /** The service's name and supplier as they were when published (no link into the owner's register). */
        .addColumn("service_name", "text")
        .addColumn("service_supplier", "text")
        .addColumn("assessed_on", "text")
        /** JSON array of the risks: threat, cause, existing, the four values and the measure. */
        .addColumn("risks", "text", (c) => c.notNull())
        .addColumn("published_at", "text", (c) => c.notNull())
        /** Kept for the audit trail; never shown to other owners. */
        .addColumn("published_by", "text", (c) => c.references("user.id").onDelete("set null"))
        /** Set when the publisher withdrew it or published a newer snapshot; others no longer see it. */
        .addColumn("withdrawn_at", "text")
        .execute();
      await db.schema
        .createIndex("shared_assessment_network_idx")
        .on("shared_assessment")
        .columns(["network_id", "withdrawn_at", "published_at"])
        .execute();
      await db.schema
        .createIndex("shared_assessment_source_idx")
        .on("shared_assessment")
        .columns(["owner_id", "source_id"])
        .execute();
      // An adopted copy says what it is based on, in words that stay when the original is withdrawn.
      await db.schema
        .alterTable("risk_assessment")
        .addColumn("based_on_id", "text", (c) => c.references("shared_assessment.id").onDelete("set null"))
        .execute();
      await db.schema.alterTable("risk_assessment").addColumn("based_on_title", "text").execute();
      await db.schema.alterTable("risk_assessment").addColumn("based_on_owner", "text").execute();
    },
  };
}

import type { Kysely } from "kysely";

/**
 * Risk assessments (ROS, risiko- og sårbarhetsanalyse): what could go wrong with a service, a
 * processing or a routine, how likely it is and how bad it would be (each 1–5), before and after the
 * measure the team proposes. A risk's measure can go into the action plan (plan_measure_id).
 */
export function migration014() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("risk_assessment")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("title", "text", (c) => c.notNull())
        /** What is assessed and where it stops: the service, the processing or the routine. */
        .addColumn("scope", "text", (c) => c.notNull())
        /** The entry in the record of processing it is about, if any. */
        .addColumn("processing_id", "text", (c) => c.references("processing.id").onDelete("set null"))
        /** The digital service it is about, if any (the service's "can we start using it?" guide reads it). */
        .addColumn("service_id", "text", (c) => c.references("digital_service.id").onDelete("set null"))
        /** Who took part (names, roles). */
        .addColumn("participants", "text", (c) => c.notNull())
        .addColumn("assessed_on", "text")
        .addColumn("review_on", "text")
        /** utkast while the team works on it, ferdig when it has been gone through. */
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .execute();
      await db.schema
        .createIndex("risk_assessment_owner_idx")
        .on("risk_assessment")
        .columns(["owner_id", "updated_at"])
        .execute();
      await db.schema
        .createTable("ros_risk")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("assessment_id", "text", (c) =>
          c.notNull().references("risk_assessment.id").onDelete("cascade"),
        )
        /** What could happen ("pupils' results are sent to the wrong parents"). */
        .addColumn("threat", "text", (c) => c.notNull())
        /** Why it could happen, and what already stops it. */
        .addColumn("cause", "text", (c) => c.notNull())
        .addColumn("existing", "text", (c) => c.notNull())
        .addColumn("likelihood", "integer", (c) => c.notNull())
        .addColumn("consequence", "integer", (c) => c.notNull())
        /** What the team proposes to do, and the likelihood and consequence once it is done. */
        .addColumn("measure", "text", (c) => c.notNull())
        .addColumn("likelihood_after", "integer")
        .addColumn("consequence_after", "integer")
        .addColumn("plan_measure_id", "text", (c) => c.references("plan_measure.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("ros_risk_assessment_idx")
        .on("ros_risk")
        .columns(["owner_id", "assessment_id", "created_at"])
        .execute();
      await db.schema
        .createIndex("risk_assessment_service_idx")
        .on("risk_assessment")
        .columns(["owner_id", "service_id"])
        .execute();
      await db.schema.createIndex("ros_risk_plan_idx").on("ros_risk").column("plan_measure_id").execute();
    },
  };
}

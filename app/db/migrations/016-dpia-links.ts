import type { Kysely } from "kysely";

/**
 * A DPIA joined to the rest of the owner's work: the service of the systems register it is about
 * (the service's guide reads it for its DPIA step), and for each risk the action plan measure its
 * measure went into. Both are cleared, not cascaded, when the service or the measure is removed:
 * the DPIA stands on its own.
 */
export function migration016() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("dpia")
        .addColumn("service_id", "text", (c) => c.references("digital_service.id").onDelete("set null"))
        .execute();
      await db.schema
        .alterTable("dpia_risk")
        .addColumn("plan_measure_id", "text", (c) => c.references("plan_measure.id").onDelete("set null"))
        .execute();
      await db.schema
        .createIndex("dpia_service_idx")
        .on("dpia")
        .columns(["owner_id", "service_id"])
        .execute();
      await db.schema.createIndex("dpia_risk_plan_idx").on("dpia_risk").column("plan_measure_id").execute();
    },
  };
}

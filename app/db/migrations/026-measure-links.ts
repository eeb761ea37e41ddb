import type { Kysely } from "kysely";

/**
 * A measure in the action plan can name the service of the systems register and the DPIA it is
 * about, beside the processing entry it could name before. Both are cleared, not cascaded, when
 * the service or the DPIA is deleted: the measure stands on its own.
 */
export function migration026() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("plan_measure")
        .addColumn("service_id", "text", (c) => c.references("digital_service.id").onDelete("set null"))
        .execute();
      await db.schema
        .alterTable("plan_measure")
        .addColumn("dpia_id", "text", (c) => c.references("dpia.id").onDelete("set null"))
        .execute();
      await db.schema
        .createIndex("plan_measure_service_idx")
        .on("plan_measure")
        .columns(["owner_id", "service_id"])
        .execute();
      await db.schema
        .createIndex("plan_measure_dpia_idx")
        .on("plan_measure")
        .columns(["owner_id", "dpia_id"])
        .execute();
    },
  };
}

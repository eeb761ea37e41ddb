import type { Kysely } from "kysely";

/**
 * The owner's DPIAs (vurdering av personvernkonsekvenser, GDPR art. 35): the screening that says
 * whether one is needed, the assessment's sections, its risks to the data subjects, the DPO's
 * advice and the approval. Each approval keeps a copy of the DPIA and its risks (dpia_version), so
 * the approved text stands while someone changes the DPIA afterwards.
 */
export function migration013() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("dpia")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("title", "text", (c) => c.notNull())
        /** The entry of the record of processing it assesses. */
        .addColumn("processing_id", "text", (c) => c.references("processing.id").onDelete("set null"))
        /** JSON array of the ids of the nine EDPB criteria that apply. */
        .addColumn("criteria", "text", (c) => c.notNull())
        /** JSON array of the ids of the items of Datatilsynet's list that apply. */
        .addColumn("list_items", "text", (c) => c.notNull())
        /** "trengs", "vurder" or "ikke", worked out from the two lists when saved. */
        .addColumn("conclusion", "text", (c) => c.notNull())
        .addColumn("screening_note", "text", (c) => c.notNull())
        .addColumn("what", "text", (c) => c.notNull())
        .addColumn("purpose", "text", (c) => c.notNull())
        .addColumn("who", "text", (c) => c.notNull())
        .addColumn("data_types", "text", (c) => c.notNull())
        .addColumn("systems", "text", (c) => c.notNull())
        .addColumn("retention", "text", (c) => c.notNull())
        .addColumn("necessity", "text", (c) => c.notNull())
        .addColumn("proportionality", "text", (c) => c.notNull())
        .addColumn("measures", "text", (c) => c.notNull())
        .addColumn("advice", "text", (c) => c.notNull())
        .addColumn("advice_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .addColumn("advice_at", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("approved_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .addColumn("approved_at", "text")
        /** Counts every change to the DPIA and its risks: a form read at an older one is refused. */
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .execute();
      await db.schema.createIndex("dpia_owner_idx").on("dpia").columns(["owner_id", "updated_at"]).execute();
      await db.schema
        .createTable("dpia_risk")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("dpia_id", "text", (c) => c.notNull().references("dpia.id").onDelete("cascade"))
        /** What could happen to the pupils, children, parents or staff. */
        .addColumn("threat", "text", (c) => c.notNull())
        .addColumn("likelihood", "integer", (c) => c.notNull())
        .addColumn("consequence", "integer", (c) => c.notNull())
        .addColumn("measure", "text", (c) => c.notNull())
        .addColumn("likelihood_after", "integer", (c) => c.notNull())
        .addColumn("consequence_after", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("dpia_risk_owner_idx")
        .on("dpia_risk")
        .columns(["owner_id", "dpia_id", "created_at"])
        .execute();
      await db.schema
        .createTable("dpia_version")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("dpia_id", "text", (c) => c.notNull().references("dpia.id").onDelete("cascade"))
        /** 1 for the first approval, and so on. */
        .addColumn("number", "integer", (c) => c.notNull())
        /** The DPIA and its risks as approved, JSON (see DpiaSnapshot). */
        .addColumn("snapshot", "text", (c) => c.notNull())
        .addColumn("approved_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .addColumn("approved_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("dpia_version_owner_idx")
        .on("dpia_version")
        .columns(["owner_id", "dpia_id", "number"])
        .unique()
        .execute();
    },
  };
}

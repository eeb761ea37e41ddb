import type { Kysely } from "kysely";

/**
 * A gathering's agenda, as the programansvarlig wrote it: one point per line (decision 026).
 * Null until it is written; the gathering's page then shows the template's suggested agenda.
 */
export function migration032() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("programme_gathering").addColumn("agenda", "text").execute();
    },
  };
}

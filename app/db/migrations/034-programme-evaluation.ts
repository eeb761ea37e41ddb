import { type Kysely, sql } from "kysely";
import type { Dialect } from "../connect.server.ts";

/**
 * The programme's anonymous evaluation survey (decision 028). The answers
 * (`programme_evaluation_response`) carry no user and only the month; who has answered
 * (`programme_evaluation_respondent`) carries no answers, so the two cannot be joined. Whether the
 * survey takes answers is `programme_evaluation_state.open` (no row = open).
 *
 * On SQLite the answers table is `WITHOUT ROWID`: its rows are kept in the order of their random
 * id, so neither the file nor a query without ORDER BY tells the order answers came in (the
 * respondent table, in rowid order, would otherwise line up with it).
 */
export function migration034(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("programme_evaluation_response")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("programme_id", "text", (c) => c.notNull().references("programme.id").onDelete("cascade"))
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("month", "text", (c) => c.notNull())
        .addColumn("answers", "text", (c) => c.notNull())
        .$call((t) => (dialect === "sqlite" ? t.modifyEnd(sql`without rowid`) : t))
        .execute();
      await db.schema
        .createIndex("programme_evaluation_response_programme_idx")
        .on("programme_evaluation_response")
        .column("programme_id")
        .execute();
      await db.schema
        .createTable("programme_evaluation_respondent")
        .addColumn("programme_id", "text", (c) => c.notNull().references("programme.id").onDelete("cascade"))
        .addColumn("user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("programme_evaluation_respondent_pk", ["programme_id", "user_id"])
        .execute();
      await db.schema
        .createTable("programme_evaluation_state")
        .addColumn("programme_id", "text", (c) =>
          c.primaryKey().references("programme.id").onDelete("cascade"),
        )
        .addColumn("open", "integer", (c) => c.notNull())
        .execute();
    },
  };
}

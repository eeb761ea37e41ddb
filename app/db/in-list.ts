import { type Kysely, type SqlBool, sql } from "kysely";
import { isPostgres } from "./pg-batch.ts";
import type { Database } from "./schema.ts";

/**
 * `column in (…values)` with the whole list as one bound value, for long lists (a round's 50 units,
 * a kind's 100 questions): PostgreSQL plans a query with hundreds of bound values slowly (5 ms for
 * the round overview's 363), and the query's text then stays the same for every list.
 * PostgreSQL: `column = any($1)` with a text array; SQLite: the list as JSON, read by json_each.
 */
export function inList(db: Kysely<Database>, column: string, values: readonly string[]) {
  return isPostgres(db)
    ? sql<SqlBool>`${sql.ref(column)} = any(${values})`
    : sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`;
}

import { type Kysely, type SqlBool, sql } from "kysely";
import { isPostgres } from "./pg-batch.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

/**
 * `column in (…values)` with the whole list as one bound value, for long lists (a round's 50 units,
 * a kind's 100 questions): PostgreSQL plans a query with hundreds of bound values slowly (5 ms for
 * the round overview's 363), and the query's text then stays the same for every list, so it can
 * be compiled once (`prepared.ts`) and kept prepared. `list` is the value from `listValue`.
 * PostgreSQL: `column = any($1)` with a text array; SQLite: `json_each` over the list as JSON.
 */
export function inList(db: Db, column: string, list: unknown) {
  return isPostgres(db)
    ? sql<SqlBool>`${sql.ref(column)} = any(${list})`
    : sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${list}))`;
}

/** The bound value of a list for `inList`: the array itself on PostgreSQL, its JSON on SQLite. */
export function listValue(db: Db, values: readonly string[]) {
  return isPostgres(db) ? values : JSON.stringify(values);
}

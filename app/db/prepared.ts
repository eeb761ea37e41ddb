import { type Compilable, CompiledQuery, type Kysely } from "kysely";
import { keepPrepared } from "./named-statements.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

/**
 * A query on one of the hottest paths (an autosave runs four), built and compiled by Kysely once
 * per database and then run with new values. Building and compiling the same four queries on
 * every request cost about a tenth of an autosave (docs/performance.md).
 *
 * `build` gets one placeholder per named value and must pass each one straight to Kysely as a
 * value (never into raw SQL). Every placeholder becomes one or more bound parameters of the
 * compiled query, which are replaced by the real values at each run. Values that are not
 * placeholders (like `is null`) stay as they were compiled. On PostgreSQL the query also stays
 * prepared on each connection (named-statements.ts).
 */
export function prepared<Name extends string, Row>(
  names: readonly Name[],
  build: (db: Db, value: Record<Name, never>) => Compilable<Row>,
) {
  const compiled = new WeakMap<Db, { sql: string; slots: ({ name: Name } | { fixed: unknown })[] }>();
  /** The compiled query with these values (to run it later, as in a batch of writes). */
  const compile = (db: Db, values: Record<Name, unknown>): CompiledQuery<Row> => {
    let query = compiled.get(db);
    if (!query) {
      const markers = Object.fromEntries(names.map((n) => [n, `\u0000${n}\u0000`])) as Record<Name, string>;
      const first = build(db, markers as Record<Name, never>).compile();
      const slots = first.parameters.map((p) => {
        const name = names.find((n) => markers[n] === p);
        return name ? { name } : { fixed: p };
      });
      const unused = names.filter((n) => !slots.some((s) => "name" in s && s.name === n));
      if (unused.length > 0) throw new Error(`prepared query: ${unused.join(", ")} not used as values`);
      query = { sql: first.sql, slots };
      keepPrepared(first.sql);
      compiled.set(db, query);
    }
    return CompiledQuery.raw(
      query.sql,
      query.slots.map((s) => ("name" in s ? values[s.name] : s.fixed)),
    ) as CompiledQuery<Row>;
  };
  const run = async (db: Db, values: Record<Name, unknown>): Promise<Row[]> =>
    (await db.executeQuery(compile(db, values))).rows;
  return Object.assign(run, { compile });
}

import DataLoader from "dataloader";
import { CompiledQuery, type Kysely, PostgresAdapter } from "kysely";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

export const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Calls that arrive while the event loop is busy, gathered into one call of `load` (DataLoader,
 * with no cache: every call reads or writes anew). On PostgreSQL each statement is a round trip
 * over the network and a turn of a backend; under load those, not the rows, are what the machine
 * spends its time on (docs/performance.md). `load` gets the gathered keys in order and returns one
 * result per key, or an Error for a key that failed alone.
 *
 * The batch is sent on the next `setImmediate`: after every request that arrived in the same turn
 * has reached this call, so a batch holds the requests of one turn (DataLoader's default waits
 * only for the current microtasks, which in Node covers a single request).
 */
export function pgBatch<Key, Value>(
  load: (keys: readonly Key[]) => Promise<(Value | Error)[]>,
  maxBatchSize = 100,
) {
  return new DataLoader<Key, Value>(load, {
    cache: false,
    maxBatchSize,
    batchScheduleFn: (callback) => setImmediate(callback),
  });
}

/**
 * Writes of one row each (an insert or an upsert), sent together with `pgBatch`: `many` writes a
 * list in one statement and returns the keys of the rows it wrote, `one` writes a single row and
 * says whether it did. No two writes in one statement have the same key: a second write to the
 * same row in a batch goes in the statement after, so within a batch the later one wins, as if
 * each had been sent alone. (Writes in different batches were never ordered, no more than
 * concurrent single writes.) The rows of a statement are written in the order of their keys, so
 * two statements running at once lock shared rows in the same order and cannot deadlock. If a
 * statement fails, each of its writes is tried alone, so one bad write fails alone.
 */
export function pgBatchedWrites<Write>(options: {
  keyOf: (write: Write) => string;
  many: (writes: Write[]) => Promise<Set<string>>;
  one: (write: Write) => Promise<boolean>;
}): (write: Write) => Promise<boolean> {
  const { keyOf, many, one } = options;
  const batch = pgBatch<Write, boolean>(async (writes) => {
    const results: (boolean | Error)[] = [];
    let rest = writes.map((write, index) => ({ write, index, key: keyOf(write) }));
    while (rest.length > 0) {
      const keys = new Set<string>();
      const now: typeof rest = [];
      const later: typeof rest = [];
      for (const item of rest) {
        if (keys.has(item.key)) later.push(item);
        else {
          keys.add(item.key);
          now.push(item);
        }
      }
      now.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      try {
        const written = await many(now.map((item) => item.write));
        for (const item of now) results[item.index] = written.has(item.key);
      } catch {
        // Each alone, side by side (their keys differ): the bad one fails, the others are written.
        await Promise.all(
          now.map(async (item) => {
            results[item.index] = await one(item.write).catch((error: unknown) =>
              error instanceof Error ? error : new Error(String(error)),
            );
          }),
        );
      }
      rest = later;
    }
    return results;
  });
  return (write) => batch.load(write);
}

/**
 * Runs a statement that takes its values as one array per column (`unnest($1::text[], …)`): the
 * text stays the same for any number of rows, so it stays prepared. Returns the keys of the rows
 * the statement reports back (`returning`).
 */
export async function writeColumns<Write, Row>(
  db: Db,
  sqlText: string,
  columns: readonly (keyof Write)[],
  writes: Write[],
  keyOfRow: (row: Row) => string,
): Promise<Set<string>> {
  const values = columns.map((column) => writes.map((write) => write[column]));
  const result = await db.executeQuery<Row>(CompiledQuery.raw(sqlText, values));
  return new Set(result.rows.map(keyOfRow));
}

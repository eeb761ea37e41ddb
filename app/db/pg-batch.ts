import DataLoader from "dataloader";
import { type Kysely, PostgresAdapter } from "kysely";
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

import type { CompiledQuery, Kysely, QueryResult } from "kysely";
import { keepPrepared } from "./named-statements.ts";
import { isPostgres, pgBatchedWrites, writeColumns } from "./pg-batch.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;
type Write = (query: CompiledQuery) => Promise<QueryResult<unknown>>;

/** At most this many writes share one transaction. */
const MAX_BATCH = 500;

const writers = new WeakMap<Db, Write>();

/**
 * A small write (one insert) on a path where hundreds arrive within a second, such as the answers
 * of a live quiz. On SQLite each write in its own transaction costs ~95 µs on the national data
 * (the commit appends to the write-ahead log and, every thousand pages, checkpoints it with a
 * sync), while in a shared transaction it costs ~5 µs. So the writes that arrive while the event
 * loop is busy are committed together in one transaction ("group commit"), and each caller gets
 * its own result once that transaction has committed: an answer is acknowledged only when it is
 * stored, exactly as before.
 *
 * If the shared transaction fails, every write in it is tried again on its own, so one bad write
 * fails alone. PostgreSQL already shares the disk flush between concurrent commits, and a shared
 * transaction there would hold the writes to one connection in turn, so there each write runs as
 * it comes.
 */
export function batchedWrite<Row>(db: Db, query: CompiledQuery<Row>): Promise<QueryResult<Row>> {
  let write = writers.get(db);
  if (!write) {
    write = isPostgres(db) ? (q) => db.executeQuery(q) : groupCommit(db);
    writers.set(db, write);
  }
  return write(query) as Promise<QueryResult<Row>>;
}

interface Pending {
  query: CompiledQuery;
  resolve: (result: QueryResult<unknown>) => void;
  reject: (error: unknown) => void;
}

function groupCommit(db: Db): Write {
  const queue: Pending[] = [];
  let scheduled = false;

  const flush = async () => {
    const batch = queue.splice(0, MAX_BATCH);
    try {
      if (batch.length === 1) {
        const [only] = batch as [Pending];
        only.resolve(await db.executeQuery(only.query));
      } else {
        const results = await db.transaction().execute(async (trx) => {
          const out: QueryResult<unknown>[] = [];
          for (const pending of batch) out.push(await trx.executeQuery(pending.query));
          return out;
        });
        batch.forEach((pending, i) => {
          pending.resolve(results[i] as QueryResult<unknown>);
        });
      }
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      else for (const pending of batch) db.executeQuery(pending.query).then(pending.resolve, pending.reject);
    } finally {
      scheduled = false;
      if (queue.length > 0) schedule();
    }
  };
  // Writes that arrive while a batch commits wait for the next one.
  const schedule = () => {
    scheduled = true;
    setImmediate(() => void flush());
  };

  return (query) =>
    new Promise((resolve, reject) => {
      queue.push({ query, resolve, reject });
      if (!scheduled) schedule();
    });
}

/**
 * A one-row write on a hot path (an insert or an upsert that says whether it wrote), the same on
 * both databases: on SQLite `one` joins the next group commit (`batchedWrite`); on PostgreSQL the
 * writes of one turn of the event loop go in one statement, `many`, which takes one array per
 * column (`unnest`) and returns the rows it wrote (pg-batch.ts). `keyOf` and `many.keyOfRow` give
 * the same key for a write and for the row it wrote.
 */
export function hotRowWrites<Write extends Record<string, unknown>, Row>(options: {
  one: (db: Db, write: Write) => CompiledQuery;
  many: { sql: string; columns: readonly (keyof Write)[]; keyOfRow: (row: Row) => string };
  keyOf: (write: Write) => string;
}): (db: Db, write: Write) => Promise<boolean> {
  const { one, many, keyOf } = options;
  keepPrepared(many.sql);
  const writers = new WeakMap<Db, (write: Write) => Promise<boolean>>();
  return (db, write) => {
    let writer = writers.get(db);
    if (!writer) {
      const alone = async (w: Write) => Number((await batchedWrite(db, one(db, w))).numAffectedRows ?? 0) > 0;
      writer = isPostgres(db)
        ? pgBatchedWrites({
            keyOf,
            many: (writes) => writeColumns(db, many.sql, many.columns, writes, many.keyOfRow),
            one: alone,
          })
        : alone;
      writers.set(db, writer);
    }
    return writer(write);
  };
}

import { mkdirSync } from "node:fs";
import path from "node:path";
import { DatabaseSync, type SQLInputValue, type SQLOutputValue, type StatementSync } from "node:sqlite";
import { NodeSqliteDialect } from "@better-auth/kysely-adapter/node-sqlite-dialect";
import { Kysely, type KyselyConfig, PostgresDialect } from "kysely";
import { type Migration, type MigrationProvider, Migrator } from "kysely/migration";
import { migration001 } from "./migrations/001-foundation.ts";
import { migration002 } from "./migrations/002-learning.ts";
import { migration003 } from "./migrations/003-group-sessions.ts";
import { migration004 } from "./migrations/004-assignments.ts";
import { migration005 } from "./migrations/005-processing.ts";
import { migration006 } from "./migrations/006-assessment.ts";
import { migration007 } from "./migrations/007-answer-levels-index.ts";
import { migration008 } from "./migrations/008-changed-answer-reopens-final.ts";
import { migration009 } from "./migrations/009-incidents.ts";
import { migration010 } from "./migrations/010-plan.ts";
import { migration011 } from "./migrations/011-programmes.ts";
import { migration012 } from "./migrations/012-systems.ts";
import { migration013 } from "./migrations/013-dpia.ts";
import { migration014 } from "./migrations/014-ros.ts";
import { migration015 } from "./migrations/015-guidance-groups.ts";
import { migration016 } from "./migrations/016-dpia-links.ts";
import { migration017 } from "./migrations/017-shared-assessments.ts";
import { migration020 } from "./migrations/020-account-activity.ts";
import { migration021 } from "./migrations/021-account-activity-indexes.ts";
import { migration022 } from "./migrations/022-programme-comment-edits-and-leaving.ts";
import { migration023 } from "./migrations/023-api-tokens.ts";
import { migration025 } from "./migrations/025-audit-reads.ts";
import { migration026 } from "./migrations/026-measure-links.ts";
import { migration027 } from "./migrations/027-network-invitations.ts";
import { migration031 } from "./migrations/031-audit-actor-index-and-network-departure.ts";
import { migration032 } from "./migrations/032-gathering-agenda.ts";
import { migration033 } from "./migrations/033-programme-resources.ts";
import { migration034 } from "./migrations/034-programme-evaluation.ts";
import { migration035 } from "./migrations/035-round-revision.ts";
import { preparingClientClass } from "./named-statements.ts";
import { loadPg } from "./pg.server.ts";
import type { Database } from "./schema.ts";

export type Dialect = "sqlite" | "postgres";

export interface DbHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Pool statistics for /metrics (PostgreSQL only). */
  poolStats(): { total: number; idle: number; waiting: number } | null;
  close(): Promise<void>;
  /** The PostgreSQL schema the app was told to use (tests give each server its own). */
  schema?: string;
}

export interface ConnectOptions {
  /** PostgreSQL connection string. When absent, SQLite in dataDir is used. */
  databaseUrl?: string;
  dataDir?: string;
  /** PostgreSQL schema to use as search_path (tests use one schema each). */
  schema?: string;
  /** SQLite file path; overrides dataDir. */
  sqliteFile?: string;
}

function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    "001-foundation": migration001(dialect),
    "002-learning": migration002(dialect),
    "003-group-sessions": migration003(dialect),
    "004-assignments": migration004(dialect),
    "005-processing": migration005(dialect),
    "006-assessment": migration006(dialect),
    "007-answer-levels-index": migration007(),
    "008-changed-answer-reopens-final": migration008(dialect),
    "009-incidents": migration009(),
    "010-plan": migration010(),
    "011-programmes": migration011(),
    "012-systems": migration012(),
    "013-dpia": migration013(),
    "014-ros": migration014(),
    "015-guidance-groups": migration015(),
    "016-dpia-links": migration016(),
    "017-shared-assessments": migration017(),
    "020-account-activity": migration020(),
    "021-account-activity-indexes": migration021(),
    "022-programme-comment-edits-and-leaving": migration022(),
    "023-api-tokens": migration023(),
    "025-audit-reads": migration025(),
    "026-measure-links": migration026(),
    "027-network-invitations": migration027(),
    "031-audit-actor-index-and-network-departure": migration031(),
    "032-gathering-agenda": migration032(),
    "033-programme-resources": migration033(),
    "034-programme-evaluation": migration034(dialect),
    "035-round-revision": migration035(dialect),
  };
}

/**
 * LOG_SLOW_QUERIES_MS=<n> prints every query slower than n ms to stderr, with its SQL (for finding
 * what a slow page waits for; see docs/performance.md).
 */
function slowQueryLog(): KyselyConfig["log"] {
  const limit = Number(process.env.LOG_SLOW_QUERIES_MS);
  if (!Number.isFinite(limit) || limit <= 0) return undefined;
  return (event) => {
    if (event.queryDurationMillis >= limit)
      process.stderr.write(
        `slow query ${event.queryDurationMillis.toFixed(1)} ms: ${event.query.sql.replace(/\s+/g, " ").slice(0, 300)}\n`,
      );
  };
}

export function openDatabase(options: ConnectOptions): DbHandle {
  if (options.databaseUrl) {
    const pool = new (loadPg().Pool)({
      Client: preparingClientClass(),
      connectionString: options.databaseUrl,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: slowQueryLog() });
    return {
      db,
      dialect: "postgres",
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => db.destroy(),
      schema: options.schema,
    };
  }
  const file = options.sqliteFile ?? path.join(options.dataDir ?? "./data", "oppvern.sqlite");
  mkdirSync(path.dirname(file), { recursive: true });
  const database = new DatabaseSync(file);
  database.exec("pragma journal_mode = wal");
  database.exec("pragma foreign_keys = on");
  database.exec("pragma busy_timeout = 5000");
  database.exec("pragma synchronous = normal");
  const db = new Kysely<Database>({
    dialect: new NodeSqliteDialect({ database: withStatementCache(database) }),
    log: slowQueryLog(),
  });
  return { db, dialect: "sqlite", poolStats: () => null, close: () => db.destroy() };
}

/**
 * node:sqlite compiles a statement on every prepare(); Kysely's SQLite dialect prepares each query
 * anew. The same few hundred query shapes repeat, so keep their compiled statements (bounded).
 * The dialect also asks each statement for its columns on every run (to tell reads from writes),
 * which builds a new list each time; a kept statement answers from the list it built first.
 *
 * node:sqlite makes each row an object without a prototype, which V8 keeps as a dictionary: every
 * property read on it is a hash lookup. Code that reads many rows (scoring a round's answers, a
 * page listing them) ran 3–4× slower over such rows than over ordinary objects. So a statement
 * returns arrays, and each becomes an ordinary object with the columns in the same order (all rows
 * of a statement share one shape). Making them costs no more than node:sqlite's own objects.
 */
function withStatementCache(database: DatabaseSync, max = 500): DatabaseSync {
  const cache = new Map<string, StatementSync>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      const compiled = database.prepare(sql);
      const columns = compiled.columns();
      statement = Object.assign(compiled, { columns: () => columns });
      if (columns.length > 0) {
        const names = columns.map((c) => c.name);
        const all = compiled.all.bind(compiled) as (...values: SQLInputValue[]) => unknown;
        compiled.setReturnArrays(true);
        // The dialect passes positional values only.
        statement.all = ((...values: SQLInputValue[]) =>
          (all(...values) as SQLOutputValue[][]).map((row) => rowObject(names, row))) as StatementSync["all"];
      }
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
    }
    return statement;
  };
  return new Proxy(database, {
    get(target, property) {
      if (property === "prepare") return prepare;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** A row as an ordinary object; a name that comes twice keeps its last value, as node:sqlite does. */
function rowObject(names: string[], values: SQLOutputValue[]) {
  const row: Record<string, SQLOutputValue> = {};
  for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i];
  return row;
}

export async function migrate(handle: DbHandle): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(handle.dialect) };
  // In a schema of its own, Kysely's bookkeeping tables are looked for there only: it would
  // otherwise take another schema's tables (say, of a test run that was stopped) for its own.
  const migrator = new Migrator({
    db: handle.db,
    provider,
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(
      `Database migration failed${failed ? ` in ${failed.migrationName}` : ""}: ${String(error)}`,
    );
  }
}

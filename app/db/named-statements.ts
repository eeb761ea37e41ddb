import type Pg from "pg";
import { loadPg } from "./pg.server.ts";

// One registry per process, even when the module is loaded twice (tests load the built bundle and
// the sources side by side).
const REGISTRY = Symbol.for("oppvern.namedStatements");
type Registry = { names: Map<string, string>; runs: Map<string, number> };
const shared = globalThis as { [REGISTRY]?: Registry };
shared[REGISTRY] ??= { names: new Map(), runs: new Map() };
const registry: Registry = shared[REGISTRY];

/** A query text run this often is kept prepared (as pgjdbc does with its prepareThreshold). */
const PREPARE_THRESHOLD = 5;
/** At most this many texts are kept prepared, so a connection never holds one per query shape. */
const MAX_NAMED = 256;
/** Texts counted before the count starts again (texts with varying lists are many and rare). */
const MAX_COUNTED = 5_000;

/**
 * Marks a query text as one to keep prepared on each PostgreSQL connection at once (the hot
 * queries of `prepared.ts`).
 */
export function keepPrepared(sqlText: string) {
  const { names } = registry;
  if (!names.has(sqlText) && names.size < MAX_NAMED) names.set(sqlText, `oppvern_${names.size + 1}`);
}

/** The statement name for a query text, once it has run often enough to be worth keeping. */
function nameFor(sqlText: string): string | undefined {
  const known = registry.names.get(sqlText);
  if (known || registry.names.size >= MAX_NAMED) return known;
  const runs = (registry.runs.get(sqlText) ?? 0) + 1;
  if (runs < PREPARE_THRESHOLD) {
    if (registry.runs.size >= MAX_COUNTED) registry.runs.clear();
    registry.runs.set(sqlText, runs);
    return undefined;
  }
  registry.runs.delete(sqlText);
  keepPrepared(sqlText);
  return registry.names.get(sqlText);
}

let preparingClient: typeof Pg.Client | undefined;

/**
 * A node-postgres client class that runs repeated queries as named (prepared) statements. node-postgres
 * otherwise sends every query with values as an unnamed statement, which PostgreSQL parses and
 * plans anew each time: for the short lookups of an autosave, planning took ~0.15 ms against
 * ~0.02 ms to run, and pgbench ran such a query 3× faster prepared (8,100 → 24,700 per second).
 * PostgreSQL's plan cache then decides per statement whether a generic plan serves.
 *
 * Only texts with values are named (a text without values may hold several statements, which a
 * prepared statement cannot). The app changes no table while it runs (migrations run before it
 * listens), so a kept statement never outlives its table's shape.
 */
export function preparingClientClass(): typeof Pg.Client {
  preparingClient ??= class extends loadPg().Client {
    // biome-ignore lint/suspicious/noExplicitAny: passes node-postgres's overloaded arguments on as they came
    override query(...args: any[]): any {
      const [text, values, callback] = args;
      const name =
        typeof text === "string" && Array.isArray(values) && values.length > 0 ? nameFor(text) : undefined;
      if (name) return super.query({ name, text, values }, callback);
      // biome-ignore lint/suspicious/noExplicitAny: as above
      return (super.query as (...a: any[]) => any)(...args);
    }
  };
  return preparingClient;
}

import pg from "pg";

// One registry per process, even when the module is loaded twice (tests load the built bundle and
// the sources side by side).
const REGISTRY = Symbol.for("oppvern.namedStatements");
const names: Map<string, string> = ((globalThis as Record<symbol, unknown>)[REGISTRY] ??= new Map()) as Map<
  string,
  string
>;

/**
 * Marks a query text as one to keep prepared on each PostgreSQL connection (the hot queries of
 * `prepared.ts`). node-postgres otherwise sends every query as an unnamed statement, which
 * PostgreSQL parses and plans anew each time: for the short lookups of an autosave, planning took
 * ~0.15 ms against ~0.02 ms to run, and pgbench ran such a query 3× faster prepared (8,100 →
 * 24,700 per second). Only these few fixed texts are named, so each connection keeps a handful of
 * statements, never one per query shape.
 */
export function keepPrepared(sqlText: string) {
  if (!names.has(sqlText)) names.set(sqlText, `oppvern_${names.size + 1}`);
}

/** A node-postgres client that runs the marked query texts as named (prepared) statements. */
export class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: passes node-postgres's overloaded arguments on as they came
  override query(...args: any[]): any {
    const [text, values, callback] = args;
    const name = typeof text === "string" ? names.get(text) : undefined;
    if (name) return super.query({ name, text, values }, callback);
    // biome-ignore lint/suspicious/noExplicitAny: as above
    return (super.query as (...a: any[]) => any)(...args);
  }
}

import { createRequire } from "node:module";
import type Pg from "pg";

let loaded: typeof Pg | undefined;

/**
 * node-postgres, loaded the first time a PostgreSQL database or event bus is opened: the app on
 * SQLite starts without it (with pg-protocol, pg-types and pg-pool, ~50 ms of start-up).
 */
export function loadPg(): typeof Pg {
  loaded ??= createRequire(import.meta.url)("pg") as typeof Pg;
  return loaded;
}

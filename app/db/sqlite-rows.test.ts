import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./connect.server.ts";

describe("rows read from SQLite", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "oppvern-rows-"));
  const handle = openDatabase({ dataDir: dir });
  afterAll(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("carry every column with its value, as ordinary objects, however often the query runs", async () => {
    await sql`create table t (id integer primary key, name text, level integer, data blob)`.execute(
      handle.db,
    );
    const written =
      await sql`insert into t (name, level, data) values ('Solsiden', 3, x'0102'), ('Nordlys', null, null)`.execute(
        handle.db,
      );
    expect(written.numAffectedRows).toBe(2n);
    for (let run = 0; run < 3; run++) {
      const { rows } = await sql<
        Record<string, unknown>
      >`select name, level, data from t order by id`.execute(handle.db);
      expect(rows).toEqual([
        { name: "Solsiden", level: 3, data: new Uint8Array([1, 2]) },
        { name: "Nordlys", level: null, data: null },
      ]);
      for (const row of rows) expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    }
  });

  it("keep the last value when two columns have the same name, as node:sqlite does", async () => {
    const { rows } = await sql<{ v: number }>`select 1 as v, 2 as v`.execute(handle.db);
    expect(rows).toEqual([{ v: 2 }]);
  });
});

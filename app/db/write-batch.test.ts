import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, startTestServer, type TestServer } from "../../tests/support/test-server.ts";
import { prepared } from "./prepared.ts";
import { batchedWrite } from "./write-batch.ts";

describe.each(dialects)("writes committed together on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: false });
    await sql`create table batch_probe (k text primary key, v text not null)`.execute(server.services.db);
  });
  afterAll(() => server.close());

  // The shape of a live-quiz answer: the first write of a key counts, a second one changes nothing.
  const insert = prepared(["k", "v"], (db, v) =>
    db
      // biome-ignore lint/suspicious/noExplicitAny: a table made for this test only
      .insertInto("batch_probe" as any)
      .values({ k: v.k, v: v.v })
      .onConflict((oc) => oc.column("k").doNothing()),
  );
  const write = (k: string, v: string | null) =>
    batchedWrite(server.services.db, insert.compile(server.services.db, { k, v }));
  const stored = async () =>
    (await sql<{ k: string; v: string }>`select k, v from batch_probe order by k`.execute(server.services.db))
      .rows;

  it("gives each of many writes arriving at once its own result, and stores every one", async () => {
    const keys = Array.from({ length: 300 }, (_, i) => `k${String(i).padStart(3, "0")}`);
    const results = await Promise.all([...keys.map((k) => write(k, "first")), write("k000", "again")]);
    const counted = results.map((r) => Number(r.numAffectedRows ?? 0));
    expect(counted.slice(0, 300).every((n) => n === 1)).toBe(true);
    expect(counted[300]).toBe(0); // the same key again: already there
    const rows = await stored();
    expect(rows).toHaveLength(300);
    expect(rows.every((r) => r.v === "first")).toBe(true);
  });

  it("lets one failing write fail alone: the others in the same moment are stored", async () => {
    const outcomes = await Promise.allSettled([write("ok-1", "a"), write("bad", null), write("ok-2", "b")]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const keys = (await stored()).map((r) => r.k);
    expect(keys).toContain("ok-1");
    expect(keys).toContain("ok-2");
    expect(keys).not.toContain("bad");
  });
});

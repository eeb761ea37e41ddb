import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, startTestServer, type TestServer } from "../../tests/support/test-server.ts";
import { prepared } from "./prepared.ts";
import type { OrgKind } from "./schema.ts";

describe.each(dialects)("prepared queries on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
  });
  afterAll(() => server.close());

  // One value used twice, one fixed condition (`is null`) and an order.
  const byKindOrName = prepared(["kind", "name"], (db, v) =>
    db
      .selectFrom("organisation")
      .select(["name", "kind"])
      .where((eb) => eb.or([eb("kind", "=", v.kind), eb("name", "=", v.name)]))
      .where((eb) => eb.or([eb("name", "=", v.name), eb("archived_at", "is", null)]))
      .orderBy("name"),
  );
  const plain = (kind: OrgKind, name: string) =>
    server.services.db
      .selectFrom("organisation")
      .select(["name", "kind"])
      .where((eb) => eb.or([eb("kind", "=", kind), eb("name", "=", name)]))
      .where((eb) => eb.or([eb("name", "=", name), eb("archived_at", "is", null)]))
      .orderBy("name")
      .execute();

  it("gives the same rows as the query built each time, for each set of values", async () => {
    for (const [kind, name] of [
      ["eier", "Nabo kommune"],
      ["enhet", "Demo kommune"],
      ["nettverk", "finnes ikke"],
    ] as const) {
      const rows = await byKindOrName(server.services.db, { kind, name });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(await plain(kind, name));
    }
  });

  it.runIf(dialect === "postgres")("keeps the query prepared on the connection that ran it", async () => {
    const statements = await server.services.db.transaction().execute(async (trx) => {
      await byKindOrName(trx, { kind: "eier", name: "Nabo kommune" });
      await byKindOrName(trx, { kind: "enhet", name: "Demo kommune" });
      return sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`
        .execute(trx)
        .then((r) => r.rows);
    });
    const text = byKindOrName.compile(server.services.db, { kind: "eier", name: "x" }).sql;
    const ours = statements.filter((s) => s.statement === text);
    expect(ours).toHaveLength(1); // prepared once, run twice
    expect(ours[0]?.name).toMatch(/^oppvern_\d+$/);
  });

  it.runIf(dialect === "postgres")("keeps any query prepared once it has run five times", async () => {
    const statements = await server.services.db.transaction().execute(async (trx) => {
      const often = (n: number) => trx.selectFrom("organisation").select("name").where("name", "=", `o${n}`);
      for (let i = 0; i < 6; i++) await often(i).execute();
      await trx.selectFrom("organisation").select("id").where("kind", "=", "eier").execute();
      return sql<{ statement: string }>`select statement from pg_prepared_statements`
        .execute(trx)
        .then((r) => r.rows.map((row) => row.statement));
    });
    expect(statements).toContain('select "name" from "organisation" where "name" = $1');
    expect(statements).not.toContain('select "id" from "organisation" where "kind" = $1');
  });

  it("refuses a query that does not use every named value as a value", async () => {
    const careless = prepared(["kind", "unused"], (db, v) =>
      db.selectFrom("organisation").select("name").where("kind", "=", v.kind),
    );
    await expect(careless(server.services.db, { kind: "eier", unused: "x" })).rejects.toThrow(
      "unused not used as values",
    );
  });
});

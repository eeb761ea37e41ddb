import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../app/db/connect.server.ts";
import { dialects } from "../tests/support/test-server.ts";

/** Runs npm run seed:national at 1 % of the national scale on a database of its own. */
function seed(env: Record<string, string>) {
  const run = spawnSync(process.execPath, ["scripts/seed-national.ts"], {
    env: { ...process.env, SEED_SCALE: "0.01", ...env },
    encoding: "utf8",
  });
  return { status: run.status, out: run.stdout + run.stderr };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function freshDatabase(
  dialect: "sqlite" | "postgres",
): Promise<{ env: Record<string, string>; handle: () => ReturnType<typeof openDatabase> }> {
  if (dialect === "sqlite") {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "oppvern-seed-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    return { env: { DATA_DIR: dataDir }, handle: () => openDatabase({ dataDir }) };
  }
  const base = process.env.TEST_DATABASE_URL as string;
  const name = `oppvern_seed_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  return {
    env: { DATABASE_URL: url.toString() },
    handle: () => openDatabase({ databaseUrl: url.toString() }),
  };
}

describe.each(dialects)("npm run seed:national on %s", (dialect) => {
  it("fills the tables at the chosen scale, the same on every run, and only once per database", async () => {
    const first = await freshDatabase(dialect);
    const run = seed(first.env);
    expect(run.status, run.out).toBe(0);
    expect(run.out).toMatch(/Ferdig på [\d.]+ s/);

    const handle = first.handle();
    // Closed before the databases are dropped, also when an assertion fails.
    cleanups.unshift(() => handle.close());
    const count = async (
      table: "organisation" | "user" | "module_completion" | "assessment_answer" | "plan_measure",
    ) =>
      Number(
        (
          await handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const byKind = await handle.db
      .selectFrom("organisation")
      .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("kind")
      .execute();
    const kinds = Object.fromEntries(byKind.map((r) => [r.kind, Number(r.n)]));
    expect(kinds).toEqual({ plattform: 1, eier: 30, enhet: 80, nettverk: 1 });
    expect(await count("user")).toBe(2500);
    expect(await count("module_completion")).toBe(10_000);
    // About 100 answers per closed round, and a score per area for the anonymous comparison.
    const rounds = await handle.db
      .selectFrom("assessment_round")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute();
    expect(rounds.map((r) => [r.status, Number(r.n)])).toEqual([["closed", 30]]);
    const answers = await count("assessment_answer");
    expect(answers / 30).toBeGreaterThan(80);
    expect(answers / 30).toBeLessThan(120);
    const scores = await handle.db
      .selectFrom("assessment_area_score")
      .select([sql<number>`count(distinct owner_id)`.as("owners"), (eb) => eb.fn.min("score").as("low")])
      .executeTakeFirstOrThrow();
    expect(Number(scores.owners)).toBe(30);
    expect(Number(scores.low)).toBeGreaterThanOrEqual(0);
    // Ten measures per owner, most in the plan with a responsible person; all from the round's gaps
    // where the round had enough of them.
    expect(await count("plan_measure")).toBe(300);
    const plan = await handle.db
      .selectFrom("plan_measure")
      .select(["decision", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("decision")
      .orderBy("decision")
      .execute();
    expect(plan.map((r) => [r.decision, Number(r.n)])).toEqual([
      ["forslag", 60],
      ["valgt", 210],
      ["valgt-bort", 30],
    ]);
    // Five reported incidents per owner, most of them closed.
    const incidents = await handle.db
      .selectFrom("incident")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute();
    const byStatus = Object.fromEntries(incidents.map((r) => [r.status, Number(r.n)]));
    expect((byStatus.lukket ?? 0) + (byStatus.ny ?? 0)).toBe(150);
    expect(byStatus.lukket ?? 0).toBeGreaterThanOrEqual(120);
    // A programme per network, with the network's owners and five gatherings.
    const programmes = await handle.db
      .selectFrom("programme")
      .select([
        (eb) => eb.fn.countAll<number>().as("n"),
        (eb) => eb.selectFrom("programme_owner").select(eb.fn.countAll<number>().as("c")).as("owners"),
        (eb) => eb.selectFrom("network_member").select(eb.fn.countAll<number>().as("c")).as("members"),
        (eb) =>
          eb.selectFrom("programme_gathering").select(eb.fn.countAll<number>().as("c")).as("gatherings"),
      ])
      .executeTakeFirstOrThrow();
    expect(Number(programmes.members)).toBeGreaterThan(0);
    expect([Number(programmes.n), Number(programmes.owners), Number(programmes.gatherings)]).toEqual([
      1,
      Number(programmes.members),
      5,
    ]);
    // Every staff member belongs to a unit of an owner; every owner has a koordinator.
    const coordinators = await handle.db
      .selectFrom("membership")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("role", "=", "koordinator")
      .executeTakeFirstOrThrow();
    expect(Number(coordinators.n)).toBe(30);
    const levels = await handle.db
      .selectFrom("assessment_answer")
      .select((eb) => eb.fn.sum<number>("level").as("sum"))
      .executeTakeFirstOrThrow();

    // A second run on the same database changes nothing.
    const again = seed(first.env);
    expect(again.status).toBe(0);
    expect(again.out).toContain("already holds the national data");

    // Another database gets exactly the same data (seeded random).
    const second = await freshDatabase(dialect);
    expect(seed(second.env).status).toBe(0);
    const other = second.handle();
    cleanups.unshift(() => other.close());
    const otherLevels = await other.db
      .selectFrom("assessment_answer")
      .select((eb) => eb.fn.sum<number>("level").as("sum"))
      .executeTakeFirstOrThrow();
    expect(Number(otherLevels.sum)).toBe(Number(levels.sum));
  }, 120_000);
});

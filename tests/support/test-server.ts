import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import pino from "pino";
import type { AppServices } from "../../app/lib/services.ts";

export type TestDialect = "sqlite" | "postgres";

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export const dialects: TestDialect[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

type ServerModule = typeof import("../../server/app.ts");
let serverModule: Promise<ServerModule> | null = null;

/** The production build's server bundle (npm test builds before it runs the tests). */
export function loadBuild(): Promise<ServerModule> {
  const buildPath = path.resolve("build/server/index.js");
  serverModule ??= import(/* @vite-ignore */ buildPath) as Promise<ServerModule>;
  return serverModule;
}

export interface TestServer {
  url: string;
  services: AppServices;
  dialect: TestDialect;
  close(): Promise<void>;
}

export interface TestServerOptions {
  demo?: boolean;
  loginAttemptsPerMinute?: number;
  classifyPerMinute?: number;
  apiPerMinute?: number;
  /** Single sign-on providers (tests start a mock OpenID provider of their own). */
  sso?: import("../../app/features/auth/sso.server.ts").SsoProviderConfig[];
}

/** Any number of test servers migrate at once (shared); a schema is dropped by one alone (exclusive). */
async function schemaLock(kind: "shared" | "exclusive") {
  const KEY = 7_320_114;
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  const suffix = kind === "shared" ? "_shared" : "";
  await client.query(`select pg_advisory_lock${suffix}($1)`, [KEY]);
  return {
    client,
    async release() {
      await client.query(`select pg_advisory_unlock${suffix}($1)`, [KEY]);
      await client.end();
    },
  };
}

/**
 * Starts the real app on a fresh database of its own: a new SQLite file, or a new PostgreSQL
 * schema. Nothing is shared between servers.
 */
export async function startTestServer(
  dialect: TestDialect,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const mod = await loadBuild();
  let handler: http.RequestListener = (_req, res) => res.end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "oppvern-test-"));
  let schema: string | undefined;
  if (dialect === "postgres") {
    schema = `t_${randomBytes(6).toString("hex")}`;
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
  }
  // Kysely's migrator looks the tables up across every schema (pg_get_serial_sequence on each), and
  // fails if another test drops its schema in the middle of that. So migrating holds a shared lock
  // and dropping an exclusive one: tests migrate side by side, and no schema goes while they do.
  const lock = schema ? await schemaLock("shared") : null;
  const services = await mod
    .createServices({
      databaseUrl: dialect === "postgres" ? process.env.TEST_DATABASE_URL : undefined,
      schema,
      dataDir,
      publicUrl: url,
      demo: options.demo ?? false,
      log: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
      loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 1000,
      classifyPerMinute: options.classifyPerMinute ?? 1000,
      apiPerMinute: options.apiPerMinute ?? 1000,
      sso: options.sso,
    })
    .finally(() => lock?.release());
  handler = mod.createApp(services);

  return {
    url,
    services,
    dialect,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.live.close();
      await services.handle.close();
      if (schema) {
        const exclusive = await schemaLock("exclusive");
        try {
          await exclusive.client.query(`drop schema ${schema} cascade`);
        } finally {
          await exclusive.release();
        }
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The id of an organisation by its name (the demo data's names are unique). */
export const organisationIdOf = (server: TestServer, name: string) =>
  server.services.db
    .selectFrom("organisation")
    .select("id")
    .where("name", "=", name)
    .executeTakeFirstOrThrow()
    .then((row) => row.id);

/** The id of a user by email. */
export const userIdOf = (server: TestServer, email: string) =>
  server.services.db
    .selectFrom("user")
    .select("id")
    .where("email", "=", email)
    .executeTakeFirstOrThrow()
    .then((row) => row.id);

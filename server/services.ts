import path from "node:path";
import pino, { type Logger } from "pino";
import { migrate, openDatabase } from "../app/db/connect.server.ts";
import { lazyAuth } from "../app/features/auth/auth.server.ts";
import { createSessionReader } from "../app/features/auth/session-read.server.ts";
import { type SsoProviderConfig, ssoProvidersFromEnv } from "../app/features/auth/sso.server.ts";
import { seedDemo } from "../app/features/demo/seed-demo.server.ts";
import { createMailer } from "../app/features/email/mailer.server.ts";
import { createLocalBus, createPostgresBus } from "../app/features/group/live-bus.server.ts";
import { getAppSecret } from "../app/features/setup/app-secret.server.ts";
import { createFirstAdminLink, hasAdmin } from "../app/features/setup/first-admin.server.ts";
import { createPageCache } from "../app/lib/page-cache.ts";
import type { AppServices } from "../app/lib/services.ts";

export interface ServiceOptions {
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL schema (tests) or SQLite file (tests) to use. */
  schema?: string;
  sqliteFile?: string;
  publicUrl: string;
  demo: boolean;
  smtpUrl?: string;
  mailFrom?: string;
  log?: Logger;
  loginAttemptsPerMinute?: number;
  classifyPerMinute?: number;
  apiPerMinute?: number;
  /** OpenID Connect providers (OIDC_FEIDE_*, OIDC_ENTRA_*); none by default. */
  sso?: SsoProviderConfig[];
}

export function optionsFromEnv(env: NodeJS.ProcessEnv): ServiceOptions {
  const port = Number(env.PORT ?? 3000);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? "./data"),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ""),
    demo: env.OPPVERN_DEMO === "1",
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    loginAttemptsPerMinute: env.LOGIN_ATTEMPTS_PER_MINUTE ? Number(env.LOGIN_ATTEMPTS_PER_MINUTE) : undefined,
    classifyPerMinute: env.CLASSIFY_PER_MINUTE ? Number(env.CLASSIFY_PER_MINUTE) : undefined,
    apiPerMinute: env.API_REQUESTS_PER_MINUTE ? Number(env.API_REQUESTS_PER_MINUTE) : undefined,
    sso: ssoProvidersFromEnv(env),
  };
}

/** Opens the database, runs migrations, and builds what every request needs. */
export async function createServices(options: ServiceOptions): Promise<AppServices> {
  const log = options.log ?? pino({ level: process.env.LOG_LEVEL ?? "info" });
  const handle = openDatabase(options);
  await migrate(handle);
  const mailer = createMailer({
    db: handle.db,
    smtpUrl: options.smtpUrl,
    from: options.mailFrom ?? "Oppvern <ikke-svar@oppvern.no>",
    log,
  });
  const auth = lazyAuth({
    db: handle.db,
    dialect: handle.dialect,
    secret: await getAppSecret(handle.db),
    publicUrl: options.publicUrl,
    mailer,
    loginAttemptsPerMinute: options.loginAttemptsPerMinute,
    sso: options.sso,
  });
  const services: AppServices = {
    handle,
    db: handle.db,
    auth,
    sessions: createSessionReader(auth, handle.db),
    mailer,
    live: options.databaseUrl
      ? createPostgresBus({ connectionString: options.databaseUrl, log })
      : createLocalBus(),
    pageCache: createPageCache(),
    log,
    config: {
      publicUrl: options.publicUrl,
      demo: options.demo,
      devOutbox: !options.smtpUrl && (options.demo || process.env.NODE_ENV !== "production"),
      dataDir: options.dataDir,
      classifyPerMinute: options.classifyPerMinute ?? 60,
      apiPerMinute: options.apiPerMinute ?? 120,
      sso: (options.sso ?? []).map((p) => ({ id: p.id })),
    },
  };
  if (options.demo) await seedDemo(services);
  return services;
}

/** Prints the one-time link for the first admin when the platform has none. */
export async function announceFirstAdmin(services: AppServices): Promise<string | null> {
  if (await hasAdmin(services.db)) return null;
  const link = await createFirstAdminLink(services.db, services.config.publicUrl);
  services.log.warn("No admin exists yet. Create the first admin with this one-time link (valid 24 hours):");
  process.stdout.write(`\n  Første administrator / first admin: ${link}\n\n`);
  return link;
}

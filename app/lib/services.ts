import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { createContext } from "react-router";
import type { DbHandle } from "../db/connect.server.ts";
import type { Database } from "../db/schema.ts";
import type { Auth } from "../features/auth/auth.server.ts";
import type { SessionReader } from "../features/auth/session-read.server.ts";
import type { SsoProviderId } from "../features/auth/sso.server.ts";
import type { Mailer } from "../features/email/mailer.server.ts";
import type { LiveBus } from "../features/group/live-bus.server.ts";
import type { PageCache } from "./page-cache.ts";

export interface AppConfig {
  /** The address users reach Oppvern on; used in email links and the origin check. */
  publicUrl: string;
  demo: boolean;
  /** The development outbox page is shown to admins when no SMTP server is configured in demo/dev. */
  devOutbox: boolean;
  dataDir: string;
  /** Requests per minute and address to the public classifier API. */
  classifyPerMinute: number;
  /** Requests per minute and API token to the token-protected API (/api/v1/meg, /api/v1/eiere/…). */
  apiPerMinute: number;
  /** The single sign-on providers that are configured, in the order their buttons show (decision 023). */
  sso: { id: SsoProviderId }[];
}

export interface AppServices {
  handle: DbHandle;
  db: Kysely<Database>;
  /** better-auth, loaded on first use (it is a third of the start-up time). */
  auth: () => Promise<Auth>;
  /** The signed-in user in the common case, without better-auth's request machinery. */
  sessions: SessionReader;
  mailer: Mailer;
  live: LiveBus;
  /** Rendered public pages for visitors without cookies (see page-cache.ts). */
  pageCache: PageCache;
  config: AppConfig;
  log: Logger;
}

export interface RequestInfo {
  nonce: string;
  requestId: string;
  ip: string;
}

export const servicesContext = createContext<AppServices>();
export const requestContext = createContext<RequestInfo>();

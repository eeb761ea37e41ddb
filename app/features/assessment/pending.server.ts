import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { cookieValue } from "../../lib/cookies.ts";
import { DAY, isoIn, nowIso } from "../../lib/time.ts";
import { createToken, hashToken } from "../../lib/tokens.server.ts";

/** The cookie that holds the token of answers posted after the session expired. */
export const PENDING_COOKIE = "oppvern_ventende_svar";

/**
 * Keeps a form posted without a valid session, so nothing typed is lost: returns the Set-Cookie
 * header that ties it to this browser. Old ones are cleaned up at the same time.
 */
export async function keepPending(
  db: Kysely<Database>,
  path: string,
  form: FormData | URLSearchParams,
): Promise<string> {
  const { token, hash } = createToken();
  const body = JSON.stringify([...form].filter(([, v]) => typeof v === "string"));
  await db.deleteFrom("assessment_pending").where("expires_at", "<", nowIso()).execute();
  await db
    .insertInto("assessment_pending")
    .values({ token_hash: hash, path, body, created_at: nowIso(), expires_at: isoIn(DAY) })
    .execute();
  return `${PENDING_COOKIE}=${token}; Path=/kartlegging; HttpOnly; SameSite=Lax; Max-Age=86400`;
}

/** The login page that leads back to the page and saves what was kept (see takePending). */
export const loginToRestore = (path: string) =>
  `/logg-inn?neste=${encodeURIComponent(`${path}?gjenopprett=1`)}`;

/** Takes (and deletes) the kept form for this page, if this browser holds its token. */
export async function takePending(
  db: Kysely<Database>,
  request: Request,
  path: string,
): Promise<FormData | null> {
  const token = cookieValue(request.headers.get("cookie"), PENDING_COOKIE);
  if (!token) return null;
  const row = await db
    .selectFrom("assessment_pending")
    .selectAll()
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row || row.path !== path || row.expires_at < nowIso()) return null;
  await db.deleteFrom("assessment_pending").where("token_hash", "=", row.token_hash).execute();
  const form = new FormData();
  for (const [k, v] of JSON.parse(row.body) as [string, string][]) form.append(k, v);
  return form;
}

export const clearPendingCookie = `${PENDING_COOKIE}=; Path=/kartlegging; HttpOnly; SameSite=Lax; Max-Age=0`;

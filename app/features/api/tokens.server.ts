import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { DAY, nowIso } from "../../lib/time.ts";
import { hashToken, newId } from "../../lib/tokens.server.ts";
import { writeAudit } from "../audit/write-audit.server.ts";
import { listActorMemberships } from "../orgs/memberships.server.ts";
import type { Actor } from "../policy/policy.server.ts";
import { MAX_ACTIVE_TOKENS } from "./schemas.ts";

type Db = Kysely<Database>;

/** Every token starts so, which makes a leaked one easy to recognise (secret scanners, logs). */
export const TOKEN_PREFIX = "oppv_";
/** How many of the token's first characters are kept to tell tokens apart in the list. */
const SHOWN_CHARACTERS = 12;
/** "Last used" is written at most this often per token, not at every request. */
export const LAST_USED_EVERY_MS = 60_000;

/** A new random token: 32 bytes from the system's CSPRNG, base64url, after the prefix. */
export function newApiToken() {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, SHOWN_CHARACTERS) };
}

/** Tokens that still work: not revoked and not expired. */
const active = (db: Db, userId: string, now: string) =>
  db
    .selectFrom("api_token")
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now);

/**
 * Creates a token for the person, valid for `days` days. The token is returned once, to show; only
 * its hash is kept. "limit" when the person already has MAX_ACTIVE_TOKENS that work.
 */
export async function createApiToken(
  db: Db,
  options: { userId: string; name: string; days: number },
): Promise<{ ok: true; token: string; id: string } | { ok: false; reason: "limit" }> {
  const { token, hash, prefix } = newApiToken();
  const id = newId();
  const now = new Date();
  return db.transaction().execute(async (tx) => {
    const count = await active(tx, options.userId, now.toISOString())
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_ACTIVE_TOKENS) return { ok: false as const, reason: "limit" as const };
    const expiresAt = new Date(now.getTime() + options.days * DAY).toISOString();
    await tx
      .insertInto("api_token")
      .values({
        id,
        user_id: options.userId,
        name: options.name,
        token_hash: hash,
        prefix,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: null,
      action: "create-api-token",
      entity: "api_token",
      entityId: id,
      details: { name: options.name, prefix, expiresAt },
    });
    return { ok: true as const, token, id };
  });
}

/** The person's tokens that are not revoked, newest first; expired ones are listed as such. */
export async function listApiTokens(db: Db, userId: string) {
  const now = nowIso();
  const rows = await db
    .selectFrom("api_token")
    .select(["id", "name", "prefix", "created_at", "last_used_at", "expires_at"])
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, expired: r.expires_at <= now }));
}

/** How long a revoked or expired token is kept (and an expired one listed) before it is deleted. */
export const SPENT_TOKEN_DAYS = 90;

/**
 * Deletes tokens revoked or expired more than SPENT_TOKEN_DAYS ago (decision 022): they no longer
 * work, and after that the person need not see them. Returns how many were deleted.
 */
export async function deleteSpentApiTokens(db: Db, now = Date.now()) {
  const cutoff = new Date(now - SPENT_TOKEN_DAYS * DAY).toISOString();
  const result = await db
    .deleteFrom("api_token")
    .where((e) => e.or([e("revoked_at", "<", cutoff), e("expires_at", "<", cutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Revokes one of the person's own tokens; "not-found" for anyone else's, or one already revoked. */
export async function revokeApiToken(db: Db, userId: string, id: string): Promise<"revoked" | "not-found"> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom("api_token")
      .select(["id", "name", "prefix"])
      .where("id", "=", id)
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (!row) return "not-found";
    await tx.updateTable("api_token").set({ revoked_at: nowIso() }).where("id", "=", row.id).execute();
    await writeAudit(tx, {
      actorUserId: userId,
      tenantId: null,
      action: "revoke-api-token",
      entity: "api_token",
      entityId: row.id,
      details: { name: row.name, prefix: row.prefix },
    });
    return "revoked";
  });
}

export type BearerResult =
  | { ok: true; actor: Actor; tokenId: string }
  | { ok: false; reason: "missing" | "invalid" | "expired" | "revoked" };

/** The token in an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

/**
 * Who the request's bearer token belongs to, with their memberships as they are now (read at every
 * request, never cached: a role removed a moment ago no longer counts). A session cookie is not
 * looked at. Marks the token as used, at most once a minute.
 */
export async function actorFromBearer(db: Db, request: Request): Promise<BearerResult> {
  const token = bearerToken(request.headers.get("authorization"));
  if (!token) return { ok: false, reason: "missing" };
  if (!token.startsWith(TOKEN_PREFIX)) return { ok: false, reason: "invalid" };
  const row = await db
    .selectFrom("api_token as t")
    .innerJoin("user as u", "u.id", "t.user_id")
    .select([
      "t.id",
      "t.expires_at",
      "t.revoked_at",
      "t.last_used_at",
      "u.id as userId",
      "u.name",
      "u.email",
      "u.locale",
    ])
    .where("t.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return { ok: false, reason: "invalid" };
  if (row.revoked_at) return { ok: false, reason: "revoked" };
  const now = Date.now();
  if (Date.parse(row.expires_at) <= now) return { ok: false, reason: "expired" };
  const memberships = await listActorMemberships(db, row.userId);
  if (!row.last_used_at || Date.parse(row.last_used_at) <= now - LAST_USED_EVERY_MS) {
    const cutoff = new Date(now - LAST_USED_EVERY_MS).toISOString();
    // Of several requests in the same minute, only the first one's update finds the row.
    await db
      .updateTable("api_token")
      .set({ last_used_at: new Date(now).toISOString() })
      .where("id", "=", row.id)
      .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<=", cutoff)]))
      .execute();
  }
  return {
    ok: true,
    tokenId: row.id,
    actor: { userId: row.userId, name: row.name, email: row.email, locale: row.locale, memberships },
  };
}

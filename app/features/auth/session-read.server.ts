import { createHmac, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import { isPostgres, pgBatch } from "../../db/pg-batch.ts";
import { prepared } from "../../db/prepared.ts";
import type { Database } from "../../db/schema.ts";
import { cookieValue } from "../../lib/cookies.ts";
import { toActorMembership } from "../orgs/memberships.server.ts";
import type { ActorMembership } from "../policy/policy.server.ts";
import type { Auth } from "./auth.server.ts";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  locale: string | null;
  /** The user's memberships, when they were read with the session (saves a query). */
  memberships?: ActorMembership[];
}

/**
 * The signed-in user for a request, read the way better-auth's getSession reads it in the common
 * case, without its endpoint machinery (WebCrypto key import and verify, hooks, output parsing):
 * that costs about 0.5 ms per request, most of an autosave (docs/decisions/009-session-read.md).
 *
 * better-auth stays the owner of sessions: it creates, refreshes, revokes and deletes them, and it
 * answers every request this reader is not sure about. The reader answers only when better-auth
 * would give the same answer without writing anything: the session cookie's signature is right
 * (HMAC-SHA256 with better-auth's secret, as better-call signs it), the session exists with its
 * user and has not expired, and it is not yet due for refresh. It returns `undefined` ("ask
 * better-auth") for anything else: no or a bad signature, an expired or unknown session, one due
 * for refresh, a "don't remember me" or cached-session cookie.
 */
export type SessionReader = (cookieHeader: string | null) => Promise<SessionUser | undefined>;

/**
 * The session, its user and the user's memberships in one query (one row per membership, or one
 * row without when there is none): every signed-in request needs all three, and on PostgreSQL
 * each query is a round trip.
 */
const sessionRows = (db: Kysely<Database>) =>
  db
    .selectFrom("session as s")
    .innerJoin("user as u", "u.id", "s.userId")
    .leftJoin("membership as m", "m.user_id", "u.id")
    .leftJoin("organisation as o", (j) =>
      j.onRef("o.id", "=", "m.organisation_id").on("o.archived_at", "is", null),
    )
    .select([
      "s.token",
      "s.expiresAt",
      "u.id",
      "u.name",
      "u.email",
      "u.locale",
      "m.id as membershipId",
      "m.role",
      "o.id as organisationId",
      "o.name as organisationName",
      "o.kind",
      "o.parent_id",
    ])
    .orderBy("o.name");

const sessionQuery = prepared(["token"], (db, v) => sessionRows(db).where("s.token", "=", v.token));

/** The same for several sessions at once (PostgreSQL: the requests of one turn, one query). */
const sessionsQuery = prepared(["tokens"], (db, v) =>
  sessionRows(db).where("s.token", "=", (eb) => eb.fn.any(eb.val<string[]>(v.tokens))),
);

type SessionRow = Awaited<ReturnType<typeof sessionQuery>>[number];

/** Reads a session's rows: on PostgreSQL, together with the other requests arriving meanwhile. */
function sessionReader(db: Kysely<Database>): (token: string) => Promise<SessionRow[]> {
  if (!isPostgres(db)) return (token) => sessionQuery(db, { token });
  const batch = pgBatch<string, SessionRow[]>(async (tokens) => {
    const rows = await sessionsQuery(db, { tokens: [...new Set(tokens)] });
    const byToken = new Map<string, SessionRow[]>();
    for (const row of rows) {
      const list = byToken.get(row.token);
      if (list) list.push(row);
      else byToken.set(row.token, [row]);
    }
    return tokens.map((token) => byToken.get(token) ?? []);
  });
  return (token) => batch.load(token);
}

export function createSessionReader(auth: () => Promise<Auth>, db: Kysely<Database>): SessionReader {
  const readSession = sessionReader(db);
  let settings: Promise<{
    secret: string;
    sessionCookie: string;
    otherCookies: string[];
    expiresInMs: number;
    updateAgeMs: number;
  }> | null = null;
  const settingsOf = () => {
    settings ??= auth().then(async (instance) => {
      const ctx = await instance.$context;
      return {
        secret: ctx.secret,
        sessionCookie: ctx.authCookies.sessionToken.name,
        otherCookies: [ctx.authCookies.dontRememberToken.name, ctx.authCookies.sessionData.name],
        expiresInMs: ctx.sessionConfig.expiresIn * 1000,
        updateAgeMs: ctx.sessionConfig.updateAge * 1000,
      };
    });
    return settings;
  };

  return async (cookieHeader) => {
    if (!cookieHeader) return undefined;
    const s = await settingsOf();
    if (s.otherCookies.some((name) => cookieHeader.includes(name))) return undefined;
    // Missing, or not valid percent-encoding.
    const value = cookieValue(cookieHeader, s.sessionCookie);
    if (!value) return undefined;
    const dot = value.lastIndexOf(".");
    if (dot < 1) return undefined;
    const token = value.slice(0, dot);
    const signature = Buffer.from(value.slice(dot + 1));
    const expected = Buffer.from(createHmac("sha256", s.secret).update(token).digest("base64"));
    if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return undefined;

    const rows = await readSession(token);
    const [row] = rows;
    if (!row) return undefined;
    const expiresAt = new Date(row.expiresAt).getTime();
    const now = Date.now();
    // Expired (better-auth deletes it), or due for refresh (better-auth extends it).
    if (!(expiresAt > now) || expiresAt - s.expiresInMs + s.updateAgeMs <= now) return undefined;
    const memberships: ActorMembership[] = [];
    for (const r of rows)
      if (r.membershipId && r.role && r.organisationId && r.organisationName && r.kind)
        memberships.push(
          toActorMembership({
            id: r.membershipId,
            role: r.role,
            organisationId: r.organisationId,
            organisationName: r.organisationName,
            kind: r.kind,
            parent_id: r.parent_id,
          }),
        );
    return { id: row.id, name: row.name, email: row.email, locale: row.locale ?? null, memberships };
  };
}

import type { Kysely } from "kysely";
import type { Database, Role } from "../../db/schema.ts";
import type { Locale } from "../../i18n/locales.ts";
import { DAY, nowIso } from "../../lib/time.ts";
import { createToken, hashToken, newId } from "../../lib/tokens.server.ts";
import { writeAudit } from "../audit/write-audit.server.ts";
import type { Mailer } from "../email/mailer.server.ts";
import { buildEmail } from "../email/templates.server.ts";
import { addMembership } from "./memberships.server.ts";

export const INVITATION_LIFETIME = 7 * DAY;

export interface CreateInvitationOptions {
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  tenantId: string;
  invitedBy: { userId: string; name: string };
  locale: Locale;
  publicUrl: string;
}

export async function createInvitation(
  db: Kysely<Database>,
  mailer: Mailer,
  options: CreateInvitationOptions,
) {
  const { token, hash } = createToken();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("invitation")
      .values({
        id,
        token_hash: hash,
        email: options.email,
        name: options.name || null,
        organisation_id: options.organisationId,
        role: options.role,
        invited_by: options.invitedBy.userId,
        locale: options.locale,
        expires_at: new Date(Date.now() + INVITATION_LIFETIME).toISOString(),
        accepted_at: null,
        revoked_at: null,
        created_at: nowIso(),
      })
      .execute();
    await writeAudit(trx, {
      actorUserId: options.invitedBy.userId,
      tenantId: options.tenantId,
      action: "invite",
      entity: "invitation",
      entityId: id,
      details: { email: options.email, role: options.role, organisationId: options.organisationId },
    });
  });
  const url = `${options.publicUrl}/invitasjon/${token}`;
  await mailer.send(
    buildEmail("invite", options.locale, {
      to: options.email,
      url,
      name: options.name,
      inviter: options.invitedBy.name,
      organisation: options.organisationName,
      role: options.role,
    }),
  );
  return { id, token };
}

export type InvitationState = "valid" | "expired" | "used" | "revoked" | "unknown";

export async function findInvitation(db: Kysely<Database>, token: string) {
  const row = await db
    .selectFrom("invitation as i")
    .innerJoin("organisation as o", "o.id", "i.organisation_id")
    .select([
      "i.id",
      "i.email",
      "i.name",
      "i.role",
      "i.organisation_id",
      "i.expires_at",
      "i.accepted_at",
      "i.revoked_at",
      "o.name as organisation_name",
      "o.kind",
      "o.parent_id",
    ])
    .where("i.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return { state: "unknown" as InvitationState, invitation: null };
  const state: InvitationState = row.accepted_at
    ? "used"
    : row.revoked_at
      ? "revoked"
      : row.expires_at < nowIso()
        ? "expired"
        : "valid";
  return { state, invitation: row };
}

/**
 * Marks the invitation used and grants the role, in one transaction that re-checks that the
 * invitation is still unused, so a link clicked twice grants the role only once.
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  options: { invitationId: string; userId: string },
) {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const updated = await trx
      .updateTable("invitation")
      .set({ accepted_at: now })
      .where("id", "=", options.invitationId)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    const inv = await trx
      .selectFrom("invitation")
      .select(["organisation_id", "role", "invited_by"])
      .where("id", "=", options.invitationId)
      .executeTakeFirstOrThrow();
    await addMembership(trx, {
      userId: options.userId,
      organisationId: inv.organisation_id,
      role: inv.role,
      actorUserId: options.userId,
    });
    return true;
  });
}

export function listOpenInvitations(db: Kysely<Database>, organisationIds: string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("invitation as i")
    .innerJoin("organisation as o", "o.id", "i.organisation_id")
    .select([
      "i.id",
      "i.email",
      "i.name",
      "i.role",
      "i.expires_at",
      "i.organisation_id",
      "o.name as organisation_name",
    ])
    .where("i.organisation_id", "in", organisationIds)
    .where("i.accepted_at", "is", null)
    .where("i.revoked_at", "is", null)
    .where("i.expires_at", ">", nowIso())
    .orderBy("i.created_at", "desc")
    .execute();
}

export async function revokeInvitation(
  db: Kysely<Database>,
  options: { invitationId: string; organisationIds: string[]; actorUserId: string; tenantId: string },
) {
  if (options.organisationIds.length === 0) return false;
  const result = await db
    .updateTable("invitation")
    .set({ revoked_at: nowIso() })
    .where("id", "=", options.invitationId)
    .where("organisation_id", "in", options.organisationIds)
    .where("accepted_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await writeAudit(db, {
    actorUserId: options.actorUserId,
    tenantId: options.tenantId,
    action: "revoke",
    entity: "invitation",
    entityId: options.invitationId,
  });
  return true;
}

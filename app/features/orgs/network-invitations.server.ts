import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { localeOr } from "../../i18n/locales.ts";
import { nowIso } from "../../lib/time.ts";
import { writeAudit } from "../audit/write-audit.server.ts";
import type { Mailer } from "../email/mailer.server.ts";
import { buildEmail } from "../email/templates.server.ts";
import { addNetworkOwner } from "./networks.server.ts";
import { normaliseOrgNumber } from "./org-number.ts";

type Db = Kysely<Database>;

/**
 * Invites the owner with this organisation number to the network (decision 015, "Owners join by
 * invitation"), and e-mails its koordinatorer a link to their owner's page, where they answer.
 * Says why not when there is no such owner, when it is a member already, or invited already.
 */
export async function inviteOwnerToNetwork(
  db: Db,
  mailer: Mailer,
  options: {
    network: { id: string; name: string };
    orgNumber: string;
    userId: string;
    inviter: string;
    publicUrl: string;
  },
): Promise<{ ok: true; owner: string } | { ok: false; error: "unknown" | "member" | "invited" }> {
  const owner = await db
    .selectFrom("organisation")
    .select(["id", "name"])
    .where("kind", "=", "eier")
    .where("org_number", "=", normaliseOrgNumber(options.orgNumber))
    .where("archived_at", "is", null)
    .executeTakeFirst();
  if (!owner) return { ok: false, error: "unknown" };
  const member = await db
    .selectFrom("network_member")
    .select("owner_id")
    .where("network_id", "=", options.network.id)
    .where("owner_id", "=", owner.id)
    .executeTakeFirst();
  if (member) return { ok: false, error: "member" };
  const made = await db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto("network_invitation")
      .values({
        network_id: options.network.id,
        owner_id: owner.id,
        invited_by: options.userId,
        invited_at: nowIso(),
      })
      .onConflict((oc) => oc.columns(["network_id", "owner_id"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.network.id,
      action: "invite-owner",
      entity: "nettverk",
      entityId: options.network.id,
      details: { ownerId: owner.id },
    });
    return true;
  });
  if (!made) return { ok: false, error: "invited" };
  const koordinatorer = await db
    .selectFrom("membership")
    .innerJoin("user", "user.id", "membership.user_id")
    .select(["user.email", "user.name", "user.locale"])
    .where("membership.organisation_id", "=", owner.id)
    .where("membership.role", "=", "koordinator")
    .execute();
  for (const person of koordinatorer)
    await mailer.send(
      buildEmail("networkInvitation", localeOr(person.locale), {
        to: person.email,
        name: person.name,
        url: `${options.publicUrl}/eiere/${owner.id}#nettverk`,
        inviter: options.inviter,
        organisation: owner.name,
        programme: options.network.name,
      }),
    );
  return { ok: true, owner: owner.name };
}

/** The network's open invitations to owners, oldest first. */
export function listNetworkInvitations(db: Db, networkId: string) {
  return db
    .selectFrom("network_invitation as i")
    .innerJoin("organisation as o", "o.id", "i.owner_id")
    .select(["o.id", "o.name", "i.invited_at"])
    .where("i.network_id", "=", networkId)
    .orderBy("i.invited_at")
    .orderBy("o.name")
    .execute();
}

/** The networks the owner is a member of, and those that have invited it, by name. */
export async function networksOfOwnerPage(db: Db, ownerId: string) {
  const [members, invitations] = await Promise.all([
    db
      .selectFrom("network_member as nm")
      .innerJoin("organisation as n", "n.id", "nm.network_id")
      .select(["n.id", "n.name", "nm.created_at as since"])
      .where("nm.owner_id", "=", ownerId)
      .where("n.archived_at", "is", null)
      .orderBy("n.name")
      .execute(),
    db
      .selectFrom("network_invitation as i")
      .innerJoin("organisation as n", "n.id", "i.network_id")
      .leftJoin("user as u", "u.id", "i.invited_by")
      .select(["n.id", "n.name", "i.invited_at", "u.name as invited_by"])
      .where("i.owner_id", "=", ownerId)
      .where("n.archived_at", "is", null)
      .orderBy("n.name")
      .execute(),
  ]);
  return { members, invitations };
}

/**
 * Removes an open invitation and logs why (answered or withdrawn), in one transaction. False when
 * there was none.
 */
function closeInvitation(
  db: Db,
  ids: { networkId: string; ownerId: string },
  audit: { userId: string; tenantId: string; action: string; details?: Record<string, unknown> },
) {
  return db.transaction().execute(async (tx) => {
    const deleted = await tx
      .deleteFrom("network_invitation")
      .where("network_id", "=", ids.networkId)
      .where("owner_id", "=", ids.ownerId)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return false;
    await writeAudit(tx, {
      actorUserId: audit.userId,
      tenantId: audit.tenantId,
      action: audit.action,
      entity: "nettverk",
      entityId: ids.networkId,
      details: audit.details,
    });
    return true;
  });
}

/**
 * The owner's koordinator answers an invitation: yes makes the owner a member of the network, no
 * removes the invitation. False when there is no such invitation (answered, or withdrawn).
 */
export async function answerNetworkInvitation(
  db: Db,
  options: { networkId: string; ownerId: string; accept: boolean; userId: string },
) {
  const removed = await closeInvitation(db, options, {
    userId: options.userId,
    tenantId: options.ownerId,
    action: options.accept ? "network-invitation.accept" : "network-invitation.decline",
  });
  if (removed && options.accept)
    await addNetworkOwner(db, {
      networkId: options.networkId,
      ownerId: options.ownerId,
      actorUserId: options.userId,
    });
  return removed;
}

/** The programansvarlig withdraws an open invitation. False when there was none. */
export function withdrawNetworkInvitation(
  db: Db,
  options: { networkId: string; ownerId: string; userId: string },
) {
  return closeInvitation(db, options, {
    userId: options.userId,
    tenantId: options.networkId,
    action: "network-invitation.withdraw",
    details: { ownerId: options.ownerId },
  });
}

import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { nowIso } from "../../lib/time.ts";
import { writeAudit } from "../audit/write-audit.server.ts";
import { leaveProgrammeIn } from "../programme/leave-programme.server.ts";
import { withdrawIn } from "../shared/shared.server.ts";

type Db = Kysely<Database>;

/**
 * What leaving the network takes with it, for the confirmation page: the network's programmes the
 * owner takes part in, and the owner's risk assessments shared in the network. Undefined when the
 * owner is not a member (the page is then 404).
 */
export async function networkLeavePreview(db: Db, networkId: string, ownerId: string) {
  const network = await db
    .selectFrom("network_member as nm")
    .innerJoin("organisation as n", "n.id", "nm.network_id")
    .select(["n.id", "n.name"])
    .where("nm.network_id", "=", networkId)
    .where("nm.owner_id", "=", ownerId)
    .where("n.archived_at", "is", null)
    .executeTakeFirst();
  if (!network) return undefined;
  const [programmes, shared] = await Promise.all([
    programmesIn(db, networkId, ownerId),
    liveSharesIn(db, networkId, ownerId),
  ]);
  return { network, programmes, shared };
}

/** The network's programmes the owner takes part in: what leaving the network leaves. */
export function programmesIn(db: Db, networkId: string, ownerId: string) {
  return db
    .selectFrom("programme_owner as po")
    .innerJoin("programme as p", "p.id", "po.programme_id")
    .select(["p.id", "p.name"])
    .where("p.network_id", "=", networkId)
    .where("po.owner_id", "=", ownerId)
    .orderBy("p.name")
    .execute();
}

/** The owner's assessments shared in the network and not withdrawn: what leaving withdraws. */
function liveSharesIn(db: Db, networkId: string, ownerId: string) {
  return db
    .selectFrom("shared_assessment")
    .select(["id", "title"])
    .where("network_id", "=", networkId)
    .where("owner_id", "=", ownerId)
    .where("withdrawn_at", "is", null)
    .orderBy("title")
    .execute();
}

/**
 * Takes the owner out of the network, by its koordinator (decision 015, "Leaving a network"), in
 * one transaction: it leaves each of the network's programmes it is in, exactly as when it leaves
 * one by itself (decision 017: sharing stops, the comments with the guide are deleted, the
 * programme keeps that it left); its live shared assessments in the network are withdrawn
 * (decision 018; copies other owners adopted stay theirs); an open invitation from the network
 * goes; and the network keeps that the owner left, when and by whom. Each step writes its own log
 * row, and `network.leave` names what went. False when the owner was not a member.
 */
export async function leaveNetwork(db: Db, options: { networkId: string; ownerId: string; userId: string }) {
  return db.transaction().execute(async (tx) => {
    const removed = await tx
      .deleteFrom("network_member")
      .where("network_id", "=", options.networkId)
      .where("owner_id", "=", options.ownerId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return false;
    const programmes = await programmesIn(tx, options.networkId, options.ownerId);
    for (const p of programmes)
      await leaveProgrammeIn(tx, { programmeId: p.id, ownerId: options.ownerId, userId: options.userId });
    const shared = await liveSharesIn(tx, options.networkId, options.ownerId);
    for (const s of shared)
      await withdrawIn(tx, { ownerId: options.ownerId, id: s.id, userId: options.userId });
    await tx
      .deleteFrom("network_invitation")
      .where("network_id", "=", options.networkId)
      .where("owner_id", "=", options.ownerId)
      .execute();
    const row = { left_at: nowIso(), left_by: options.userId };
    await tx
      .insertInto("network_departure")
      .values({ network_id: options.networkId, owner_id: options.ownerId, ...row })
      .onConflict((oc) => oc.columns(["network_id", "owner_id"]).doUpdateSet(row))
      .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "network.leave",
      entity: "nettverk",
      entityId: options.networkId,
      details: { programmes: programmes.map((p) => p.id), withdrawnShared: shared.length },
    });
    return true;
  });
}

/** The owners that have left the network by themselves, most recent first, with when. */
export function listNetworkDepartures(db: Db, networkId: string) {
  return db
    .selectFrom("network_departure as d")
    .innerJoin("organisation as o", "o.id", "d.owner_id")
    .select(["o.id", "o.name", "d.left_at"])
    .where("d.network_id", "=", networkId)
    .orderBy("d.left_at", "desc")
    .orderBy("o.name")
    .execute();
}

/** The network this owner left, for the notice on the owner's page after leaving (its own only). */
export function departureOfOwner(db: Db, ownerId: string, networkId: string) {
  return db
    .selectFrom("network_departure as d")
    .innerJoin("organisation as n", "n.id", "d.network_id")
    .select(["n.name"])
    .where("d.owner_id", "=", ownerId)
    .where("d.network_id", "=", networkId)
    .executeTakeFirst();
}

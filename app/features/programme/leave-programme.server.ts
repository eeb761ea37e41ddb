import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { nowIso } from "../../lib/time.ts";
import { writeAudit } from "../audit/write-audit.server.ts";

type Db = Kysely<Database>;

/**
 * Takes an owner out of a programme (decision 017, "Leaving a programme"): what it shared stops at
 * once, the comments with its guide are removed, it leaves its group and the cohort, and the
 * programme keeps only that it left and when. Attendance at past gatherings stays: it is the
 * network's record of its own gatherings. Returns false when the owner was not in the programme.
 */
export async function leaveProgramme(
  db: Db,
  options: { programmeId: string; ownerId: string; userId: string },
) {
  return db.transaction().execute((tx) => leaveProgrammeIn(tx, options));
}

/** leaveProgramme inside a transaction the caller holds (leaving a network leaves its programmes). */
export async function leaveProgrammeIn(
  tx: Db,
  options: { programmeId: string; ownerId: string; userId: string | null },
) {
  const removed = await tx
    .deleteFrom("programme_owner")
    .where("programme_id", "=", options.programmeId)
    .where("owner_id", "=", options.ownerId)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) return false;
  for (const table of ["programme_share", "programme_comment", "programme_group_owner"] as const)
    await tx
      .deleteFrom(table)
      .where("programme_id", "=", options.programmeId)
      .where("owner_id", "=", options.ownerId)
      .execute();
  const row = { left_at: nowIso(), left_by: options.userId };
  await tx
    .insertInto("programme_departure")
    .values({ programme_id: options.programmeId, owner_id: options.ownerId, ...row })
    .onConflict((oc) => oc.columns(["programme_id", "owner_id"]).doUpdateSet(row))
    .execute();
  await writeAudit(tx, {
    actorUserId: options.userId,
    tenantId: options.ownerId,
    action: "programme.leave",
    entity: "programme",
    entityId: options.programmeId,
  });
  return true;
}

/**
 * Takes an owner of the programme's network into the programme after it started, or back after it
 * left: it is in the cohort and its groups can be set, and it shares nothing until its koordinator
 * says so (decision 017). The note that it left goes; the log keeps both. Returns false when the
 * owner is not a member of the network, or is in the programme already.
 */
export async function addOwnerToProgramme(
  db: Db,
  options: { programmeId: string; networkId: string; ownerId: string; userId: string },
) {
  return db.transaction().execute(async (tx) => {
    const member = await tx
      .selectFrom("network_member")
      .select("owner_id")
      .where("network_id", "=", options.networkId)
      .where("owner_id", "=", options.ownerId)
      .executeTakeFirst();
    if (!member) return false;
    const added = await tx
      .insertInto("programme_owner")
      .values({ programme_id: options.programmeId, owner_id: options.ownerId, joined_at: nowIso() })
      .onConflict((oc) => oc.columns(["programme_id", "owner_id"]).doNothing())
      .executeTakeFirst();
    if (Number(added.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const left = await tx
      .deleteFrom("programme_departure")
      .where("programme_id", "=", options.programmeId)
      .where("owner_id", "=", options.ownerId)
      .executeTakeFirst();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.networkId,
      action: Number(left.numDeletedRows) > 0 ? "programme.rejoin" : "programme.addOwner",
      entity: "programme",
      entityId: options.programmeId,
      details: { owner: options.ownerId },
    });
    return true;
  });
}

/** The owners that have left a programme, with when, most recent first. */
export function listDepartures(db: Db, programmeId: string) {
  return db
    .selectFrom("programme_departure as d")
    .innerJoin("organisation as o", "o.id", "d.owner_id")
    .select(["o.id", "o.name", "d.left_at"])
    .where("d.programme_id", "=", programmeId)
    .orderBy("d.left_at", "desc")
    .orderBy("o.name")
    .execute();
}

/**
 * The programme one of these owners has left (for the notice after leaving, when the person can no
 * longer open the programme): only an owner of the person's own, so no other programme's name shows.
 */
export function departureOf(db: Db, programmeId: string, ownerIds: string[]) {
  if (ownerIds.length === 0) return Promise.resolve(undefined);
  return db
    .selectFrom("programme_departure as d")
    .innerJoin("programme as p", "p.id", "d.programme_id")
    .innerJoin("organisation as o", "o.id", "d.owner_id")
    .select(["p.name as programme", "o.name as owner"])
    .where("d.programme_id", "=", programmeId)
    .where("d.owner_id", "in", ownerIds)
    .orderBy("d.left_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

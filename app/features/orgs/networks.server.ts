import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { nowIso } from "../../lib/time.ts";
import { writeAudit } from "../audit/write-audit.server.ts";
import { leaveProgrammeIn } from "../programme/leave-programme.server.ts";
import { programmesIn } from "./leave-network.server.ts";
import { insertOrganisation } from "./owners.server.ts";

export function createNetwork(db: Kysely<Database>, options: { name: string; actorUserId: string | null }) {
  return insertOrganisation(
    db,
    { kind: "nettverk", name: options.name },
    { actorUserId: options.actorUserId, details: { name: options.name } },
  );
}

export function listNetworks(db: Kysely<Database>) {
  return db
    .selectFrom("organisation as n")
    .select((eb) => [
      "n.id",
      "n.name",
      eb
        .selectFrom("network_member as nm")
        .select((e) => e.fn.countAll<number>().as("c"))
        .whereRef("nm.network_id", "=", "n.id")
        .as("owner_count"),
    ])
    .where("n.kind", "=", "nettverk")
    .where("n.archived_at", "is", null)
    .orderBy("n.name")
    .execute();
}

export function getNetwork(db: Kysely<Database>, networkId: string) {
  return db
    .selectFrom("organisation")
    .select(["id", "name"])
    .where("id", "=", networkId)
    .where("kind", "=", "nettverk")
    .where("archived_at", "is", null)
    .executeTakeFirst();
}

export function listNetworkOwners(db: Kysely<Database>, networkId: string) {
  return db
    .selectFrom("network_member as nm")
    .innerJoin("organisation as o", "o.id", "nm.owner_id")
    .select(["o.id", "o.name", "o.org_number", "nm.created_at"])
    .where("nm.network_id", "=", networkId)
    .orderBy("o.name")
    .execute();
}

export async function addNetworkOwner(
  db: Kysely<Database>,
  options: { networkId: string; ownerId: string; actorUserId: string | null },
) {
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("network_member")
      .select("owner_id")
      .where("network_id", "=", options.networkId)
      .where("owner_id", "=", options.ownerId)
      .executeTakeFirst();
    if (existing) return;
    await trx
      .insertInto("network_member")
      .values({ network_id: options.networkId, owner_id: options.ownerId, created_at: nowIso() })
      .execute();
    // An owner that left and joins again is a member like any other: the note that it left goes.
    await trx
      .deleteFrom("network_departure")
      .where("network_id", "=", options.networkId)
      .where("owner_id", "=", options.ownerId)
      .execute();
    await writeAudit(trx, {
      actorUserId: options.actorUserId,
      tenantId: options.networkId,
      action: "add-owner",
      entity: "nettverk",
      entityId: options.networkId,
      details: { ownerId: options.ownerId },
    });
  });
}

export async function removeNetworkOwner(
  db: Kysely<Database>,
  options: { networkId: string; ownerId: string; actorUserId: string | null },
) {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom("network_member")
      .where("network_id", "=", options.networkId)
      .where("owner_id", "=", options.ownerId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return;
    // An owner outside the network is outside its programmes too: it leaves them as if by itself
    // (decision 017: its sharing and the comments go, the programme keeps that it left).
    for (const p of await programmesIn(trx, options.networkId, options.ownerId))
      await leaveProgrammeIn(trx, {
        programmeId: p.id,
        ownerId: options.ownerId,
        userId: options.actorUserId,
      });
    await writeAudit(trx, {
      actorUserId: options.actorUserId,
      tenantId: options.networkId,
      action: "remove-owner",
      entity: "nettverk",
      entityId: options.networkId,
      details: { ownerId: options.ownerId },
    });
  });
}

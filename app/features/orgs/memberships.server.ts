import type { Kysely, Transaction } from "kysely";
import { prepared } from "../../db/prepared.ts";
import type { Database, Role } from "../../db/schema.ts";
import { nowIso } from "../../lib/time.ts";
import { newId } from "../../lib/tokens.server.ts";
import { writeAudit } from "../audit/write-audit.server.ts";
import type { ActorMembership } from "../policy/policy.server.ts";

/** The tenant a membership's changes are logged under: the eier for units, else the organisation. */
async function tenantOf(db: Kysely<Database> | Transaction<Database>, organisationId: string) {
  const org = await db
    .selectFrom("organisation")
    .select(["id", "kind", "parent_id"])
    .where("id", "=", organisationId)
    .executeTakeFirstOrThrow();
  return org.kind === "enhet" ? org.parent_id : org.id;
}

export async function addMembership(
  db: Kysely<Database> | Transaction<Database>,
  options: { userId: string; organisationId: string; role: Role; actorUserId: string | null },
) {
  const existing = await db
    .selectFrom("membership")
    .select("id")
    .where("user_id", "=", options.userId)
    .where("organisation_id", "=", options.organisationId)
    .where("role", "=", options.role)
    .executeTakeFirst();
  if (existing) return existing.id;
  const id = newId();
  await db
    .insertInto("membership")
    .values({
      id,
      user_id: options.userId,
      organisation_id: options.organisationId,
      role: options.role,
      created_at: nowIso(),
    })
    .execute();
  await writeAudit(db, {
    actorUserId: options.actorUserId,
    tenantId: await tenantOf(db, options.organisationId),
    action: "grant-role",
    entity: "membership",
    entityId: id,
    details: { userId: options.userId, organisationId: options.organisationId, role: options.role },
  });
  return id;
}

export type RemovalResult = "removed" | "not-found" | "self";

/**
 * Removes one role, only within the given organisations and, when given, only of the given roles.
 * Nobody removes their own role: that could leave an organisation with no one to manage it.
 */
export async function removeMembership(
  db: Kysely<Database>,
  options: { membershipId: string; organisationIds: string[]; actorUserId: string; roles?: Role[] },
): Promise<RemovalResult> {
  if (options.organisationIds.length === 0) return "not-found";
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("membership")
      .selectAll()
      .where("id", "=", options.membershipId)
      .where("organisation_id", "in", options.organisationIds)
      .executeTakeFirst();
    if (!row || (options.roles && !options.roles.includes(row.role))) return "not-found";
    if (row.user_id === options.actorUserId) return "self";
    await trx.deleteFrom("membership").where("id", "=", row.id).execute();
    await writeAudit(trx, {
      actorUserId: options.actorUserId,
      tenantId: await tenantOf(trx, row.organisation_id),
      action: "revoke-role",
      entity: "membership",
      entityId: row.id,
      details: { userId: row.user_id, organisationId: row.organisation_id, role: row.role },
    });
    return "removed";
  });
}

const actorMembershipsQuery = prepared(["userId"], (db, v) =>
  db
    .selectFrom("membership as m")
    .innerJoin("organisation as o", "o.id", "m.organisation_id")
    .select([
      "m.id",
      "m.role",
      "o.id as organisationId",
      "o.name as organisationName",
      "o.kind",
      "o.parent_id",
    ])
    .where("m.user_id", "=", v.userId)
    .where("o.archived_at", "is", null)
    .orderBy("o.name"),
);

/** A membership row (membership joined with its organisation) as the policy sees it. */
export function toActorMembership(r: {
  id: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  kind: ActorMembership["kind"];
  parent_id: string | null;
}): ActorMembership {
  return {
    id: r.id,
    role: r.role,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    kind: r.kind,
    ownerId: r.kind === "eier" ? r.organisationId : r.kind === "enhet" ? r.parent_id : null,
    unitId: r.kind === "enhet" ? r.organisationId : null,
    networkId: r.kind === "nettverk" ? r.organisationId : null,
  };
}

export async function listActorMemberships(db: Kysely<Database>, userId: string): Promise<ActorMembership[]> {
  const rows = await actorMembershipsQuery(db, { userId });
  return rows.map(toActorMembership);
}

/** People with a role in one organisation (an eier, an enhet, a nettverk or the platform). */
export function listMembers(db: Kysely<Database>, organisationIds: string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("membership as m")
    .innerJoin("user as u", "u.id", "m.user_id")
    .innerJoin("organisation as o", "o.id", "m.organisation_id")
    .select([
      "m.id",
      "m.role",
      "m.user_id",
      "m.organisation_id",
      "o.name as organisation_name",
      "u.name",
      "u.email",
    ])
    .where("m.organisation_id", "in", organisationIds)
    .orderBy("u.name")
    .execute();
}

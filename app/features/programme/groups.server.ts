import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { nowIso } from "../../lib/time.ts";
import { newId } from "../../lib/tokens.server.ts";
import { writeAudit } from "../audit/write-audit.server.ts";

type Db = Kysely<Database>;

/** The network's guides (role veileder), who can lead a group. */
export function listGuides(db: Db, networkId: string) {
  return db
    .selectFrom("membership as m")
    .innerJoin("user as u", "u.id", "m.user_id")
    .select(["u.id", "u.name"])
    .where("m.organisation_id", "=", networkId)
    .where("m.role", "=", "veileder")
    .orderBy("u.name")
    .execute();
}

export interface ProgrammeGroup {
  id: string;
  name: string;
  guideId: string | null;
  guideName: string | null;
  owners: { id: string; name: string }[];
}

/** A programme's groups, with their guide and owners, by name. */
export async function listGroups(db: Db, programmeId: string): Promise<ProgrammeGroup[]> {
  const [groups, members] = await Promise.all([
    db
      .selectFrom("programme_group as g")
      .leftJoin("user as u", "u.id", "g.guide_id")
      .select(["g.id", "g.name", "g.guide_id", "u.name as guide_name"])
      .where("g.programme_id", "=", programmeId)
      .orderBy("g.name")
      .execute(),
    db
      .selectFrom("programme_group_owner as go")
      .innerJoin("organisation as o", "o.id", "go.owner_id")
      .select(["go.group_id", "o.id", "o.name"])
      .where("go.programme_id", "=", programmeId)
      .orderBy("o.name")
      .execute(),
  ]);
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    guideId: g.guide_id,
    guideName: g.guide_name,
    owners: members.filter((m) => m.group_id === g.id).map((m) => ({ id: m.id, name: m.name })),
  }));
}

/** The guide of the owner's group in a programme (null when it is in no group or the group has none). */
export async function guideOf(db: Db, programmeId: string, ownerId: string) {
  const row = await db
    .selectFrom("programme_group_owner as go")
    .innerJoin("programme_group as g", "g.id", "go.group_id")
    .select("g.guide_id")
    .where("go.programme_id", "=", programmeId)
    .where("go.owner_id", "=", ownerId)
    .executeTakeFirst();
  return row?.guide_id ?? null;
}

/**
 * Creates a group (no id) or changes one: its name, its guide and its owners. An owner chosen here
 * leaves any other group of the programme, since an owner is in at most one. Returns the group's
 * id, or null when the group is not the programme's.
 */
export async function saveGroup(
  db: Db,
  options: {
    programmeId: string;
    networkId: string;
    groupId: string | null;
    name: string;
    guideId: string | null;
    ownerIds: string[];
    userId: string;
  },
) {
  return db.transaction().execute(async (tx) => {
    let id = options.groupId;
    if (id) {
      const updated = await tx
        .updateTable("programme_group")
        .set({ name: options.name, guide_id: options.guideId })
        .where("id", "=", id)
        .where("programme_id", "=", options.programmeId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return null;
    } else {
      id = newId();
      await tx
        .insertInto("programme_group")
        .values({
          id,
          programme_id: options.programmeId,
          name: options.name,
          guide_id: options.guideId,
          created_at: nowIso(),
        })
        .execute();
    }
    const groupId = id;
    await tx
      .deleteFrom("programme_group_owner")
      .where("programme_id", "=", options.programmeId)
      .where((e) =>
        e.or([
          e("group_id", "=", groupId),
          ...(options.ownerIds.length > 0 ? [e("owner_id", "in", options.ownerIds)] : []),
        ]),
      )
      .execute();
    if (options.ownerIds.length > 0)
      await tx
        .insertInto("programme_group_owner")
        .values(
          options.ownerIds.map((owner_id) => ({
            programme_id: options.programmeId,
            owner_id,
            group_id: groupId,
          })),
        )
        .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.networkId,
      action: options.groupId ? "programme.group.update" : "programme.group.create",
      entity: "programme_group",
      entityId: groupId,
      details: { programme: options.programmeId, guide: options.guideId, owners: options.ownerIds },
    });
    return groupId;
  });
}

/** Removes a group; its owners are in no group afterwards. */
export async function deleteGroup(
  db: Db,
  options: { programmeId: string; networkId: string; groupId: string; userId: string },
) {
  return db.transaction().execute(async (tx) => {
    const removed = await tx
      .deleteFrom("programme_group")
      .where("id", "=", options.groupId)
      .where("programme_id", "=", options.programmeId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return false;
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.networkId,
      action: "programme.group.delete",
      entity: "programme_group",
      entityId: options.groupId,
      details: { programme: options.programmeId },
    });
    return true;
  });
}

/** The owners that attended each gathering: number → owner ids. */
export async function listAttendance(db: Db, programmeId: string) {
  const rows = await db
    .selectFrom("programme_attendance")
    .select(["number", "owner_id"])
    .where("programme_id", "=", programmeId)
    .execute();
  const byGathering = new Map<number, Set<string>>();
  for (const r of rows) {
    const set = byGathering.get(Number(r.number)) ?? new Set<string>();
    set.add(r.owner_id);
    byGathering.set(Number(r.number), set);
  }
  return byGathering;
}

/**
 * Records who attended a gathering among the owners this person may record for (`ownerIds`):
 * those in `attended` did, the others of `ownerIds` did not. Owners outside `ownerIds` keep what
 * someone else recorded.
 */
export async function saveAttendance(
  db: Db,
  options: {
    programmeId: string;
    networkId: string;
    number: number;
    ownerIds: string[];
    attended: string[];
    userId: string;
  },
) {
  if (options.ownerIds.length === 0) return;
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom("programme_attendance")
      .where("programme_id", "=", options.programmeId)
      .where("number", "=", options.number)
      .where("owner_id", "in", options.ownerIds)
      .execute();
    if (options.attended.length > 0)
      await tx
        .insertInto("programme_attendance")
        .values(
          options.attended.map((owner_id) => ({
            programme_id: options.programmeId,
            number: options.number,
            owner_id,
            recorded_by: options.userId,
          })),
        )
        .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.networkId,
      action: "programme.attendance",
      entity: "programme",
      entityId: options.programmeId,
      details: { gathering: options.number, attended: options.attended },
    });
  });
}

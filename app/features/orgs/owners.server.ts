import type { Kysely } from "kysely";
import type { Database, OrganisationTable, OwnerType, UnitType } from "../../db/schema.ts";
import { nowIso } from "../../lib/time.ts";
import { newId } from "../../lib/tokens.server.ts";
import { writeAudit } from "../audit/write-audit.server.ts";

export class DuplicateOrgNumberError extends Error {}

type NewOrganisation = Pick<OrganisationTable, "kind" | "name"> &
  Partial<Pick<OrganisationTable, "org_number" | "owner_type" | "unit_type" | "parent_id">>;

/** Creates an organisation and its audit entry in one transaction; returns its id. */
export async function insertOrganisation(
  db: Kysely<Database>,
  org: NewOrganisation,
  audit: { actorUserId: string | null; tenantId?: string; details: Record<string, unknown> },
): Promise<string> {
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("organisation")
      .values({
        id,
        kind: org.kind,
        name: org.name,
        org_number: org.org_number ?? null,
        owner_type: org.owner_type ?? null,
        unit_type: org.unit_type ?? null,
        parent_id: org.parent_id ?? null,
        created_at: nowIso(),
        archived_at: null,
      })
      .execute();
    await writeAudit(trx, {
      actorUserId: audit.actorUserId,
      tenantId: audit.tenantId ?? id,
      action: "create",
      entity: org.kind,
      entityId: id,
      details: audit.details,
    });
  });
  return id;
}

export interface CreateOwnerOptions {
  name: string;
  ownerType: OwnerType;
  orgNumber: string;
  actorUserId: string | null;
}

export async function createOwner(db: Kysely<Database>, options: CreateOwnerOptions): Promise<string> {
  const existing = await db
    .selectFrom("organisation")
    .select("id")
    .where("kind", "=", "eier")
    .where("org_number", "=", options.orgNumber)
    .executeTakeFirst();
  if (existing) throw new DuplicateOrgNumberError();
  return insertOrganisation(
    db,
    { kind: "eier", name: options.name, org_number: options.orgNumber, owner_type: options.ownerType },
    {
      actorUserId: options.actorUserId,
      details: { name: options.name, orgNumber: options.orgNumber, ownerType: options.ownerType },
    },
  );
}

export function listOwners(db: Kysely<Database>) {
  return db
    .selectFrom("organisation as o")
    .select((eb) => [
      "o.id",
      "o.name",
      "o.org_number",
      "o.owner_type",
      eb
        .selectFrom("organisation as u")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("u.parent_id", "=", "o.id")
        .where("u.archived_at", "is", null)
        .as("unit_count"),
    ])
    .where("o.kind", "=", "eier")
    .where("o.archived_at", "is", null)
    .orderBy("o.name")
    .execute();
}

export function getOwner(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom("organisation")
    .select(["id", "name", "org_number", "owner_type", "created_at"])
    .where("id", "=", ownerId)
    .where("kind", "=", "eier")
    .where("archived_at", "is", null)
    .executeTakeFirst();
}

export interface CreateUnitOptions {
  ownerId: string;
  name: string;
  unitType: UnitType;
  actorUserId: string | null;
}

export async function createUnit(db: Kysely<Database>, options: CreateUnitOptions): Promise<string> {
  return insertOrganisation(
    db,
    { kind: "enhet", name: options.name, unit_type: options.unitType, parent_id: options.ownerId },
    {
      actorUserId: options.actorUserId,
      tenantId: options.ownerId,
      details: { name: options.name, unitType: options.unitType },
    },
  );
}

/** The units of one eier: the query is scoped by the owner, so a unit of another owner never appears. */
export function listUnits(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom("organisation as u")
    .select((eb) => [
      "u.id",
      "u.name",
      "u.unit_type",
      eb
        .selectFrom("membership as m")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("m.organisation_id", "=", "u.id")
        .as("member_count"),
    ])
    .where("u.kind", "=", "enhet")
    .where("u.parent_id", "=", ownerId)
    .where("u.archived_at", "is", null)
    .orderBy("u.name")
    .execute();
}

export function getUnit(db: Kysely<Database>, ownerId: string, unitId: string) {
  return db
    .selectFrom("organisation")
    .select(["id", "name", "unit_type", "parent_id"])
    .where("id", "=", unitId)
    .where("kind", "=", "enhet")
    .where("parent_id", "=", ownerId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
}

export async function updateUnit(
  db: Kysely<Database>,
  options: { ownerId: string; unitId: string; name: string; unitType: UnitType; actorUserId: string },
) {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("organisation")
      .set({ name: options.name, unit_type: options.unitType })
      .where("id", "=", options.unitId)
      .where("parent_id", "=", options.ownerId)
      .where("kind", "=", "enhet")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return;
    await writeAudit(trx, {
      actorUserId: options.actorUserId,
      tenantId: options.ownerId,
      action: "update",
      entity: "enhet",
      entityId: options.unitId,
      details: { name: options.name, unitType: options.unitType },
    });
  });
}

/** An archived unit disappears from lists and its roles stop giving access; its history stays. */
export async function archiveUnit(
  db: Kysely<Database>,
  options: { ownerId: string; unitId: string; actorUserId: string },
) {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("organisation")
      .set({ archived_at: nowIso() })
      .where("id", "=", options.unitId)
      .where("parent_id", "=", options.ownerId)
      .where("kind", "=", "enhet")
      .where("archived_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return;
    await writeAudit(trx, {
      actorUserId: options.actorUserId,
      tenantId: options.ownerId,
      action: "archive",
      entity: "enhet",
      entityId: options.unitId,
    });
  });
}

/** Finds which owner a unit belongs to, for the policy check that follows. */
export async function findUnitOwner(db: Kysely<Database>, unitId: string): Promise<string | null> {
  const row = await db
    .selectFrom("organisation")
    .select("parent_id")
    .where("id", "=", unitId)
    .where("kind", "=", "enhet")
    .where("archived_at", "is", null)
    .executeTakeFirst();
  return row?.parent_id ?? null;
}

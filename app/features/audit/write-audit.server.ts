import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import { nowIso } from "../../lib/time.ts";

export interface WriteAuditOptions {
  actorUserId: string | null;
  tenantId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

/** Every change to organisations, memberships and roles writes one row here, in the same transaction. */
export async function writeAudit(db: Kysely<Database> | Transaction<Database>, options: WriteAuditOptions) {
  await db
    .insertInto("audit_log")
    .values({
      at: nowIso(),
      actor_user_id: options.actorUserId,
      tenant_id: options.tenantId,
      action: options.action,
      entity: options.entity,
      entity_id: options.entityId ?? null,
      details: options.details ? JSON.stringify(options.details) : null,
    })
    .execute();
}

/**
 * The form fields whose columns a save changed, for the audit log's details: `columns` maps each
 * field to its column, `before` is the stored row and `after` the columns being written.
 */
export function changedFields<F extends string, C extends string>(
  columns: Record<F, C>,
  before: Record<C, unknown>,
  after: Record<C, unknown>,
): F[] {
  return (Object.entries(columns) as [F, C][])
    .filter(([, column]) => String(before[column] ?? "") !== String(after[column] ?? ""))
    .map(([field]) => field);
}

/** The registers whose rows carry a version that a save must match (see saveVersioned). */
type VersionedTable = "plan_measure" | "incident" | "digital_service" | "risk_assessment";

/**
 * Saves a row of an owner's register when nobody saved it since the form was read: the update
 * matches the version the form was read at, so of two saves from the same page the second finds
 * nothing ("conflict"). `columns` are the form's columns, compared with the stored row for the audit
 * log's `changed` fields; `extra` adds columns that follow from the stored row (a done date kept).
 */
export async function saveVersioned<F extends string, C extends string>(
  db: Kysely<Database>,
  options: {
    table: VersionedTable;
    ownerId: string;
    id: string;
    userId: string;
    version: number;
    fields: Record<F, C>;
    columns: Record<C, unknown>;
    extra?: (before: Record<string, unknown>) => Record<string, unknown>;
    action: string;
  },
): Promise<"saved" | "conflict" | "not-found"> {
  // The four tables share these columns; Kysely is given their common shape under one name, and the
  // statement names the real table.
  type Row = { id: string; owner_id: string; version: number; updated_at: string; updated_by: string | null };
  const table = options.table as "versioned";
  return db.transaction().execute(async (trx) => {
    const tx = trx as unknown as Transaction<{ versioned: Row }>;
    const before = (await tx
      .selectFrom(table)
      .selectAll()
      .where("owner_id", "=", options.ownerId)
      .where("id", "=", options.id)
      .executeTakeFirst()) as (Row & Record<C, unknown>) | undefined;
    if (!before) return "not-found";
    const result = await tx
      .updateTable(table)
      .set({
        ...options.columns,
        ...options.extra?.(before),
        version: options.version + 1,
        updated_at: nowIso(),
        updated_by: options.userId,
      })
      .where("owner_id", "=", options.ownerId)
      .where("id", "=", options.id)
      .where("version", "=", options.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return "conflict";
    await writeAudit(trx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: options.action,
      entity: options.table,
      entityId: options.id,
      details: { changed: changedFields(options.fields, before, options.columns) },
    });
    return "saved";
  });
}

/** Who created and changed one row of an owner's register, newest first, with each entry's details read back. */
export async function auditHistory(
  db: Kysely<Database>,
  ownerId: string,
  entity: string,
  id: string,
  limit: number,
) {
  const rows = await db
    .selectFrom("audit_log")
    .leftJoin("user", "user.id", "audit_log.actor_user_id")
    .select(["audit_log.at", "audit_log.action", "audit_log.details", "user.name as who"])
    .where("audit_log.tenant_id", "=", ownerId)
    .where("audit_log.entity", "=", entity)
    .where("audit_log.entity_id", "=", id)
    // Changes only: reads and exports (decision 025) are shown on the log page.
    .where("audit_log.read_key", "is", null)
    .orderBy("audit_log.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => {
    let details: { changed?: unknown; template?: unknown } = {};
    try {
      details = r.details ? JSON.parse(r.details) : {};
    } catch {}
    const changed = Array.isArray(details.changed) ? details.changed.map(String) : [];
    return { at: r.at, action: r.action, who: r.who, changed, details };
  });
}

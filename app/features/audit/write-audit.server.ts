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

import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Actor } from "../policy/policy.server.ts";
import { can } from "../policy/policy.server.ts";

/** Units whose staff list this person may take attendance from: units they lead or their owner's units. */
export async function listHostUnits(db: Kysely<Database>, actor: Actor) {
  const ownerIds = actor.memberships
    .filter((m) => m.kind === "eier" && m.role === "koordinator")
    .map((m) => m.organisationId);
  const ledUnits = actor.memberships
    .filter((m) => m.kind === "enhet" && m.role === "leder")
    .map((m) => m.organisationId);
  if (ownerIds.length === 0 && ledUnits.length === 0) return [];
  const rows = await db
    .selectFrom("organisation")
    .select(["id", "name", "parent_id"])
    .where("kind", "=", "enhet")
    .where("archived_at", "is", null)
    .where((eb) =>
      eb.or([
        ...(ledUnits.length > 0 ? [eb("id", "in", ledUnits)] : []),
        ...(ownerIds.length > 0 ? [eb("parent_id", "in", ownerIds)] : []),
      ]),
    )
    .orderBy("name")
    .execute();
  return rows.filter(
    (u) => u.parent_id && can(actor, "unit:manage", { type: "unit", ownerId: u.parent_id, unitId: u.id }),
  );
}

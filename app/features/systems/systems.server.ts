import type { Kysely } from "kysely";
import type { Database, DigitalServiceTable } from "../../db/schema.ts";
import { parseList } from "../../lib/forms.ts";
import { nowIso } from "../../lib/time.ts";
import { newId } from "../../lib/tokens.server.ts";
import { auditHistory, saveVersioned, writeAudit } from "../audit/write-audit.server.ts";
import type { ServiceValues } from "./schemas.ts";

type Db = Kysely<Database>;
export type ServiceRow = DigitalServiceTable;

/** The owner's services, by name, with who saved each last. */
const services = (db: Db, ownerId: string) =>
  db
    .selectFrom("digital_service as s")
    .leftJoin("user as u", "u.id", "s.updated_by")
    .selectAll("s")
    .select("u.name as updated_by_name")
    .where("s.owner_id", "=", ownerId);

export function listServices(db: Db, ownerId: string) {
  return services(db, ownerId).orderBy("s.name").orderBy("s.id").execute();
}
export type ListedService = Awaited<ReturnType<typeof listServices>>[number];

export function getService(db: Db, ownerId: string, id: string) {
  return services(db, ownerId).where("s.id", "=", id).executeTakeFirst();
}

/** Form field → column, for the audit log's list of what a save changed. */
const COLUMNS = {
  navn: "name",
  leverandor: "supplier",
  formal: "purpose",
  omfang: "all_units",
  enheter: "unit_ids",
  opplysninger: "personal_data",
  databehandler: "processor",
  dba: "dpa_status",
  dbaSignert: "dpa_signed_on",
  dbaGjennomgang: "dpa_review_on",
  overforing: "transfer",
  overforingNotat: "transfer_note",
  rosDato: "ros_on",
  rosNotat: "ros_note",
  dpia: "dpia",
  status: "status",
  begrunnelse: "decision_reason",
} as const;

const columnsOf = (v: ServiceValues) => ({
  name: v.navn,
  supplier: v.leverandor,
  purpose: v.formal,
  all_units: v.omfang === "alle" ? 1 : 0,
  unit_ids: JSON.stringify(v.omfang === "alle" ? [] : [...new Set(v.enheter)].sort()),
  personal_data: v.opplysninger,
  processor: v.databehandler,
  dpa_status: v.dba,
  dpa_signed_on: v.dbaSignert || null,
  dpa_review_on: v.dbaGjennomgang || null,
  transfer: v.overforing,
  transfer_note: v.overforingNotat,
  ros_on: v.rosDato || null,
  ros_note: v.rosNotat,
  dpia: v.dpia,
  status: v.status,
  decision_reason: v.begrunnelse,
});

export async function createService(
  db: Db,
  options: { ownerId: string; userId: string; values: ServiceValues },
) {
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("digital_service")
      .values({
        ...columnsOf(options.values),
        id,
        owner_id: options.ownerId,
        version: 1,
        created_at: now,
        created_by: options.userId,
        updated_at: now,
        updated_by: options.userId,
      })
      .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "systems.create",
      entity: "digital_service",
      entityId: id,
      details: { changed: Object.keys(COLUMNS) },
    });
  });
  return id;
}

/** Saves a service when nobody saved it since the form was read (its version); the audit log names the changed fields. */
export async function saveService(
  db: Db,
  options: { ownerId: string; id: string; userId: string; values: ServiceValues },
): Promise<"saved" | "conflict" | "not-found"> {
  return saveVersioned(db, {
    table: "digital_service",
    ownerId: options.ownerId,
    id: options.id,
    userId: options.userId,
    version: options.values.version,
    fields: COLUMNS,
    columns: columnsOf(options.values),
    action: "systems.update",
  });
}

/** A saved service as form values. */
export function serviceValues(row: ServiceRow): Record<string, string | string[]> {
  return {
    navn: row.name,
    leverandor: row.supplier,
    formal: row.purpose,
    omfang: row.all_units ? "alle" : "valgte",
    enheter: parseList(row.unit_ids),
    opplysninger: row.personal_data,
    databehandler: row.processor,
    dba: row.dpa_status,
    dbaSignert: row.dpa_signed_on ?? "",
    dbaGjennomgang: row.dpa_review_on ?? "",
    overforing: row.transfer,
    overforingNotat: row.transfer_note,
    rosDato: row.ros_on ?? "",
    rosNotat: row.ros_note,
    dpia: row.dpia,
    status: row.status,
    begrunnelse: row.decision_reason,
    version: String(row.version),
  };
}

/** Who uses a service, as text: every unit, or the names of the chosen ones. */
export function usedByText(
  row: Pick<ServiceRow, "all_units" | "unit_ids">,
  units: { id: string; name: string }[],
  allText: string,
) {
  if (row.all_units) return allText;
  return parseList(row.unit_ids)
    .map((id) => units.find((u) => u.id === id)?.name)
    .filter(Boolean)
    .join(", ");
}

/** Who created and changed a service, and which fields, newest first (from the audit log). */
export async function serviceHistory(db: Db, ownerId: string, id: string) {
  return (await auditHistory(db, ownerId, "digital_service", id, 50)).map((r) => ({
    at: r.at,
    created: r.action === "systems.create",
    who: r.who,
    changed: r.changed.filter((f): f is ServiceField => f in COLUMNS),
  }));
}
export type ServiceField = keyof typeof COLUMNS;

/**
 * Removes a service from the owner's register. Risk assessments of it keep their content and lose
 * the link (done here rather than left to the foreign key, so the audit entry can say how many).
 * The audit entry keeps the service's name: the row it named is gone.
 */
export async function deleteService(
  db: Db,
  options: { ownerId: string; id: string; userId: string },
): Promise<"deleted" | "not-found"> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom("digital_service")
      .select(["name", "supplier"])
      .where("owner_id", "=", options.ownerId)
      .where("id", "=", options.id)
      .executeTakeFirst();
    if (!row) return "not-found";
    const unlinked = await tx
      .updateTable("risk_assessment")
      .set({ service_id: null })
      .where("owner_id", "=", options.ownerId)
      .where("service_id", "=", options.id)
      .executeTakeFirst();
    await tx
      .deleteFrom("digital_service")
      .where("owner_id", "=", options.ownerId)
      .where("id", "=", options.id)
      .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "systems.delete",
      entity: "digital_service",
      entityId: options.id,
      details: {
        name: row.name,
        supplier: row.supplier,
        unlinkedAssessments: Number(unlinked.numUpdatedRows),
      },
    });
    return "deleted";
  });
}

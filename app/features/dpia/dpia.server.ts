import type { Kysely, Transaction } from "kysely";
import type { Database, DpiaRiskTable, DpiaTable } from "../../db/schema.ts";
import { parseList } from "../../lib/forms.ts";
import { nowIso } from "../../lib/time.ts";
import { newId } from "../../lib/tokens.server.ts";
import { changedFields, writeAudit } from "../audit/write-audit.server.ts";
import { conclusionOf } from "./criteria.ts";
import type { TRisk, TScreening } from "./schemas.ts";
import type { DpiaSnapshot } from "./snapshot.ts";

export type { DpiaSnapshot };

type Db = Kysely<Database>;
type Tx = Transaction<Database>;

/** The owner's DPIAs with the processing's name, the highest risk left after measures and the last approval. */
export async function listDpias(db: Db, ownerId: string) {
  const [rows, risks] = await Promise.all([
    db
      .selectFrom("dpia as d")
      .leftJoin("processing as p", "p.id", "d.processing_id")
      .select([
        "d.id",
        "d.title",
        "d.status",
        "d.conclusion",
        "d.approved_at",
        "d.processing_id",
        "p.name as processing_name",
      ])
      .where("d.owner_id", "=", ownerId)
      .orderBy("d.updated_at", "desc")
      .execute(),
    db
      .selectFrom("dpia_risk")
      .select(["dpia_id", "likelihood_after", "consequence_after"])
      .where("owner_id", "=", ownerId)
      .execute(),
  ]);
  const highest = new Map<string, { likelihood: number; consequence: number }>();
  for (const r of risks) {
    const seen = highest.get(r.dpia_id);
    if (!seen || r.likelihood_after * r.consequence_after > seen.likelihood * seen.consequence)
      highest.set(r.dpia_id, { likelihood: r.likelihood_after, consequence: r.consequence_after });
  }
  return rows.map((r) => ({ ...r, highest: highest.get(r.id) ?? null }));
}

/** One DPIA of the owner, with the names of the processing and of who advised and approved. */
export function getDpia(db: Db, ownerId: string, id: string) {
  return db
    .selectFrom("dpia as d")
    .leftJoin("processing as p", "p.id", "d.processing_id")
    .leftJoin("digital_service as s", "s.id", "d.service_id")
    .leftJoin("user as a", "a.id", "d.advice_by")
    .leftJoin("user as g", "g.id", "d.approved_by")
    .selectAll("d")
    .select([
      "p.name as processing_name",
      "s.name as service_name",
      "s.supplier as service_supplier",
      "a.name as advice_by_name",
      "g.name as approved_by_name",
    ])
    .where("d.owner_id", "=", ownerId)
    .where("d.id", "=", id)
    .executeTakeFirst();
}
export type DpiaRow = NonNullable<Awaited<ReturnType<typeof getDpia>>>;

/** A DPIA's risks in the order they were added, with the plan measure each measure went into. */
export function listRisks(db: Db | Tx, ownerId: string, dpiaId: string) {
  return db
    .selectFrom("dpia_risk")
    .leftJoin("plan_measure", "plan_measure.id", "dpia_risk.plan_measure_id")
    .selectAll("dpia_risk")
    .select("plan_measure.title as plan_title")
    .where("dpia_risk.owner_id", "=", ownerId)
    .where("dpia_risk.dpia_id", "=", dpiaId)
    .orderBy("dpia_risk.created_at")
    .orderBy("dpia_risk.id")
    .execute();
}

/** The approved versions, newest first, with who approved each. */
export function listVersions(db: Db, ownerId: string, dpiaId: string) {
  return db
    .selectFrom("dpia_version as v")
    .leftJoin("user as u", "u.id", "v.approved_by")
    .select(["v.number", "v.approved_at", "u.name as approved_by_name"])
    .where("v.owner_id", "=", ownerId)
    .where("v.dpia_id", "=", dpiaId)
    .orderBy("v.number", "desc")
    .execute();
}

export async function getVersion(db: Db, ownerId: string, dpiaId: string, number: number) {
  const row = await db
    .selectFrom("dpia_version")
    .selectAll()
    .where("owner_id", "=", ownerId)
    .where("dpia_id", "=", dpiaId)
    .where("number", "=", number)
    .executeTakeFirst();
  return row ? { ...row, snapshot: JSON.parse(row.snapshot) as DpiaSnapshot } : null;
}

/** The processings a DPIA can be about: the owner's own. */
export async function isOwnProcessing(db: Db, ownerId: string, id: string) {
  const found = await db
    .selectFrom("processing")
    .select("id")
    .where("owner_id", "=", ownerId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Boolean(found);
}

export function snapshotOf(d: DpiaRow, risks: DpiaRiskTable[]): DpiaSnapshot {
  return {
    title: d.title,
    processing: d.processing_name,
    service: d.service_name,
    serviceSupplier: d.service_supplier,
    criteria: parseList(d.criteria),
    listItems: parseList(d.list_items),
    conclusion: d.conclusion,
    screeningNote: d.screening_note,
    what: d.what,
    purpose: d.purpose,
    who: d.who,
    dataTypes: d.data_types,
    systems: d.systems,
    retention: d.retention,
    necessity: d.necessity,
    proportionality: d.proportionality,
    measures: d.measures,
    advice: d.advice,
    adviceBy: d.advice_by_name,
    adviceAt: d.advice_at,
    approvedBy: d.approved_by_name,
    approvedAt: d.approved_at,
    risks: risks.map((r) => ({
      id: r.id,
      threat: r.threat,
      likelihood: r.likelihood,
      consequence: r.consequence,
      measure: r.measure,
      likelihoodAfter: r.likelihood_after,
      consequenceAfter: r.consequence_after,
    })),
  };
}

const screeningColumns = (v: TScreening) => ({
  title: v.tittel,
  processing_id: v.behandling || null,
  service_id: v.tjeneste || null,
  criteria: JSON.stringify(v.kriterier),
  list_items: JSON.stringify(v.liste),
  conclusion: conclusionOf(v.kriterier, v.liste),
  screening_note: v.begrunnelse,
});

/** A new DPIA from its screening, saved whatever the conclusion: the screening is the record. */
export async function createDpia(db: Db, options: { ownerId: string; userId: string; values: TScreening }) {
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("dpia")
      .values({
        ...screeningColumns(options.values),
        id,
        owner_id: options.ownerId,
        what: "",
        purpose: "",
        who: "",
        data_types: "",
        systems: "",
        retention: "",
        necessity: "",
        proportionality: "",
        measures: "",
        advice: "",
        advice_by: null,
        advice_at: null,
        status: "utkast",
        approved_by: null,
        approved_at: null,
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
      action: "dpia.create",
      entity: "dpia",
      entityId: id,
      details: { conclusion: conclusionOf(options.values.kriterier, options.values.liste) },
    });
  });
  return id;
}

export type Outcome = "saved" | "conflict" | "not-found";

interface Change {
  ownerId: string;
  id: string;
  userId: string;
  /** The DPIA's version the form was read at. */
  version: number;
}

/**
 * Counts a change to the DPIA when nobody changed it since the form was read: the version goes up,
 * and an approved DPIA goes back to draft (the approved version stays in the history). Returns the
 * DPIA as it was, or why not.
 */
async function claim(tx: Tx, change: Change, columns: Partial<DpiaTable> = {}) {
  const before = await tx
    .selectFrom("dpia")
    .selectAll()
    .where("owner_id", "=", change.ownerId)
    .where("id", "=", change.id)
    .executeTakeFirst();
  if (!before) return "not-found" as const;
  const result = await tx
    .updateTable("dpia")
    .set({
      status: before.status === "godkjent" ? "utkast" : before.status,
      ...columns,
      version: change.version + 1,
      updated_at: nowIso(),
      updated_by: change.userId,
    })
    .where("owner_id", "=", change.ownerId)
    .where("id", "=", change.id)
    .where("version", "=", change.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return "conflict" as const;
  return before;
}

const audit = (tx: Tx, change: Change, action: string, details?: Record<string, unknown>) =>
  writeAudit(tx, {
    actorUserId: change.userId,
    tenantId: change.ownerId,
    action,
    entity: "dpia",
    entityId: change.id,
    details,
  });

/** The form fields of each section and the columns they are kept in. */
export const SECTION_COLUMNS = {
  screening: {
    tittel: "title",
    behandling: "processing_id",
    tjeneste: "service_id",
    kriterier: "criteria",
    liste: "list_items",
    begrunnelse: "screening_note",
  },
  beskrivelse: {
    hva: "what",
    hvorfor: "purpose",
    hvem: "who",
    opplysninger: "data_types",
    systemer: "systems",
    lagring: "retention",
  },
  nodvendighet: { nodvendighet: "necessity", forholdsmessighet: "proportionality" },
  tiltak: { tiltak: "measures" },
  rad: { rad: "advice" },
} as const;
export type Section = keyof typeof SECTION_COLUMNS;

/** The columns a section's checked values are kept in. */
export function sectionColumns(section: Section, v: Record<string, unknown>): Partial<DpiaTable> {
  if (section === "screening") return screeningColumns(v as TScreening);
  const map = SECTION_COLUMNS[section] as Record<string, keyof DpiaTable>;
  return Object.fromEntries(Object.entries(map).map(([field, column]) => [column, String(v[field] ?? "")]));
}

/** Saves one section of the DPIA; the DPO's advice also records who wrote it and when. */
export async function saveSection(
  db: Db,
  change: Change & { section: Section; values: Record<string, unknown> },
): Promise<Outcome> {
  const columns = sectionColumns(change.section, change.values);
  if (change.section === "rad") Object.assign(columns, { advice_by: change.userId, advice_at: nowIso() });
  return db.transaction().execute(async (tx) => {
    const before = await claim(tx, change, columns);
    if (typeof before === "string") return before;
    const changed = changedFields(
      SECTION_COLUMNS[change.section] as Record<string, keyof DpiaTable>,
      before as unknown as Record<keyof DpiaTable, unknown>,
      columns as Record<keyof DpiaTable, unknown>,
    );
    await audit(tx, change, change.section === "rad" ? "dpia.advice" : "dpia.update", {
      section: change.section,
      changed,
    });
    return "saved";
  });
}

const riskColumns = (v: TRisk) => ({
  threat: v.trussel,
  likelihood: v.sannsynlighet,
  consequence: v.konsekvens,
  measure: v.tiltak,
  likelihood_after: v["sannsynlighet-etter"],
  consequence_after: v["konsekvens-etter"],
});

/** Adds a risk, changes one (riskId) or removes one (values null). */
export async function saveRisk(
  db: Db,
  change: Change & { riskId: string | null; values: TRisk | null },
): Promise<Outcome> {
  return db.transaction().execute(async (tx) => {
    if (change.riskId) {
      const risk = await tx
        .selectFrom("dpia_risk")
        .select("id")
        .where("owner_id", "=", change.ownerId)
        .where("dpia_id", "=", change.id)
        .where("id", "=", change.riskId)
        .executeTakeFirst();
      if (!risk) return "not-found";
    }
    const before = await claim(tx, change);
    if (typeof before === "string") return before;
    if (!change.riskId && change.values) {
      const id = newId();
      await tx
        .insertInto("dpia_risk")
        .values({
          ...riskColumns(change.values),
          id,
          owner_id: change.ownerId,
          dpia_id: change.id,
          plan_measure_id: null,
          created_at: nowIso(),
        })
        .execute();
      await audit(tx, change, "dpia.risk.add", { risk: id });
    } else if (change.riskId && change.values) {
      await tx
        .updateTable("dpia_risk")
        .set(riskColumns(change.values))
        .where("owner_id", "=", change.ownerId)
        .where("id", "=", change.riskId)
        .execute();
      await audit(tx, change, "dpia.risk.update", { risk: change.riskId });
    } else if (change.riskId) {
      await tx
        .deleteFrom("dpia_risk")
        .where("owner_id", "=", change.ownerId)
        .where("id", "=", change.riskId)
        .execute();
      await audit(tx, change, "dpia.risk.remove", { risk: change.riskId });
    }
    return "saved";
  });
}

/** The koordinator sends the draft to the personvernombud for advice. */
export async function askForAdvice(db: Db, change: Change): Promise<Outcome> {
  return db.transaction().execute(async (tx) => {
    const before = await claim(tx, change, { status: "til-radgivning" });
    if (typeof before === "string") return before;
    await audit(tx, change, "dpia.askAdvice");
    return "saved";
  });
}

/**
 * The koordinator approves the DPIA on the owner's behalf, once the DPO has given advice. The
 * DPIA and its risks as approved are kept as the next version.
 */
export async function approveDpia(db: Db, change: Change): Promise<Outcome | "no-advice"> {
  return db.transaction().execute(async (tx) => {
    const now = nowIso();
    const current = await tx
      .selectFrom("dpia")
      .select(["advice"])
      .where("owner_id", "=", change.ownerId)
      .where("id", "=", change.id)
      .executeTakeFirst();
    if (!current) return "not-found";
    if (current.advice.trim() === "") return "no-advice";
    const before = await claim(tx, change, {
      status: "godkjent",
      approved_by: change.userId,
      approved_at: now,
    });
    if (typeof before === "string") return before;
    const last = await tx
      .selectFrom("dpia_version")
      .select((e) => e.fn.max("number").as("top"))
      .where("owner_id", "=", change.ownerId)
      .where("dpia_id", "=", change.id)
      .executeTakeFirst();
    const number = Number(last?.top ?? 0) + 1;
    const row = await getDpia(tx, change.ownerId, change.id);
    if (!row) return "not-found";
    const snapshot = snapshotOf(row, await listRisks(tx, change.ownerId, change.id));
    await tx
      .insertInto("dpia_version")
      .values({
        id: newId(),
        owner_id: change.ownerId,
        dpia_id: change.id,
        number,
        snapshot: JSON.stringify(snapshot),
        approved_by: change.userId,
        approved_at: now,
      })
      .execute();
    await audit(tx, change, "dpia.approve", { number });
    return "saved";
  });
}

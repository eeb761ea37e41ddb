import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, ProcessingTable } from "../../db/schema.ts";
import type { Locale } from "../../i18n/locales.ts";
import { nowIso } from "../../lib/time.ts";
import { auditHistory, writeAudit } from "../audit/write-audit.server.ts";
import { catalogueLocale, classifyText, getCatalogueEntry } from "../classifier/catalogue.server.ts";
import type { SaerligKategori } from "../classifier/catalogue.ts";
import type { ProcessingValues } from "./schemas.ts";
import type { ProcessingTemplate } from "./template-schema.ts";

type Db = Kysely<Database>;
export type ProcessingRow = ProcessingTable;

/** Fields compared for the change history, in the order of the form. */
export const HISTORY_FIELDS = [
  "name",
  "unit_id",
  "purpose",
  "legal_basis",
  "art9_condition",
  "national_basis",
  "data_subjects",
  "data_types",
  "other_data_types",
  "recipients",
  "third_country",
  "retention",
  "systems",
  "security",
  "status",
  "review_date",
] as const;

/** Every processing of one owner, by name. */
export async function listProcessings(db: Db, ownerId: string) {
  return db
    .selectFrom("processing")
    .leftJoin("organisation as unit", "unit.id", "processing.unit_id")
    .select([
      "processing.id",
      "processing.name",
      "processing.status",
      "processing.review_date",
      "processing.data_types",
      "processing.other_data_types",
      "processing.art9_condition",
      "processing.updated_at",
      "unit.name as unit_name",
    ])
    .where("processing.owner_id", "=", ownerId)
    .orderBy("processing.name")
    .execute();
}

/** Every field, for the exports. */
export async function listProcessingsFull(db: Db, ownerId: string) {
  return db
    .selectFrom("processing")
    .leftJoin("organisation as unit", "unit.id", "processing.unit_id")
    .selectAll("processing")
    .select("unit.name as unit_name")
    .where("processing.owner_id", "=", ownerId)
    .orderBy("processing.name")
    .execute();
}

/** One processing, only when it belongs to the owner (else null, which the page turns into 404). */
export async function getProcessing(db: Db, ownerId: string, id: string) {
  return (
    (await db
      .selectFrom("processing")
      .selectAll()
      .where("owner_id", "=", ownerId)
      .where("id", "=", id)
      .executeTakeFirst()) ?? null
  );
}

export interface SpecialFinding {
  /** The catalogue name, or the line the user wrote. */
  label: string;
  kinds: SaerligKategori[];
  /** Special, extra care, or uncertain (in doubt: treat as special). */
  kategori: "saerlig" | "ekstra_varsomhet" | "usikker";
  reason: string;
}

/**
 * Which of the chosen data types are special categories, need extra care or are uncertain: the
 * catalogue entries say so themselves, the free-text lines go through the classifier.
 */
export function findSpecialData(dataTypes: string[], otherLines: string[], locale: Locale): SpecialFinding[] {
  const lang = catalogueLocale(locale);
  const findings: SpecialFinding[] = [];
  for (const id of dataTypes) {
    const entry = getCatalogueEntry(id);
    if (!entry) continue;
    if (entry.kategori === "saerlig" || entry.kategori === "ekstra_varsomhet")
      findings.push({
        label: entry.navn[lang],
        kinds: entry.saerligeKategorier,
        kategori: entry.kategori,
        reason: entry.forklaring[lang],
      });
  }
  for (const line of otherLines) {
    const answer = classifyText(line, locale);
    if (answer.kategori === "saerlig" || answer.kategori === "ekstra_varsomhet" || answer.usikker)
      findings.push({
        label: line,
        kinds: answer.saerligeKategorier,
        kategori: answer.kategori === "saerlig" ? "saerlig" : answer.usikker ? "usikker" : "ekstra_varsomhet",
        reason: answer.begrunnelse[0] ?? "",
      });
  }
  return findings;
}

export const otherLinesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function columnsOf(values: ProcessingValues) {
  return {
    name: values.navn,
    unit_id: values.enhet || null,
    purpose: values.formal,
    legal_basis: values.rettsgrunnlag,
    art9_condition: values.art9 || null,
    national_basis: values.nasjonaltGrunnlag,
    data_subjects: JSON.stringify(values.registrerte),
    data_types: JSON.stringify(values.opplysninger),
    other_data_types: values.andreOpplysninger,
    recipients: values.mottakere,
    third_country: values.tredjeland === "ja" ? values.tredjelandDetaljer : "",
    retention: values.lagring,
    systems: values.systemer,
    security: values.sikkerhet,
    status: values.status,
    review_date: values.gjennomgang || null,
  };
}

export async function createProcessing(
  db: Db,
  ownerId: string,
  userId: string,
  columns: Omit<
    ProcessingRow,
    "id" | "owner_id" | "version" | "created_at" | "updated_at" | "updated_by" | "draft" | "draft_at"
  >,
  how: { templateId?: string | null },
) {
  const id = randomUUID();
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("processing")
      .values({
        ...columns,
        id,
        owner_id: ownerId,
        template_id: how.templateId ?? null,
        version: 1,
        created_at: now,
        updated_at: now,
        updated_by: userId,
        draft: null,
        draft_at: null,
      })
      .execute();
    await writeAudit(tx, {
      actorUserId: userId,
      tenantId: ownerId,
      action: "processing.create",
      entity: "processing",
      entityId: id,
      details: how.templateId ? { template: how.templateId } : {},
    });
  });
  return id;
}

export function createFromValues(db: Db, ownerId: string, userId: string, values: ProcessingValues) {
  return createProcessing(db, ownerId, userId, { ...columnsOf(values), template_id: null }, {});
}

/** A new draft from a template, in the user's language; the owner adapts it. */
export function createFromTemplate(
  db: Db,
  ownerId: string,
  userId: string,
  template: ProcessingTemplate,
  locale: Locale,
) {
  const lang = catalogueLocale(locale);
  return createProcessing(
    db,
    ownerId,
    userId,
    {
      template_id: template.id,
      unit_id: null,
      name: template.navn[lang],
      purpose: template.formal[lang],
      legal_basis: template.rettsgrunnlag,
      art9_condition: template.art9,
      national_basis: template.nasjonaltGrunnlag[lang],
      data_subjects: JSON.stringify(template.registrerte),
      data_types: JSON.stringify(template.opplysninger.filter((id) => getCatalogueEntry(id))),
      other_data_types: "",
      recipients: template.mottakere[lang],
      third_country: template.tredjeland ? "–" : "",
      retention: template.lagring[lang],
      systems: template.systemer[lang],
      security: template.sikkerhet[lang],
      status: "utkast",
      review_date: null,
    },
    { templateId: template.id },
  );
}

export type UpdateResult = { ok: true } | { ok: false; reason: "conflict" | "not-found" };

/**
 * Saves a valid form. `version` is the one the user started from: when someone else saved in
 * between, nothing is overwritten and the user is told.
 */
export async function updateProcessing(
  db: Db,
  ownerId: string,
  id: string,
  userId: string,
  values: ProcessingValues,
  version: number,
): Promise<UpdateResult> {
  return db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom("processing")
      .selectAll()
      .where("owner_id", "=", ownerId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!before) return { ok: false, reason: "not-found" } as const;
    if (before.version !== version) return { ok: false, reason: "conflict" } as const;
    const columns = columnsOf(values);
    const changed = HISTORY_FIELDS.filter((f) => String(before[f] ?? "") !== String(columns[f] ?? ""));
    await tx
      .updateTable("processing")
      .set({
        ...columns,
        version: version + 1,
        updated_at: nowIso(),
        updated_by: userId,
        draft: null,
        draft_at: null,
      })
      .where("owner_id", "=", ownerId)
      .where("id", "=", id)
      .execute();
    if (changed.length > 0)
      await writeAudit(tx, {
        actorUserId: userId,
        tenantId: ownerId,
        action: "processing.update",
        entity: "processing",
        entityId: id,
        details: { changed },
      });
    return { ok: true } as const;
  });
}

/** Keeps what the user typed, valid or not, so that nothing is lost; cleared by the next real save. */
export async function saveDraft(
  db: Db,
  ownerId: string,
  id: string,
  values: Record<string, string | string[]>,
) {
  const result = await db
    .updateTable("processing")
    .set({ draft: JSON.stringify(values), draft_at: nowIso() })
    .where("owner_id", "=", ownerId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteProcessing(db: Db, ownerId: string, id: string, userId: string) {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .deleteFrom("processing")
      .where("owner_id", "=", ownerId)
      .where("id", "=", id)
      .returning("name")
      .executeTakeFirst();
    if (!row) return false;
    await writeAudit(tx, {
      actorUserId: userId,
      tenantId: ownerId,
      action: "processing.delete",
      entity: "processing",
      entityId: id,
      details: { name: row.name },
    });
    return true;
  });
}

/** Who changed what, and when: from the audit log, newest first. */
export async function processingHistory(db: Db, ownerId: string, id: string) {
  return (await auditHistory(db, ownerId, "processing", id, 100)).map((r) => ({
    at: r.at,
    action: r.action,
    who: r.who ?? "–",
    changed: r.changed,
    template: typeof r.details.template === "string" ? r.details.template : null,
  }));
}

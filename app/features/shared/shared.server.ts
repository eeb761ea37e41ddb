import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { nowIso } from "../../lib/time.ts";
import { newId } from "../../lib/tokens.server.ts";
import { writeAudit } from "../audit/write-audit.server.ts";
import { type Actor, can } from "../policy/policy.server.ts";
import { getAssessment, listRisks } from "../ros/ros.server.ts";

type Db = Kysely<Database>;

/**
 * One risk as a published snapshot carries it. Shared: what could happen, why, what already stops
 * it, the four values and the measure, because that is the work other owners want to reuse.
 * Left out: the link to the owner's action plan (an internal plan, and its responsible people) and
 * the risk's dates.
 */
const ZSharedRisk = z.object({
  threat: z.string(),
  cause: z.string(),
  existing: z.string(),
  likelihood: z.number().int().min(1).max(5),
  consequence: z.number().int().min(1).max(5),
  measure: z.string(),
  likelihood_after: z.number().int().min(1).max(5).nullable(),
  consequence_after: z.number().int().min(1).max(5).nullable(),
});
export type SharedRisk = z.infer<typeof ZSharedRisk>;

/** A stored snapshot's risks; a row that does not read as such (never expected) shows none. */
export function sharedRisks(json: string): SharedRisk[] {
  try {
    const parsed = z.array(ZSharedRisk).safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/**
 * What publishing shares of an assessment, field by field (the publish page says the same):
 * - shared: the title, what was assessed (scope), the date it was assessed, the name and supplier
 *   of the service it is about, and every risk (see ZSharedRisk);
 * - never shared: who took part (names of people), the entry in the owner's record of processing
 *   (internal, and its name can point at individuals), the review date (the owner's own schedule),
 *   the service's own register fields (units, agreement, notes), and who wrote or changed anything.
 * `undefined` when the assessment is not the owner's.
 */
export async function snapshotOf(db: Db, ownerId: string, assessmentId: string) {
  const assessment = await getAssessment(db, ownerId, assessmentId);
  if (!assessment) return undefined;
  const [risks, service] = await Promise.all([
    listRisks(db, ownerId, assessmentId),
    assessment.service_id
      ? db
          .selectFrom("digital_service")
          .select(["name", "supplier"])
          .where("owner_id", "=", ownerId)
          .where("id", "=", assessment.service_id)
          .executeTakeFirst()
      : undefined,
  ]);
  return {
    assessment,
    snapshot: {
      title: assessment.title,
      scope: assessment.scope,
      service_name: service?.name ?? null,
      service_supplier: service?.supplier || null,
      assessed_on: assessment.assessed_on,
      risks: risks.map(
        (r): SharedRisk => ({
          threat: r.threat,
          cause: r.cause,
          existing: r.existing,
          likelihood: r.likelihood,
          consequence: r.consequence,
          measure: r.measure,
          likelihood_after: r.likelihood_after,
          consequence_after: r.consequence_after,
        }),
      ),
    },
  };
}
export type Snapshot = NonNullable<Awaited<ReturnType<typeof snapshotOf>>>["snapshot"];

/** The networks an owner is a member of, by name. */
export function networksOfOwner(db: Db, ownerId: string) {
  return db
    .selectFrom("network_member as nm")
    .innerJoin("organisation as n", "n.id", "nm.network_id")
    .select(["n.id", "n.name"])
    .where("nm.owner_id", "=", ownerId)
    .where("n.archived_at", "is", null)
    .orderBy("n.name")
    .execute();
}

/** Networks by id, by name (for network staff, who reach them through their roles). */
export function networksById(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("organisation")
    .select(["id", "name"])
    .where("id", "in", ids)
    .where("kind", "=", "nettverk")
    .where("archived_at", "is", null)
    .orderBy("name")
    .execute();
}

export async function isNetworkMember(db: Db, networkId: string, ownerId: string | null) {
  if (!ownerId) return false;
  const row = await db
    .selectFrom("network_member")
    .select("owner_id")
    .where("network_id", "=", networkId)
    .where("owner_id", "=", ownerId)
    .executeTakeFirst();
  return Boolean(row);
}

/** The policy's resource for a network's shared assessments, seen from the owner the person works in now. */
export async function sharedResource(db: Db, networkId: string, ownerId: string | null) {
  return {
    type: "sharedAssessments",
    networkId,
    ownerId,
    ownerInNetwork: await isNetworkMember(db, networkId, ownerId),
  } as const;
}

/** Where one of the owner's assessments is published now, newest first. */
export function publicationsOf(db: Db, ownerId: string, assessmentId: string) {
  return db
    .selectFrom("shared_assessment as s")
    .innerJoin("organisation as n", "n.id", "s.network_id")
    .select(["s.id", "s.network_id", "n.name as network_name", "s.published_at"])
    .where("s.owner_id", "=", ownerId)
    .where("s.source_id", "=", assessmentId)
    .where("s.withdrawn_at", "is", null)
    .orderBy("s.published_at", "desc")
    .execute();
}

/**
 * Publishes a snapshot of the owner's assessment to a network. A snapshot already there from the same
 * assessment is retired in the same transaction, so the network sees one, the newest.
 */
export async function publish(
  db: Db,
  options: { ownerId: string; networkId: string; snapshot: Snapshot; sourceId: string; userId: string },
) {
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    const replaced = await tx
      .updateTable("shared_assessment")
      .set({ withdrawn_at: now })
      .where("owner_id", "=", options.ownerId)
      .where("network_id", "=", options.networkId)
      .where("source_id", "=", options.sourceId)
      .where("withdrawn_at", "is", null)
      .executeTakeFirst();
    const { risks, ...frame } = options.snapshot;
    await tx
      .insertInto("shared_assessment")
      .values({
        ...frame,
        id,
        network_id: options.networkId,
        owner_id: options.ownerId,
        source_id: options.sourceId,
        risks: JSON.stringify(risks),
        published_at: now,
        published_by: options.userId,
        withdrawn_at: null,
      })
      .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "shared.publish",
      entity: "risk_assessment",
      entityId: options.sourceId,
      details: { networkId: options.networkId, sharedId: id, replaced: Number(replaced.numUpdatedRows) > 0 },
    });
  });
  return id;
}

/** Withdraws one of the owner's live publications; copies other owners adopted stay theirs. */
export function withdraw(
  db: Db,
  options: { ownerId: string; id: string; userId: string },
): Promise<"withdrawn" | "not-found"> {
  return db.transaction().execute((tx) => withdrawIn(tx, options));
}

/** withdraw inside a transaction the caller holds (leaving a network withdraws what it shared there). */
export async function withdrawIn(
  tx: Db,
  options: { ownerId: string; id: string; userId: string },
): Promise<"withdrawn" | "not-found"> {
  const row = await tx
    .selectFrom("shared_assessment")
    .select(["source_id", "network_id"])
    .where("owner_id", "=", options.ownerId)
    .where("id", "=", options.id)
    .where("withdrawn_at", "is", null)
    .executeTakeFirst();
  if (!row) return "not-found";
  await tx
    .updateTable("shared_assessment")
    .set({ withdrawn_at: nowIso() })
    .where("owner_id", "=", options.ownerId)
    .where("id", "=", options.id)
    .execute();
  await writeAudit(tx, {
    actorUserId: options.userId,
    tenantId: options.ownerId,
    action: "shared.withdraw",
    entity: "risk_assessment",
    entityId: row.source_id,
    details: { networkId: row.network_id, sharedId: options.id },
  });
  return "withdrawn";
}

/**
 * Live shared assessments with their publisher's and network's names. An owner that has left the
 * network no longer shares with it (the join with its membership).
 */
const liveShared = (db: Db) =>
  db
    .selectFrom("shared_assessment as s")
    .innerJoin("organisation as o", "o.id", "s.owner_id")
    .innerJoin("organisation as n", "n.id", "s.network_id")
    .innerJoin("network_member as nm", (j) =>
      j.onRef("nm.network_id", "=", "s.network_id").onRef("nm.owner_id", "=", "s.owner_id"),
    )
    .where("s.withdrawn_at", "is", null);

/** The live shared assessments of the given networks, newest first, with who published them. */
export async function listShared(db: Db, networkIds: string[]) {
  if (networkIds.length === 0) return [];
  const rows = await liveShared(db)
    .select([
      "s.id",
      "s.owner_id",
      "s.network_id",
      "s.title",
      "s.service_name",
      "s.published_at",
      "s.risks",
      "o.name as owner_name",
      "n.name as network_name",
    ])
    .where("s.network_id", "in", networkIds)
    .orderBy("s.published_at", "desc")
    .execute();
  return rows.map(({ risks, ...r }) => ({ ...r, riskCount: sharedRisks(risks).length }));
}

/** One live shared assessment with its publisher's and network's names; the caller asks the policy. */
export async function getShared(db: Db, id: string) {
  const row = await liveShared(db)
    .select([
      "s.id",
      "s.owner_id",
      "s.network_id",
      "s.title",
      "s.scope",
      "s.service_name",
      "s.service_supplier",
      "s.assessed_on",
      "s.published_at",
      "s.risks",
      "o.name as owner_name",
      "n.name as network_name",
    ])
    .where("s.id", "=", id)
    .executeTakeFirst();
  return row ? { ...row, risks: sharedRisks(row.risks) } : undefined;
}
export type SharedAssessment = NonNullable<Awaited<ReturnType<typeof getShared>>>;

/**
 * What became of the snapshot a copy was adopted from: still shared, replaced by a newer snapshot of
 * the same assessment in the same network (its id and date), or withdrawn. `null` when the snapshot
 * row is gone (its publisher was deleted). The copy itself is never changed by any of this.
 */
async function snapshotNow(db: Db, sharedId: string) {
  const old = await db
    .selectFrom("shared_assessment")
    .select(["id", "owner_id", "source_id", "network_id", "published_at", "withdrawn_at"])
    .where("id", "=", sharedId)
    .executeTakeFirst();
  if (!old) return null;
  const networkId = old.network_id;
  // The assessment it was taken from may be gone (source_id null): then only this snapshot counts.
  const newest = await liveShared(db)
    .select(["s.id", "s.published_at"])
    .where((e) =>
      old.source_id
        ? e.and([
            e("s.owner_id", "=", old.owner_id),
            e("s.source_id", "=", old.source_id),
            e("s.network_id", "=", networkId),
          ])
        : e("s.id", "=", old.id),
    )
    .orderBy("s.published_at", "desc")
    .executeTakeFirst();
  if (newest?.id === old.id) return { state: "live" as const, networkId };
  if (newest && newest.published_at > old.published_at)
    return { state: "newer" as const, networkId, id: newest.id, at: newest.published_at };
  return { state: "withdrawn" as const, networkId };
}

/**
 * For the page of a copy: whether its original has since been replaced by a newer snapshot (with a
 * link for someone who may read the network's shared assessments) or withdrawn; null while it is
 * still shared as it was.
 */
export async function originalOfCopy(db: Db, actor: Actor, ownerId: string, sharedId: string) {
  const now = await snapshotNow(db, sharedId);
  if (!now || now.state === "live") return null;
  if (now.state === "withdrawn") return { state: now.state, at: null, href: null };
  const readable = can(actor, "shared:read", await sharedResource(db, now.networkId, ownerId));
  return { state: now.state, at: now.at, href: readable ? `/ros/delte/${now.id}` : null };
}

/**
 * Adopts a shared assessment: a new draft ROS of the adopting owner with the frame and the risks
 * copied, and a note of what it is based on. Nothing ties the copy to the original afterwards but
 * that note, so either can change without the other. Participants, dates and the service are the
 * adopting owner's to fill in.
 */
export async function adopt(db: Db, options: { ownerId: string; userId: string; shared: SharedAssessment }) {
  const { shared } = options;
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("risk_assessment")
      .values({
        id,
        owner_id: options.ownerId,
        title: shared.title,
        scope: shared.scope,
        processing_id: null,
        service_id: null,
        participants: "",
        assessed_on: null,
        review_on: null,
        status: "utkast",
        version: 1,
        created_at: now,
        updated_at: now,
        updated_by: options.userId,
        based_on_id: shared.id,
        based_on_title: shared.title,
        based_on_owner: shared.owner_name,
      })
      .execute();
    if (shared.risks.length > 0)
      await tx
        .insertInto("ros_risk")
        .values(
          shared.risks.map((r, i) => ({
            ...r,
            id: newId(),
            owner_id: options.ownerId,
            assessment_id: id,
            plan_measure_id: null,
            // Distinct times keep the shared order (risks are listed by creation).
            created_at: new Date(Date.parse(now) + i).toISOString(),
            updated_at: now,
          })),
        )
        .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "ros.adopt",
      entity: "risk_assessment",
      entityId: id,
      details: { sharedId: shared.id, fromOwner: shared.owner_id },
    });
  });
  return id;
}

/** The owner's own copies of a shared assessment, so the page can say it was adopted already. */
export function copiesOf(db: Db, ownerId: string, sharedId: string) {
  return db
    .selectFrom("risk_assessment")
    .select(["id", "title"])
    .where("owner_id", "=", ownerId)
    .where("based_on_id", "=", sharedId)
    .orderBy("created_at")
    .execute();
}

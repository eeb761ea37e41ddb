import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { nowIso } from "../../lib/time.ts";
import { newId } from "../../lib/tokens.server.ts";
import { areaSpread, MIN_OWNERS_FOR_COMPARISON } from "../assessment/results.server.ts";
import { writeAudit } from "../audit/write-audit.server.ts";
import type { Actor } from "../policy/policy.server.ts";

type Db = Kysely<Database>;

/** Gathering 0 is the guides' own; 1–4 follow the work cycle (the template's themes are messages). */
export const GATHERINGS = [0, 1, 2, 3, 4] as const;

/** A new programme of a network, with its five gatherings and the owners taking part. */
export async function createProgramme(
  db: Db,
  options: {
    networkId: string;
    name: string;
    startsOn: string | null;
    endsOn: string | null;
    ownerIds: string[];
    userId: string;
  },
) {
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("programme")
      .values({
        id,
        network_id: options.networkId,
        name: options.name,
        starts_on: options.startsOn,
        ends_on: options.endsOn,
        created_at: now,
        created_by: options.userId,
      })
      .execute();
    await tx
      .insertInto("programme_gathering")
      .values(GATHERINGS.map((number) => ({ programme_id: id, number, held_on: null, place: "" })))
      .execute();
    if (options.ownerIds.length > 0)
      await tx
        .insertInto("programme_owner")
        .values(options.ownerIds.map((owner_id) => ({ programme_id: id, owner_id, joined_at: now })))
        .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.networkId,
      action: "programme.create",
      entity: "programme",
      entityId: id,
      details: { owners: options.ownerIds.length },
    });
  });
  return id;
}

/**
 * The programmes this person takes part in or runs: those of the networks where they are a
 * programansvarlig or a guide, and those their owners take part in (as koordinator or
 * personvernombud).
 */
export async function listProgrammesFor(db: Db, actor: Actor) {
  const networks = actor.memberships
    .filter((m) => m.kind === "nettverk" && (m.role === "programansvarlig" || m.role === "veileder"))
    .map((m) => m.organisationId);
  const owners = actor.memberships
    .filter((m) => m.kind === "eier" && (m.role === "koordinator" || m.role === "personvernombud"))
    .map((m) => m.organisationId);
  if (networks.length === 0 && owners.length === 0) return [];
  return db
    .selectFrom("programme as p")
    .innerJoin("organisation as n", "n.id", "p.network_id")
    .select(["p.id", "p.name", "p.starts_on", "p.ends_on", "n.name as network_name", "p.network_id"])
    .where((e) =>
      e.or([
        ...(networks.length > 0 ? [e("p.network_id", "in", networks)] : []),
        ...(owners.length > 0
          ? [
              e(
                "p.id",
                "in",
                e.selectFrom("programme_owner").select("programme_id").where("owner_id", "in", owners),
              ),
            ]
          : []),
      ]),
    )
    .orderBy("p.starts_on", "desc")
    .orderBy("p.name")
    .execute();
}

/** A programme with its network's name, the owners taking part and the gatherings. */
export async function getProgramme(db: Db, id: string) {
  const programme = await db
    .selectFrom("programme as p")
    .innerJoin("organisation as n", "n.id", "p.network_id")
    .selectAll("p")
    .select("n.name as network_name")
    .where("p.id", "=", id)
    .executeTakeFirst();
  if (!programme) return null;
  const [owners, gatherings] = await Promise.all([
    db
      .selectFrom("programme_owner as po")
      .innerJoin("organisation as o", "o.id", "po.owner_id")
      .select(["o.id", "o.name"])
      .where("po.programme_id", "=", id)
      .orderBy("o.name")
      .execute(),
    db
      .selectFrom("programme_gathering")
      .select(["number", "held_on", "place", "agenda"])
      .where("programme_id", "=", id)
      .orderBy("number")
      .execute(),
  ]);
  return { ...programme, owners, gatherings };
}

/** When and where a gathering is held. */
export async function scheduleGathering(
  db: Db,
  options: {
    programmeId: string;
    number: number;
    heldOn: string | null;
    place: string;
    userId: string;
    networkId: string;
  },
) {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable("programme_gathering")
      .set({ held_on: options.heldOn, place: options.place })
      .where("programme_id", "=", options.programmeId)
      .where("number", "=", options.number)
      .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.networkId,
      action: "programme.schedule",
      entity: "programme",
      entityId: options.programmeId,
      details: { gathering: options.number },
    });
  });
}

/** A gathering's agenda as the programansvarlig wrote it (one point per line); null goes back to the template's. */
export async function saveAgenda(
  db: Db,
  options: {
    programmeId: string;
    networkId: string;
    number: number;
    agenda: string[] | null;
    userId: string;
  },
) {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable("programme_gathering")
      .set({ agenda: options.agenda ? options.agenda.join("\n") : null })
      .where("programme_id", "=", options.programmeId)
      .where("number", "=", options.number)
      .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.networkId,
      action: "programme.agenda",
      entity: "programme",
      entityId: options.programmeId,
      details: { gathering: options.number, points: options.agenda?.length ?? 0 },
    });
  });
}

export interface CohortFigures {
  owners: number;
  /** Per area: the median (and quartiles) of the owners' latest closed rounds, and how many owners. */
  areas: ReturnType<typeof areaSpread>;
  /** Owners with a closed round (shown as a count: no single owner's figure). */
  assessed: number;
  plan: { owners: number; measures: number; done: number } | null;
  training: { staff: number; learned: number } | null;
}

/**
 * The programme's figures for the network, over the owners taking part, each aggregated over at
 * least MIN_OWNERS_FOR_COMPARISON owners (else left out), so that no single owner can be read from
 * them: the assessment by area, the action plans and the staff's courses.
 */
export async function cohortFigures(db: Db, ownerIds: string[]): Promise<CohortFigures> {
  const empty = { owners: ownerIds.length, areas: new Map(), assessed: 0, plan: null, training: null };
  if (ownerIds.length === 0) return empty;
  const [scores, plans, staff] = await Promise.all([
    db
      .selectFrom("assessment_area_score")
      .select(["owner_id", "area_id", "score"])
      .where("owner_id", "in", ownerIds)
      .orderBy("owner_id")
      .orderBy("area_id")
      .orderBy("closed_at", "desc")
      .execute(),
    db
      .selectFrom("plan_measure")
      .select(["owner_id", "status", (e) => e.fn.countAll<number>().as("n")])
      .where("owner_id", "in", ownerIds)
      .where("decision", "=", "valgt")
      .groupBy(["owner_id", "status"])
      .execute(),
    db
      .selectFrom("membership as m")
      .innerJoin("organisation as u", "u.id", "m.organisation_id")
      .select((e) => [
        e.fn.count<number>("m.user_id").distinct().as("staff"),
        e.fn
          .count<number>(
            e
              .case()
              .when(
                e.exists(
                  e
                    .selectFrom("module_completion as c")
                    .select("c.user_id")
                    .whereRef("c.user_id", "=", "m.user_id"),
                ),
              )
              .then(e.ref("m.user_id"))
              .end(),
          )
          .distinct()
          .as("learned"),
        e.fn.count<number>("u.parent_id").distinct().as("owners"),
      ])
      .where("u.parent_id", "in", ownerIds)
      .where("u.kind", "=", "enhet")
      .executeTakeFirst(),
  ]);
  const areas = areaSpread(scores);
  const planOwners = new Set(plans.map((p) => p.owner_id));
  const count = (rows: typeof plans) => rows.reduce((sum, r) => sum + Number(r.n), 0);
  return {
    owners: ownerIds.length,
    areas,
    // Owners with a closed round: every such owner has scores.
    assessed: new Set(scores.map((r) => r.owner_id)).size,
    plan:
      planOwners.size >= MIN_OWNERS_FOR_COMPARISON
        ? {
            owners: planOwners.size,
            measures: count(plans),
            done: count(plans.filter((p) => p.status === "ferdig")),
          }
        : null,
    training:
      staff && Number(staff.owners) >= MIN_OWNERS_FOR_COMPARISON
        ? { staff: Number(staff.staff), learned: Number(staff.learned) }
        : null,
  };
}

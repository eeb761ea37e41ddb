import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { dayInNorway } from "../../lib/time.ts";
import { assignmentsForUser } from "../learning/assignments.server.ts";
import { type Actor, can } from "../policy/policy.server.ts";

type Db = Kysely<Database>;

/** Where the owner's work cycle stands, counted for the signed-in overview (each figure one small query). */
export interface WorkOverview {
  /** Modules assigned to this person and not completed yet. */
  courses: { id: string; pkg: string; mod: number; due: string; overdue: boolean }[];
  /** Open rounds this person answers a part of (a unit leader: rounds that include their unit). */
  openRounds: { id: string; title: string; deadline: string | null }[];
  /** The latest closed round, for the evaluation step. */
  lastClosed: { id: string; title: string; closedOn: string } | null;
  /** The action plan (for those who read it). */
  plan: { proposals: number; open: number; done: number; overdue: number; mine: number } | null;
  /** The registers' loose ends (for those who keep them). */
  registers: { withoutAgreement: number; awaitingAdvice: number; awaitingApproval: number } | null;
}

/**
 * The work overview of one person in one owner: what waits for them (courses, rounds to answer,
 * measures they are responsible for) and, for those who follow the owner's work, one line per step
 * of the cycle. Reads run side by side (on PostgreSQL each is a round trip).
 */
export async function workOverview(
  db: Db,
  actor: Actor,
  ownerId: string | null,
  today: string,
): Promise<WorkOverview> {
  const owner = ownerId ? { type: "owner" as const, ownerId } : null;
  const readsRounds = owner !== null && can(actor, "assessment:read", owner);
  const readsPlan = owner !== null && can(actor, "plan:read", owner);
  const keepsRegisters = owner !== null && can(actor, "register:manage", owner);
  const [assigned, rounds, plan, registers] = await Promise.all([
    assignmentsForUser(db, actor.userId),
    readsRounds && ownerId ? roundsOf(db, actor, ownerId) : null,
    readsPlan && ownerId ? planCounts(db, ownerId, actor.userId, today) : null,
    keepsRegisters && ownerId ? registerCounts(db, ownerId) : null,
  ]);
  return {
    courses: assigned
      .filter((a) => !a.completed_at)
      .map((a) => ({
        id: a.id,
        pkg: a.package,
        mod: a.module,
        due: a.due_date,
        overdue: a.due_date < today,
      })),
    openRounds: rounds?.open ?? [],
    lastClosed: rounds?.lastClosed ?? null,
    plan,
    registers,
  };
}

async function roundsOf(db: Db, actor: Actor, ownerId: string) {
  const rows = await db
    .selectFrom("assessment_round")
    .select(["id", "title", "deadline", "status", "closed_at"])
    .where("owner_id", "=", ownerId)
    .orderBy("created_at", "desc")
    .limit(20)
    .execute();
  let open = rows.filter((r) => r.status === "open");
  // Someone who answers for the owner sees every open round; a unit leader those with their unit.
  if (open.length > 0 && !can(actor, "assessment:answer", { type: "owner", ownerId })) {
    const units = actor.memberships
      .filter((m) => m.kind === "enhet" && m.ownerId === ownerId && m.role === "leder")
      .map((m) => m.organisationId);
    const withUnit =
      units.length === 0
        ? []
        : await db
            .selectFrom("assessment_round_unit")
            .select("round_id")
            .where(
              "round_id",
              "in",
              open.map((r) => r.id),
            )
            .where("unit_id", "in", units)
            .execute();
    const ids = new Set(withUnit.map((r) => r.round_id));
    open = open.filter((r) => ids.has(r.id));
  }
  const closed = rows.find((r) => r.status === "closed" && r.closed_at);
  return {
    open: open.map((r) => ({ id: r.id, title: r.title, deadline: r.deadline })),
    lastClosed: closed
      ? { id: closed.id, title: closed.title, closedOn: dayInNorway(String(closed.closed_at)) }
      : null,
  };
}

async function planCounts(db: Db, ownerId: string, userId: string, today: string) {
  const rows = await db
    .selectFrom("plan_measure")
    .select([
      "decision",
      "status",
      (e) => e.fn.countAll<number>().as("n"),
      sql<number>`sum(case when due_on < ${today} then 1 else 0 end)`.as("overdue"),
      sql<number>`sum(case when responsible_id = ${userId} then 1 else 0 end)`.as("mine"),
    ])
    .where("owner_id", "=", ownerId)
    .where("decision", "in", ["forslag", "valgt"])
    .groupBy(["decision", "status"])
    .execute();
  const counts = { proposals: 0, open: 0, done: 0, overdue: 0, mine: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    if (r.decision === "forslag") counts.proposals += n;
    else if (r.status === "ferdig") counts.done += n;
    else {
      counts.open += n;
      counts.overdue += Number(r.overdue ?? 0);
      counts.mine += Number(r.mine ?? 0);
    }
  }
  return counts;
}

async function registerCounts(db: Db, ownerId: string) {
  const [services, dpias] = await Promise.all([
    db
      .selectFrom("digital_service")
      .select((e) => e.fn.countAll<number>().as("n"))
      .where("owner_id", "=", ownerId)
      .where("status", "=", "i-bruk")
      .where("processor", "=", "ja")
      .where("dpa_status", "<>", "signert")
      .executeTakeFirst(),
    db
      .selectFrom("dpia")
      .select([
        sql<number>`sum(case when advice_at is null then 1 else 0 end)`.as("advice"),
        sql<number>`sum(case when advice_at is not null then 1 else 0 end)`.as("approval"),
      ])
      .where("owner_id", "=", ownerId)
      .where("status", "=", "til-radgivning")
      .executeTakeFirst(),
  ]);
  return {
    withoutAgreement: Number(services?.n ?? 0),
    awaitingAdvice: Number(dpias?.advice ?? 0),
    awaitingApproval: Number(dpias?.approval ?? 0),
  };
}

import { type Kysely, sql, type Transaction } from "kysely";
import type { Database, PlanDecision, PlanMeasureTable } from "../../db/schema.ts";
import { localeOr } from "../../i18n/locales.ts";
import { DAY, dayInNorway, formatDate, nowIso } from "../../lib/time.ts";
import { newId } from "../../lib/tokens.server.ts";
import type { Bank } from "../assessment/bank-schema.ts";
import { roundResults } from "../assessment/results.server.ts";
import { listRounds } from "../assessment/rounds.server.ts";
import { saveVersioned, writeAudit } from "../audit/write-audit.server.ts";
import type { Mailer } from "../email/mailer.server.ts";
import { buildEmail } from "../email/templates.server.ts";
import { measureWordsIn, questionOfMeasure } from "./measure-question.server.ts";
import { byPriority, gapOf, PROPOSE_AT_OR_BELOW } from "./priority.ts";
import { proposalText } from "./proposal-text.ts";
import type { Decision, MeasureValues } from "./schemas.ts";

type Db = Kysely<Database>;
export type MeasureRow = PlanMeasureTable;

const nextRank = async (db: Db, ownerId: string) => {
  const row = await db
    .selectFrom("plan_measure")
    .select((e) => e.fn.max("rank").as("top"))
    .where("owner_id", "=", ownerId)
    .executeTakeFirst();
  return Number(row?.top ?? 0) + 1;
};

/**
 * Turns a closed round's gaps into proposals: one per question answered at level 3 or lower by
 * any part, with the question's first suggested measure as its title and the others as its
 * description, in the language of the person who asks. The gap is that of the part furthest from
 * good. A question that already has a proposal from this round is left as it is, so asking twice
 * adds nothing. New proposals are ranked after the existing ones, the most worth doing first.
 */
export async function proposeFromRound(
  db: Db,
  options: { ownerId: string; roundId: string; bank: Bank; language: "nb" | "nn"; userId: string },
): Promise<number> {
  const results = await roundResults(db, options.ownerId, options.roundId, options.bank);
  const byQuestion = new Map<
    string,
    { row: (typeof results.rows)[number]; level: number; scopes: string[] }
  >();
  for (const row of results.rows) {
    const level = row.answer.level;
    if (row.answer.notRelevant || level === null || level > PROPOSE_AT_OR_BELOW) continue;
    const seen = byQuestion.get(row.question.id);
    if (seen) {
      seen.level = Math.min(seen.level, level);
      seen.scopes.push(row.scope.scope);
    } else byQuestion.set(row.question.id, { row, level, scopes: [row.scope.scope] });
  }
  return db.transaction().execute(async (tx) => {
    const existing = new Set(
      (
        await tx
          .selectFrom("plan_measure")
          .select("question_id")
          .where("owner_id", "=", options.ownerId)
          .where("round_id", "=", options.roundId)
          .execute()
      ).map((r) => r.question_id),
    );
    const now = nowIso();
    const fresh = [...byQuestion.values()]
      .filter((p) => !existing.has(p.row.question.id))
      .map(({ row, level, scopes }) => {
        const [first] = row.question.tiltak;
        return {
          weight: row.question.vekt,
          gap: gapOf(level),
          consequence: 2,
          effort: first?.innsats ?? "middels",
          id: newId(),
          owner_id: options.ownerId,
          round_id: options.roundId,
          question_id: row.question.id,
          scopes: JSON.stringify(scopes),
          ...proposalText(row.question, options.language),
          decision: "forslag" as const,
          reason: "",
          rank: 0,
          responsible_id: null,
          due_on: null,
          status: "ikke-startet" as const,
          progress_note: "",
          processing_id: null,
          service_id: null,
          dpia_id: null,
          done_on: null,
          effect: "",
          reminded_for: null,
          version: 1,
          created_at: now,
          updated_at: now,
          updated_by: options.userId,
        };
      })
      .sort(byPriority);
    if (fresh.length === 0) return 0;
    const first = await nextRank(tx, options.ownerId);
    await tx
      .insertInto("plan_measure")
      .values(fresh.map((m, i) => ({ ...m, rank: first + i })))
      .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "plan.propose",
      entity: "assessment_round",
      entityId: options.roundId,
      details: { proposals: fresh.length },
    });
    return fresh.length;
  });
}

/** The owner's measures with the given decisions, in the team's order, with who is responsible. */
export function listMeasures(db: Db, ownerId: string, decisions: PlanDecision[]) {
  return measures(db, ownerId).where("m.decision", "in", decisions).orderBy("m.rank").execute();
}

/** The owner's measures with the names of the person responsible and of the register entry. */
const measures = (db: Db, ownerId: string) =>
  db
    .selectFrom("plan_measure as m")
    .leftJoin("user as u", "u.id", "m.responsible_id")
    .leftJoin("processing as p", "p.id", "m.processing_id")
    .leftJoin("digital_service as s", "s.id", "m.service_id")
    .leftJoin("dpia as d", "d.id", "m.dpia_id")
    .selectAll("m")
    .select([
      "u.name as responsible_name",
      "p.name as processing_name",
      "s.name as service_name",
      "d.title as dpia_title",
    ])
    .where("m.owner_id", "=", ownerId);

/**
 * The measures in the plan that name one service of the systems register or one DPIA, for that
 * entry's page: what is not done first, then by due date.
 */
export function measuresAbout(db: Db, ownerId: string, about: { service: string } | { dpia: string }) {
  const [column, id] =
    "service" in about ? (["service_id", about.service] as const) : (["dpia_id", about.dpia] as const);
  return db
    .selectFrom("plan_measure")
    .select(["id", "title", "status", "due_on"])
    .where("owner_id", "=", ownerId)
    .where(column, "=", id)
    .where("decision", "=", "valgt")
    .orderBy((eb) => eb.case().when("status", "=", "ferdig").then(1).else(0).end())
    .orderBy("due_on")
    .orderBy("rank")
    .execute();
}
export type MeasureAbout = Awaited<ReturnType<typeof measuresAbout>>[number];

export type ListedMeasure = Awaited<ReturnType<typeof listMeasures>>[number];

/**
 * The plan as people read it: what is not done first, the earliest due date first (those without
 * a date after), then the team's order.
 */
export function planOrder(rows: ListedMeasure[]) {
  return rows
    .slice()
    .sort(
      (a, b) =>
        Number(a.status === "ferdig") - Number(b.status === "ferdig") ||
        Number(a.due_on === null) - Number(b.due_on === null) ||
        (a.due_on ?? "").localeCompare(b.due_on ?? "") ||
        a.rank - b.rank,
    );
}

export function getMeasure(db: Db, ownerId: string, id: string) {
  return measures(db, ownerId).where("m.id", "=", id).executeTakeFirst();
}

/** The team's decision on one measure: into the plan, left out, or back to the proposals. */
export async function decide(
  db: Db,
  options: { ownerId: string; id: string; userId: string; values: Decision },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const result = await tx
      .updateTable("plan_measure")
      .set({
        decision: options.values.beslutning,
        consequence: options.values.konsekvens,
        reason: options.values.begrunnelse,
        version: sql`version + 1`,
        updated_at: nowIso(),
        updated_by: options.userId,
      })
      .where("owner_id", "=", options.ownerId)
      .where("id", "=", options.id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "plan.decide",
      entity: "plan_measure",
      entityId: options.id,
      details: { decision: options.values.beslutning },
    });
    return true;
  });
}

/** Moves a measure one place up or down among those with the same decision (swaps two ranks). */
export async function move(db: Db, options: { ownerId: string; id: string; up: boolean }) {
  await db.transaction().execute(async (tx) => {
    const me = await tx
      .selectFrom("plan_measure")
      .select(["id", "rank", "decision"])
      .where("owner_id", "=", options.ownerId)
      .where("id", "=", options.id)
      .executeTakeFirst();
    if (!me) return;
    const neighbour = await tx
      .selectFrom("plan_measure")
      .select(["id", "rank"])
      .where("owner_id", "=", options.ownerId)
      .where("decision", "=", me.decision)
      .where("rank", options.up ? "<" : ">", me.rank)
      .orderBy("rank", options.up ? "desc" : "asc")
      .executeTakeFirst();
    if (!neighbour) return;
    await tx.updateTable("plan_measure").set({ rank: neighbour.rank }).where("id", "=", me.id).execute();
    await tx.updateTable("plan_measure").set({ rank: me.rank }).where("id", "=", neighbour.id).execute();
  });
}

/** Puts the undecided proposals back in the order of their priority, in the places they held. */
export async function rankByPriority(db: Db, ownerId: string) {
  await db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom("plan_measure")
      .select(["id", "rank", "weight", "gap", "consequence", "effort", "question_id"])
      .where("owner_id", "=", ownerId)
      .where("decision", "=", "forslag")
      .orderBy("rank")
      .execute();
    const places = rows.map((r) => r.rank);
    const ordered = rows.slice().sort(byPriority);
    for (const [i, row] of ordered.entries())
      if (row.rank !== places[i])
        await tx
          .updateTable("plan_measure")
          .set({ rank: places[i] as number })
          .where("id", "=", row.id)
          .execute();
  });
}

/** The people a measure can be given to: the owner's koordinatorer and personvernombud, and its unit leaders. */
export function responsibleCandidates(db: Db, ownerId: string) {
  return db
    .selectFrom("membership as m")
    .innerJoin("organisation as o", "o.id", "m.organisation_id")
    .innerJoin("user as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.email"])
    .distinct()
    .where((e) =>
      e.or([
        e.and([e("o.id", "=", ownerId), e("m.role", "in", ["koordinator", "personvernombud"])]),
        e.and([e("o.parent_id", "=", ownerId), e("m.role", "=", "leder"), e("o.archived_at", "is", null)]),
      ]),
    )
    .orderBy("u.name")
    .execute();
}

const COLUMNS = {
  tittel: "title",
  beskrivelse: "description",
  ansvarlig: "responsible_id",
  frist: "due_on",
  status: "status",
  innsats: "effort",
  konsekvens: "consequence",
  fremdrift: "progress_note",
  behandling: "processing_id",
  system: "service_id",
  dpia: "dpia_id",
  effekt: "effect",
} as const;

const columnsOf = (v: MeasureValues) => ({
  title: v.tittel,
  description: v.beskrivelse,
  responsible_id: v.ansvarlig || null,
  due_on: v.frist || null,
  status: v.status,
  effort: v.innsats,
  consequence: v.konsekvens,
  progress_note: v.fremdrift,
  processing_id: v.behandling || null,
  service_id: v.system || null,
  dpia_id: v.dpia || null,
  effect: v.effekt,
});

/**
 * Checks that the person and the register entry a measure points to belong to the owner; the
 * form offers only those, but a posted form can name anything. Returns the fields that are wrong.
 */
export async function foreignReferences(db: Db, ownerId: string, v: MeasureValues) {
  const wrong: Record<string, string> = {};
  if (v.ansvarlig && !(await responsibleCandidates(db, ownerId)).some((p) => p.id === v.ansvarlig))
    wrong.ansvarlig = "plan.unknownPerson";
  const owns = async (table: "processing" | "digital_service" | "dpia", id: string) =>
    (await db
      .selectFrom(table)
      .select("id")
      .where("owner_id", "=", ownerId)
      .where("id", "=", id)
      .executeTakeFirst()) !== undefined;
  if (v.behandling && !(await owns("processing", v.behandling))) wrong.behandling = "plan.unknownProcessing";
  if (v.system && !(await owns("digital_service", v.system))) wrong.system = "plan.unknownService";
  if (v.dpia && !(await owns("dpia", v.dpia))) wrong.dpia = "plan.unknownDpia";
  return wrong;
}

/** A measure the koordinator types in: straight into the plan, last in the team's order. */
export async function createMeasure(
  db: Db,
  options: {
    ownerId: string;
    userId: string;
    values: MeasureValues;
    /** Ties the new measure to where it came from (a ROS risk), in the same transaction. */
    link?: (tx: Transaction<Database>, measureId: string) => Promise<void>;
  },
) {
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("plan_measure")
      .values({
        ...columnsOf(options.values),
        id,
        owner_id: options.ownerId,
        round_id: null,
        question_id: null,
        scopes: "[]",
        weight: 2,
        gap: 2,
        decision: "valgt",
        reason: options.values.begrunnelse,
        rank: await nextRank(tx, options.ownerId),
        done_on: options.values.status === "ferdig" ? dayInNorway() : null,
        reminded_for: null,
        version: 1,
        created_at: now,
        updated_at: now,
        updated_by: options.userId,
      })
      .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "plan.create",
      entity: "plan_measure",
      entityId: id,
    });
    await options.link?.(tx, id);
  });
  return id;
}

/**
 * Saves a measure when nobody saved it in between (the version the form was read at). Marking it
 * done stamps today's date; reopening clears it. The change is in the audit log by field.
 */
export async function saveMeasure(
  db: Db,
  options: { ownerId: string; id: string; userId: string; values: MeasureValues },
): Promise<"saved" | "conflict" | "not-found"> {
  const columns = columnsOf(options.values);
  return saveVersioned(db, {
    table: "plan_measure",
    ownerId: options.ownerId,
    id: options.id,
    userId: options.userId,
    version: options.values.version,
    fields: COLUMNS,
    columns,
    extra: (before) => ({
      reason: options.values.begrunnelse,
      done_on: columns.status === "ferdig" ? (before.done_on ?? dayInNorway()) : null,
    }),
    action: "plan.update",
  });
}

/** A measure as form values. */
export function measureValues(row: MeasureRow): Record<string, string> {
  return {
    tittel: row.title,
    beskrivelse: row.description,
    ansvarlig: row.responsible_id ?? "",
    frist: row.due_on ?? "",
    status: row.status,
    innsats: row.effort,
    konsekvens: String(row.consequence),
    fremdrift: row.progress_note,
    behandling: row.processing_id ?? "",
    system: row.service_id ?? "",
    dpia: row.dpia_id ?? "",
    begrunnelse: row.reason,
    effekt: row.effect,
    version: String(row.version),
  };
}

/** How many days before its due date the responsible person is reminded of a measure. */
export const REMIND_DAYS_BEFORE = 7;

/**
 * Reminds the responsible person (or, when nobody is, the owner's koordinatorer) of measures in the
 * plan that are not done and fall due within a week, each with the measure's title in their own
 * language while it is the question bank's words. Each is claimed by setting `reminded_for` to
 * its due date where it holds another, so with several instances only one sends it, and a measure
 * given a new date is reminded again. Returns how many were reminded.
 */
export async function sendMeasureReminders(
  db: Db,
  mailer: Mailer,
  options: { publicUrl: string; now?: number },
) {
  const now = options.now ?? Date.now();
  const today = dayInNorway(now);
  const soon = dayInNorway(now + REMIND_DAYS_BEFORE * DAY);
  const due = await db
    .selectFrom("plan_measure as m")
    .innerJoin("organisation as owner", "owner.id", "m.owner_id")
    .select([
      "m.id",
      "m.owner_id",
      "m.title",
      "m.description",
      "m.round_id",
      "m.question_id",
      "m.due_on",
      "m.responsible_id",
      "owner.name as owner_name",
    ])
    .where("m.decision", "=", "valgt")
    .where("m.status", "<>", "ferdig")
    .where("m.due_on", ">=", today)
    .where("m.due_on", "<=", soon)
    .where((e) => e.or([e("m.reminded_for", "is", null), e("m.reminded_for", "<>", e.ref("m.due_on"))]))
    .execute();
  // Which question a measure came from, by its owner's rounds: read once per owner.
  const questionsOf = new Map<string, ReturnType<typeof questionOfMeasure>>();
  let reminded = 0;
  for (const measure of due) {
    const claimed = await db
      .updateTable("plan_measure")
      .set({ reminded_for: measure.due_on })
      .where("id", "=", measure.id)
      .where((e) => e.or([e("reminded_for", "is", null), e("reminded_for", "<>", measure.due_on as string)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    const people = await db
      .selectFrom("user")
      .innerJoin("membership", "membership.user_id", "user.id")
      .select(["user.email", "user.name", "user.locale"])
      .distinct()
      .where((e) =>
        measure.responsible_id
          ? e("user.id", "=", measure.responsible_id)
          : e.and([
              e("membership.organisation_id", "=", measure.owner_id),
              e("membership.role", "=", "koordinator"),
            ]),
      )
      .execute();
    let questions = questionsOf.get(measure.owner_id);
    if (!questions) {
      questions = questionOfMeasure(await listRounds(db, measure.owner_id));
      questionsOf.set(measure.owner_id, questions);
    }
    for (const person of people) {
      const locale = localeOr(person.locale);
      await mailer.send(
        buildEmail("planReminder", locale, {
          to: person.email,
          url: `${options.publicUrl}/handlingsplan/${measure.id}`,
          name: person.name,
          organisation: measure.owner_name,
          title: measureWordsIn(questions, locale)(measure).title,
          moment: formatDate(measure.due_on as string, locale),
        }),
      );
    }
    reminded++;
  }
  return reminded;
}

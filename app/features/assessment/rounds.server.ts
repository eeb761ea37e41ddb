import { randomUUID } from "node:crypto";
import { type Kysely, type SqlBool, sql } from "kysely";
import { LRUCache } from "lru-cache";
import { inList, listValue } from "../../db/in-list.ts";
import { prepared } from "../../db/prepared.ts";
import type { Database } from "../../db/schema.ts";
import { hotRowWrites } from "../../db/write-batch.ts";
import { nowIso } from "../../lib/time.ts";
import { writeAudit } from "../audit/write-audit.server.ts";
import type { Bank, Question } from "./bank-schema.ts";
import { type Effective, questionsFor, type ScopeKind, unitAudience } from "./scoring.ts";

export { type Effective, score } from "./scoring.ts";

type Db = Kysely<Database>;

/** "eier" for the owner-level questions, else the id of a unit in the round. */
export const OWNER_SCOPE = "eier";

export interface Scope {
  scope: string;
  name: string;
  kind: ScopeKind;
  unitId: string | null;
}

/** An answer as stored; `level` null means not answered yet, or not relevant when notRelevant is set. */
export interface AnswerValue {
  level: number | null;
  notRelevant: boolean;
  reason: string;
  comment: string;
  evidenceUrl: string;
}

/** How an answer's level is stored: "not relevant" keeps its reason and no level, else the level. */
function storedLevel(value: Pick<AnswerValue, "level" | "notRelevant" | "reason">) {
  return value.notRelevant
    ? { level: null, notRelevant: 1, reason: value.reason }
    : { level: value.level, notRelevant: 0, reason: "" };
}

export function listRounds(db: Db, ownerId: string) {
  return db
    .selectFrom("assessment_round")
    .select(["id", "title", "bank_version", "deadline", "status", "created_at", "closed_at"])
    .where("owner_id", "=", ownerId)
    .orderBy("created_at", "desc")
    .execute();
}

export interface CreateRoundInput {
  ownerId: string;
  title: string;
  deadline: string | null;
  unitIds: string[];
  bankVersion: string;
  actorUserId: string;
}

/**
 * Starts a round. The units must be the owner's own (others are ignored), and their leaders are
 * invited to answer their unit's part; the person who starts it answers the owner part.
 * Returns the round id and the people invited, for the invitation emails.
 */
export async function createRound(db: Db, input: CreateRoundInput) {
  const id = randomUUID();
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const units =
      input.unitIds.length === 0
        ? []
        : await trx
            .selectFrom("organisation")
            .select(["id", "name"])
            .where("id", "in", input.unitIds)
            .where("parent_id", "=", input.ownerId)
            .where("kind", "=", "enhet")
            .where("archived_at", "is", null)
            .execute();
    await trx
      .insertInto("assessment_round")
      .values({
        id,
        owner_id: input.ownerId,
        title: input.title,
        bank_version: input.bankVersion,
        deadline: input.deadline,
        status: "open",
        created_by: input.actorUserId,
        created_at: now,
        closed_at: null,
      })
      .execute();
    if (units.length > 0)
      await trx
        .insertInto("assessment_round_unit")
        .values(units.map((u) => ({ round_id: id, unit_id: u.id })))
        .execute();
    const leaders =
      units.length === 0
        ? []
        : await trx
            .selectFrom("membership as m")
            .innerJoin("user as u", "u.id", "m.user_id")
            .innerJoin("organisation as o", "o.id", "m.organisation_id")
            .select([
              "m.user_id",
              "m.organisation_id",
              "u.email",
              "u.name",
              "u.locale",
              "o.name as unit_name",
            ])
            .where(
              "m.organisation_id",
              "in",
              units.map((u) => u.id),
            )
            .where("m.role", "=", "leder")
            .execute();
    const respondents = [
      { round_id: id, user_id: input.actorUserId, scope: OWNER_SCOPE, invited_at: now },
      ...leaders.map((l) => ({
        round_id: id,
        user_id: l.user_id,
        scope: l.organisation_id,
        invited_at: now,
      })),
    ];
    await trx.insertInto("assessment_respondent").values(respondents).execute();
    await writeAudit(trx, {
      actorUserId: input.actorUserId,
      tenantId: input.ownerId,
      action: "assessment.create",
      entity: "assessment_round",
      entityId: id,
      details: { units: units.map((u) => u.id), version: input.bankVersion },
    });
    return { id, invited: leaders };
  });
}

const roundWithUnitsQuery = prepared(["roundId", "ownerId", "only"], (db, v) =>
  db
    .selectFrom("assessment_round as r")
    .innerJoin("organisation as eier", (j) =>
      j.onRef("eier.id", "=", "r.owner_id").on("eier.kind", "=", "eier").on("eier.archived_at", "is", null),
    )
    // Every unit of the round when `only` is "", else the one asked for ("eier" matches none).
    .leftJoin("assessment_round_unit as ru", (j) =>
      j.onRef("ru.round_id", "=", "r.id").on(sql<SqlBool>`(${v.only} = '' or ru.unit_id = ${v.only})`),
    )
    .leftJoin("organisation as o", (j) =>
      j.onRef("o.id", "=", "ru.unit_id").onRef("o.parent_id", "=", "r.owner_id"),
    )
    .selectAll("r")
    .select(["eier.name as owner_name", "o.id as unit_id", "o.name as unit_name", "o.unit_type"])
    .where("r.id", "=", v.roundId)
    .where("r.owner_id", "=", v.ownerId)
    .orderBy("o.name"),
);

/**
 * A round of this owner, with the owner and the round's parts (the owner part and the round's
 * units, in the order they are shown), in one query; null when the round is not the owner's or
 * the owner is archived. `only` ("eier" or a unit id) leaves out the other parts.
 */
export async function findRoundWithScopes(db: Db, ownerId: string, roundId: string, only?: string) {
  const rows = await roundWithUnitsQuery(db, { roundId, ownerId, only: only ?? "" });
  const [first] = rows;
  if (!first) return null;
  const { unit_id: _, unit_name: __, unit_type: ___, owner_name, ...round } = first;
  const units = rows.flatMap((u) =>
    u.unit_id && u.unit_name
      ? [
          {
            scope: u.unit_id,
            name: u.unit_name,
            kind: unitAudience(u.unit_type ?? "annen") as ScopeKind,
            unitId: u.unit_id,
          },
        ]
      : [],
  );
  const scopes: Scope[] = [
    ...(only === undefined || only === OWNER_SCOPE
      ? [{ scope: OWNER_SCOPE, name: owner_name, kind: "eier" as const, unitId: null }]
      : []),
    ...units,
  ];
  return { round, owner: { id: ownerId, name: owner_name }, scopes };
}

/** The owner part and the round's units, in the order they are shown. */
export async function roundScopes(db: Db, ownerId: string, roundId: string): Promise<Scope[]> {
  return (await findRoundWithScopes(db, ownerId, roundId))?.scopes ?? [];
}

const roundPartQuery = prepared(["roundId", "ownerId", "scope"], (db, v) =>
  db
    .selectFrom("assessment_round as r")
    .leftJoin("assessment_round_unit as ru", (j) =>
      j.onRef("ru.round_id", "=", "r.id").on("ru.unit_id", "=", v.scope),
    )
    .leftJoin("organisation as o", (j) =>
      j.onRef("o.id", "=", "ru.unit_id").onRef("o.parent_id", "=", "r.owner_id"),
    )
    .select(["r.id", "r.status", "r.bank_version", "o.id as unit_id", "o.unit_type"])
    .where("r.id", "=", v.roundId)
    .where("r.owner_id", "=", v.ownerId),
);

/**
 * A round of this owner and one of its parts, in one query (for saving an answer): the round's
 * status and bank version, and the kind of the part; kind is null when the part is not in the round.
 */
async function findRoundPart(db: Db, ownerId: string, roundId: string, scope: string) {
  const [row] = await roundPartQuery(db, { roundId, ownerId, scope });
  if (!row) return null;
  const kind: ScopeKind | null =
    scope === OWNER_SCOPE ? "eier" : row.unit_id ? unitAudience(row.unit_type ?? "annen") : null;
  return { round: { id: row.id, status: row.status, bank_version: row.bank_version }, kind };
}

type RoundPart = NonNullable<Awaited<ReturnType<typeof findRoundPart>>>;
const recentParts = new WeakMap<Db, LRUCache<string, RoundPart>>();

/**
 * The same as findRoundPart, remembered for ten seconds: each change a person makes saves, so the
 * same part is asked for again and again. What it remembers does not change while a round is open
 * (its owner, bank version and parts), and a closed round stays closed. Whether the round is
 * still open is checked again by the write itself (saveAnswer).
 */
export async function findRoundPartRecent(db: Db, ownerId: string, roundId: string, scope: string) {
  let cache = recentParts.get(db);
  if (!cache) {
    cache = new LRUCache<string, RoundPart>({ max: 10_000, ttl: 10_000 });
    recentParts.set(db, cache);
  }
  const key = `${ownerId}\u0000${roundId}\u0000${scope}`;
  const known = cache.get(key);
  if (known) return known;
  const found = await findRoundPart(db, ownerId, roundId, scope);
  if (found?.kind) cache.set(key, found);
  return found;
}

const areasCache = new WeakMap<
  Bank,
  Map<ScopeKind, { area: Bank["areas"][number]; questions: Question[] }[]>
>();

/**
 * The areas of the bank that have questions for this kind of scope, with those questions (a bank
 * never changes, so this is kept per bank).
 */
export function areasFor(bank: Bank, kind: ScopeKind) {
  let perKind = areasCache.get(bank);
  if (!perKind) {
    perKind = new Map();
    areasCache.set(bank, perKind);
  }
  let areas = perKind.get(kind);
  if (!areas) {
    areas = bank.areas
      .map((area) => ({ area, questions: questionsFor(area, kind) }))
      .filter((a) => a.questions.length > 0);
    perKind.set(kind, areas);
  }
  return areas;
}

/** Every answer in a round (or in one part of it), with who gave it. */
export function listAnswers(db: Db, roundId: string, scope?: string) {
  return db
    .selectFrom("assessment_answer as a")
    .innerJoin("user as u", "u.id", "a.user_id")
    .select([
      "a.scope",
      "a.question_id",
      "a.user_id",
      "u.name as user_name",
      "a.level",
      "a.not_relevant",
      "a.reason",
      "a.comment",
      "a.evidence_url",
      "a.updated_at",
    ])
    .where("a.round_id", "=", roundId)
    .$if(scope !== undefined, (q) => q.where("a.scope", "=", scope as string))
    .orderBy("a.updated_at")
    .execute();
}

export function listFinals(db: Db, roundId: string, scope?: string) {
  return db
    .selectFrom("assessment_final")
    .selectAll()
    .where("round_id", "=", roundId)
    .$if(scope !== undefined, (q) => q.where("scope", "=", scope as string))
    .execute();
}

/** The columns of an answer, in the order the upserts below write them (seed:national too). */
export const ANSWER_COLUMNS = [
  "round_id",
  "scope",
  "question_id",
  "user_id",
  "level",
  "not_relevant",
  "reason",
  "comment",
  "evidence_url",
  "updated_at",
] as const;

/** The values of an answer's upsert, in the order of ANSWER_COLUMNS. */
const ANSWER_FIELDS = [
  "roundId",
  "scope",
  "questionId",
  "userId",
  "level",
  "notRelevant",
  "reason",
  "comment",
  "evidenceUrl",
  "at",
] as const;

/**
 * Insert or update one person's answer, only while the round is open: the check and the write are
 * one statement, so an answer can never land in a round closed a moment before.
 */
const upsertAnswer = prepared(ANSWER_FIELDS, (db, v) =>
  db
    .insertInto("assessment_answer")
    .columns(ANSWER_COLUMNS)
    .expression(
      db
        .selectNoFrom((eb) => [
          eb.cast<string>(eb.val(v.roundId), "text").as("round_id"),
          eb.cast<string>(eb.val(v.scope), "text").as("scope"),
          eb.cast<string>(eb.val(v.questionId), "text").as("question_id"),
          eb.cast<string>(eb.val(v.userId), "text").as("user_id"),
          eb.cast<number | null>(eb.val(v.level), "integer").as("level"),
          eb.cast<number>(eb.val(v.notRelevant), "integer").as("not_relevant"),
          eb.cast<string>(eb.val(v.reason), "text").as("reason"),
          eb.cast<string>(eb.val(v.comment), "text").as("comment"),
          eb.cast<string>(eb.val(v.evidenceUrl), "text").as("evidence_url"),
          eb.cast<string>(eb.val(v.at), "text").as("updated_at"),
        ])
        .where(({ exists, selectFrom, lit }) =>
          exists(
            selectFrom("assessment_round")
              .select(lit(1).as("one"))
              .where("id", "=", v.roundId)
              .where("status", "=", "open"),
          ),
        ),
    )
    .onConflict((oc) =>
      oc.columns(["round_id", "scope", "question_id", "user_id"]).doUpdateSet((eb) => ({
        level: eb.ref("excluded.level"),
        not_relevant: eb.ref("excluded.not_relevant"),
        reason: eb.ref("excluded.reason"),
        comment: eb.ref("excluded.comment"),
        evidence_url: eb.ref("excluded.evidence_url"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    ),
);

type AnswerWrite = Parameters<typeof upsertAnswer.compile>[1];

const writeKey = (w: { roundId: unknown; scope: unknown; questionId: unknown; userId: unknown }) =>
  `${w.roundId}\u0000${w.scope}\u0000${w.questionId}\u0000${w.userId}`;

/**
 * Saves answers as they arrive (write-batch.ts): on SQLite in the next group commit, on PostgreSQL
 * the answers of one turn of the event loop in one statement, checked against an open round in
 * the same way, which returns the answers it wrote. The statement writes in the order of the
 * rounds, so two statements at once lock rounds (migration 035's revision) in the same order.
 */
const writeAnswer = hotRowWrites<
  AnswerWrite,
  { round_id: string; scope: string; question_id: string; user_id: string }
>({
  one: (db, write) => upsertAnswer.compile(db, write),
  many: {
    sql: `insert into assessment_answer (${ANSWER_COLUMNS.join(", ")})
select v.* from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::integer[], $6::integer[],
  $7::text[], $8::text[], $9::text[], $10::text[]) as v(${ANSWER_COLUMNS.join(", ")})
where exists (select 1 from assessment_round r where r.id = v.round_id and r.status = 'open')
order by v.round_id
on conflict (round_id, scope, question_id, user_id) do update set
  level = excluded.level, not_relevant = excluded.not_relevant, reason = excluded.reason,
  comment = excluded.comment, evidence_url = excluded.evidence_url, updated_at = excluded.updated_at
returning round_id, scope, question_id, user_id`,
    columns: ANSWER_FIELDS,
    keyOfRow: (r) =>
      writeKey({ roundId: r.round_id, scope: r.scope, questionId: r.question_id, userId: r.user_id }),
  },
  keyOf: writeKey,
});

/** Saves one person's answer to one question (insert or update); false when the round is closed. */
export function saveAnswer(
  db: Db,
  key: { roundId: string; scope: string; questionId: string; userId: string },
  value: AnswerValue,
): Promise<boolean> {
  // Many people answer at once (each change saves): the upserts are written in batches.
  return writeAnswer(db, {
    ...key,
    ...storedLevel(value),
    comment: value.comment,
    evidenceUrl: value.evidenceUrl,
    at: nowIso(),
  });
}

/** The koordinator's one final answer per question and scope. */
export async function saveFinal(
  db: Db,
  key: { roundId: string; scope: string; questionId: string; userId: string },
  value: Omit<AnswerValue, "evidenceUrl">,
) {
  const { level, notRelevant, reason } = storedLevel(value);
  const row = {
    level,
    not_relevant: notRelevant,
    reason,
    comment: value.comment,
    decided_by: key.userId,
    decided_at: nowIso(),
  };
  await db
    .insertInto("assessment_final")
    .values({ round_id: key.roundId, scope: key.scope, question_id: key.questionId, ...row })
    .onConflict((oc) => oc.columns(["round_id", "scope", "question_id"]).doUpdateSet(row))
    .execute();
}

/** Closes a round; from then on it is read-only. Returns false when it was closed already. */
export async function closeRound(db: Db, ownerId: string, roundId: string, actorUserId: string) {
  const result = await db
    .updateTable("assessment_round")
    .set({ status: "closed", closed_at: nowIso() })
    .where("id", "=", roundId)
    .where("owner_id", "=", ownerId)
    .where("status", "=", "open")
    .executeTakeFirst();
  const closed = Number(result.numUpdatedRows) > 0;
  if (closed)
    await writeAudit(db, {
      actorUserId,
      tenantId: ownerId,
      action: "assessment.close",
      entity: "assessment_round",
      entityId: roundId,
    });
  return closed;
}

type AnswerRow = Pick<
  Awaited<ReturnType<typeof listAnswers>>[number],
  "scope" | "question_id" | "level" | "not_relevant"
>;
type FinalRow = Pick<
  Awaited<ReturnType<typeof listFinals>>[number],
  "scope" | "question_id" | "level" | "not_relevant"
>;

/** Only what scoring needs from every answer and final answer of a round (no names or comments). */
export function listLevels(db: Db, roundId: string) {
  return Promise.all([
    db
      .selectFrom("assessment_answer")
      .select(["scope", "question_id", "level", "not_relevant"])
      .where("round_id", "=", roundId)
      .execute(),
    db
      .selectFrom("assessment_final")
      .select(["scope", "question_id", "level", "not_relevant"])
      .where("round_id", "=", roundId)
      .execute(),
  ]);
}

const answerKey = (scope: string, questionId: string) => `${scope}|${questionId}`;

/**
 * The answer that counts for each scope and question: the koordinator's final answer; else the
 * answer everyone agrees on; else (several different answers) the lower median, marked "open".
 */
export function effectiveAnswers(answers: AnswerRow[], finals: FinalRow[]): Map<string, Effective> {
  const result = new Map<string, Effective>();
  // Most questions have one answer: it is kept as it comes, and a list is made only for a second.
  const first = new Map<string, AnswerRow>();
  const several = new Map<string, AnswerRow[]>();
  for (const a of answers) {
    if (a.level === null && !a.not_relevant) continue;
    const k = answerKey(a.scope, a.question_id);
    const earlier = first.get(k);
    if (earlier === undefined) first.set(k, a);
    else {
      const rows = several.get(k);
      if (rows) rows.push(a);
      else several.set(k, [earlier, a]);
    }
  }
  // "Not relevant" counts as its own answer (-1); every row here has one or the other.
  const given = (r: AnswerRow) => (r.not_relevant ? -1 : r.level);
  for (const [k, one] of first) {
    const rows = several.get(k);
    if (rows === undefined || rows.every((r) => given(r) === given(one))) {
      result.set(k, { level: one.level, notRelevant: Boolean(one.not_relevant), source: "agreed" });
    } else {
      const levels = rows
        .map((r) => r.level)
        .filter((l): l is number => l !== null)
        .sort((a, b) => a - b);
      result.set(k, {
        level: levels[Math.floor((levels.length - 1) / 2)] ?? null,
        notRelevant: levels.length === 0,
        source: "open",
      });
    }
  }
  for (const f of finals)
    result.set(answerKey(f.scope, f.question_id), {
      level: f.level,
      notRelevant: Boolean(f.not_relevant),
      source: "final",
    });
  return result;
}

export type AnswerState = Effective["source"];

/** "Not relevant" counts as its own answer (0); the answers differ when the lowest and highest do. */
const given = sql<number>`case when not_relevant = 1 then 0 else level end`;

/** Owner, school and kindergarten parts: the kinds of part a round's counts tell apart. */
const COUNTED_KINDS = 3;

type CountRow = {
  row: "part" | "question" | "last";
  scope: string;
  question_id: string | null;
  n: number;
  open: number;
};

const inKind = (
  db: Db,
  table: "a" | "f",
  v: Record<"scopes0" | "questions0" | "scopes1" | "questions1" | "scopes2" | "questions2", never>,
) =>
  sql<SqlBool>`(${sql.join(
    [
      [v.scopes0, v.questions0],
      [v.scopes1, v.questions1],
      [v.scopes2, v.questions2],
    ].map(
      ([scopes, questions]) =>
        sql`(${inList(db, `${table}.scope`, scopes)} and ${inList(db, `${table}.question_id`, questions)})`,
    ),
    sql` or `,
  )})`;

type CountValues = Record<
  "roundId" | "scopes0" | "questions0" | "scopes1" | "questions1" | "scopes2" | "questions2" | "shown",
  never
>;

/**
 * Each question of the round with an answer or a final answer, once: open 1 when its answers
 * differ, final 1 when reconciled (a reconciled question is never open). With `onlyShown`, only
 * those of the part shown (an index range, not the whole round).
 */
const answeredQuestions = (db: Db, v: CountValues, onlyShown: boolean) =>
  db
    .selectFrom("assessment_answer as a")
    .select([
      "a.scope",
      "a.question_id",
      sql<number>`case when min(${given}) <> max(${given}) then 1 else 0 end`.as("open"),
      sql<number>`0`.as("final"),
    ])
    .where("a.round_id", "=", v.roundId)
    .$if(onlyShown, (q) => q.where("a.scope", "=", v.shown))
    .where(inKind(db, "a", v))
    .where((e) => e.or([e("a.level", "is not", null), e("a.not_relevant", "=", 1)]))
    // The round's final answers are read once, not looked up for each answer (`not exists`
    // was a third of this query on PostgreSQL for a round of ~1,450 answers). Neither
    // column is ever null, so `not in` means what it says.
    .where(({ eb, refTuple, selectFrom }) =>
      eb(
        refTuple("a.scope", "a.question_id"),
        "not in",
        selectFrom("assessment_final as f")
          .select(["f.scope", "f.question_id"])
          .where("f.round_id", "=", v.roundId)
          .$asTuple("scope", "question_id"),
      ),
    )
    .groupBy(["a.scope", "a.question_id"])
    .unionAll(
      db
        .selectFrom("assessment_final as f")
        .select(["f.scope", "f.question_id", sql<number>`0`.as("open"), sql<number>`1`.as("final")])
        .where("f.round_id", "=", v.roundId)
        .$if(onlyShown, (q) => q.where("f.scope", "=", v.shown))
        .where(inKind(db, "f", v)),
    );

type CountVars = CountValues & Record<"userId", never>;
const COUNT_VARS = [
  "roundId",
  "scopes0",
  "questions0",
  "scopes1",
  "questions1",
  "scopes2",
  "questions2",
  "shown",
  "userId",
] as const;

/** One row per part, counted as the rows come (not kept in a table and read twice). */
const partRows = (db: Db, v: CountVars) =>
  db
    .selectFrom(answeredQuestions(db, v, false).as("k"))
    .select([
      sql<CountRow["row"]>`'part'`.as("row"),
      "k.scope",
      sql<string | null>`null`.as("question_id"),
      (e) => e.fn.countAll<number>().as("n"),
      (e) => e.fn.sum<number>("k.open").as("open"),
    ])
    .groupBy("k.scope");

/** One row per question of the part shown (n: final), from that part's rows alone. */
const shownRows = (db: Db, v: CountVars) =>
  db
    .selectFrom(answeredQuestions(db, v, true).as("s"))
    .select([
      sql<CountRow["row"]>`'question'`.as("row"),
      "s.scope",
      "s.question_id",
      "s.final as n",
      "s.open",
    ]);

/** The question this user answered last. */
const lastRow = (db: Db, v: CountVars) =>
  db
    .selectFrom(
      db
        .selectFrom("assessment_answer as l")
        .select(["l.scope", "l.question_id"])
        .where("l.round_id", "=", v.roundId)
        .where("l.user_id", "=", v.userId)
        .orderBy("l.updated_at", "desc")
        .limit(1)
        .as("l"),
    )
    .select([
      sql<CountRow["row"]>`'last'`.as("row"),
      "l.scope",
      "l.question_id",
      sql<number>`0`.as("n"),
      sql<number>`0`.as("open"),
    ]);

const roundCountsQuery = prepared(COUNT_VARS, (db, v) =>
  partRows(db, v)
    .unionAll(() => shownRows(db, v))
    .unionAll(() => lastRow(db, v)),
);

/** The same without the parts' counts, when they are known for the round's revision. */
const shownAndLastQuery = prepared(COUNT_VARS, (db, v) => shownRows(db, v).unionAll(() => lastRow(db, v)));

type PartCounts = Map<string, { answered: number; open: number }>;

/**
 * The parts' counts of the rounds viewed lately, per database, with the revision of the round they
 * were counted at and the lists they were counted for (decision 029). The revision moves with every
 * answer or final answer that can change a count (migration 035), on every instance, so counts kept
 * for the revision a page has just read are the counts it would get from the database.
 */
type KeptCounts = { revision: number; lists: string; counts: PartCounts };
const countCache = new WeakMap<Db, LRUCache<string, KeptCounts>>();

/** The parts' counts kept for this round, if they were counted at this revision for these lists. */
function cachedCounts(db: Db, roundId: string, revision: number, lists: string) {
  const entry = countCache.get(db)?.get(roundId);
  return entry && entry.revision === revision && entry.lists === lists ? entry.counts : undefined;
}

function keepCounts(db: Db, roundId: string, kept: KeptCounts) {
  let cache = countCache.get(db);
  if (!cache) {
    // The rounds viewed lately; the least recently viewed is dropped first.
    cache = new LRUCache<string, KeptCounts>({ max: 500 });
    countCache.set(db, cache);
  }
  cache.set(roundId, kept);
}

/**
 * A round's overview in one query: per part, how many of the part's questions have an answer or
 * a final answer and how many still differ (open); per question of the one part shown, where it
 * stands (final when reconciled, agreed when everyone who answered gave the same answer, open
 * when they differ, as effectiveAnswers' source); and the question this user answered last, to
 * take them back to it. A round of an owner with 50 units holds thousands of answers; they are
 * counted in SQL, never read. `parts` gives the questions each part has (by its kind), so an
 * answer to a question the part no longer shows (its unit changed kind) is not counted, as on the
 * reconciling page.
 *
 * With the round's `revision` (read before this), the parts' counts are counted once per
 * revision and kept; the part shown and the last answer are always read.
 */
export async function roundCounts(
  db: Db,
  roundId: string,
  parts: { scopes: string[]; questionIds: string[] }[],
  options: { shown?: string; userId: string; revision?: number },
) {
  if (parts.length > COUNTED_KINDS) throw new Error(`roundCounts: at most ${COUNTED_KINDS} kinds of part`);
  // A kind that is not in the round has no parts: its lists are empty and match nothing.
  const part = (i: number) => parts[i] ?? { scopes: [], questionIds: [] };
  const lists = parts.map((p) => `${p.scopes.join(",")};${p.questionIds.join(",")}`).join("|");
  const { revision } = options;
  const known = revision === undefined ? undefined : cachedCounts(db, roundId, revision, lists);
  const rows = (await (known ? shownAndLastQuery : roundCountsQuery)(db, {
    roundId,
    scopes0: listValue(db, part(0).scopes),
    questions0: listValue(db, part(0).questionIds),
    scopes1: listValue(db, part(1).scopes),
    questions1: listValue(db, part(1).questionIds),
    scopes2: listValue(db, part(2).scopes),
    questions2: listValue(db, part(2).questionIds),
    shown: options.shown ?? "",
    userId: options.userId,
  })) as CountRow[];
  const counts: PartCounts = known ?? new Map();
  const states = new Map<string, AnswerState>();
  let last: { scope: string; question_id: string } | null = null;
  for (const r of rows) {
    if (r.row === "part") counts.set(r.scope, { answered: Number(r.n), open: Number(r.open) });
    else if (r.row === "last" && r.question_id) last = { scope: r.scope, question_id: r.question_id };
    else if (r.question_id)
      states.set(r.question_id, Number(r.n) === 1 ? "final" : Number(r.open) === 1 ? "open" : "agreed");
  }
  if (!known && revision !== undefined) keepCounts(db, roundId, { revision, lists, counts });
  return { counts, states, last };
}

export const effectiveFor = (map: Map<string, Effective>, scope: string, questionId: string): Effective =>
  map.get(answerKey(scope, questionId)) ?? { level: null, notRelevant: false, source: "none" };

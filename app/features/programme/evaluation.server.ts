import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { nowIso } from "../../lib/time.ts";
import { newId } from "../../lib/tokens.server.ts";
import { writeAudit } from "../audit/write-audit.server.ts";

type Db = Kysely<Database>;

import { CHOICES, STATEMENTS, type Statement, THRESHOLD } from "./evaluation.ts";

export { CHOICES, STATEMENTS, THRESHOLD };

const choice = z
  .string({ message: "programmeEvaluation.error.choose" })
  .regex(/^[0-5]$/, "programmeEvaluation.error.choose")
  .transform(Number);

/** One filled-in form. Every statement must be answered (vet ikke is an answer); free texts optional. */
export const ZEvaluation = z.object({
  ...(Object.fromEntries(STATEMENTS.map((s) => [s, choice])) as Record<Statement, typeof choice>),
  best: z.string().trim().max(2000, "programmeEvaluation.error.tooLong").default(""),
  change: z.string().trim().max(2000, "programmeEvaluation.error.tooLong").default(""),
});
export type EvaluationAnswers = z.infer<typeof ZEvaluation>;

/** Whether the survey takes answers: open unless the programansvarlig closed it. */
export async function isOpen(db: Db, programmeId: string) {
  const row = await db
    .selectFrom("programme_evaluation_state")
    .select("open")
    .where("programme_id", "=", programmeId)
    .executeTakeFirst();
  return !row || Number(row.open) === 1;
}

/** Opens or closes the survey, in the network's audit log (who did it and when). */
export async function setOpen(
  db: Db,
  options: { programmeId: string; networkId: string; userId: string; open: boolean },
) {
  const open = options.open ? 1 : 0;
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("programme_evaluation_state")
      .values({ programme_id: options.programmeId, open })
      .onConflict((oc) => oc.column("programme_id").doUpdateSet({ open }))
      .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.networkId,
      action: options.open ? "programme.evaluation.open" : "programme.evaluation.close",
      entity: "programme",
      entityId: options.programmeId,
    });
  });
}

export async function hasAnswered(db: Db, programmeId: string, userId: string) {
  const row = await db
    .selectFrom("programme_evaluation_respondent")
    .select("user_id")
    .where("programme_id", "=", programmeId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Stores one answer and notes that the person has answered, in one transaction. The answer row
 * has no user and only the month. False if the person had already answered.
 */
export async function saveAnswer(
  db: Db,
  input: { programmeId: string; userId: string; role: "veileder" | "deltaker"; answers: EvaluationAnswers },
) {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("programme_evaluation_respondent")
      .values({ programme_id: input.programmeId, user_id: input.userId })
      .onConflict((oc) => oc.columns(["programme_id", "user_id"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await trx
      .insertInto("programme_evaluation_response")
      .values({
        id: newId(),
        programme_id: input.programmeId,
        role: input.role,
        month: nowIso().slice(0, 7),
        answers: JSON.stringify(input.answers),
      })
      .execute();
    return true;
  });
}

export interface StatementResult {
  statement: Statement;
  /** Count per choice, in the order of CHOICES. */
  counts: number[];
  /** Average of 1–5, without vet ikke; null if nobody chose 1–5. */
  average: number | null;
}

export interface GroupResult {
  group: "alle" | "veileder" | "deltaker";
  n: number;
  statements: StatementResult[];
}

/** The results: only the count below THRESHOLD; otherwise per statement, and the free texts sorted. */
export async function results(db: Db, programmeId: string) {
  const rows = await db
    .selectFrom("programme_evaluation_response")
    .select(["role", "answers"])
    .where("programme_id", "=", programmeId)
    .execute();
  const count = rows.length;
  if (count < THRESHOLD) return { count, shown: false as const };
  const parsed = rows.map((r) => ({ role: r.role, answers: JSON.parse(r.answers) as EvaluationAnswers }));
  const summarise = (group: GroupResult["group"], list: typeof parsed): GroupResult => ({
    group,
    n: list.length,
    statements: STATEMENTS.map((statement) => {
      const values = list.map((p) => Number(p.answers[statement]));
      const scored = values.filter((v) => v >= 1 && v <= 5);
      return {
        statement,
        counts: CHOICES.map((c) => values.filter((v) => v === c).length),
        average: scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : null,
      };
    }),
  });
  const guides = parsed.filter((p) => p.role === "veileder");
  const participants = parsed.filter((p) => p.role === "deltaker");
  const groups = [summarise("alle", parsed)];
  if (guides.length >= THRESHOLD && participants.length >= THRESHOLD)
    groups.push(summarise("veileder", guides), summarise("deltaker", participants));
  const texts = (key: "best" | "change") =>
    parsed
      .map((p) => (p.answers[key] ?? "").trim())
      .filter((t) => t.length > 0)
      .sort((a, b) => a.localeCompare(b, "nb"));
  return { count, shown: true as const, groups, best: texts("best"), change: texts("change") };
}

import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { localeOr } from "../../i18n/locales.ts";
import { createT, type MessageKey } from "../../i18n/translate.ts";
import { dayInNorway, nowIso } from "../../lib/time.ts";
import { newId } from "../../lib/tokens.server.ts";
import { writeAudit } from "../audit/write-audit.server.ts";
import type { Mailer } from "../email/mailer.server.ts";

/** A reminder goes this many days before the due date, and once more when it has passed. */
export const REMIND_DAYS_BEFORE = 7;

export const ZAssignmentForm = z.object({
  module: z.string().regex(/^(skole|barnehage)\/[123]$/, "error.assignment.module"),
  role: z.enum(["ansatt", "leder", "alle"], { message: "error.assignment.role" }),
  unitId: z.string().default(""),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "error.assignment.date")
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "error.assignment.date")
    .refine((d) => d >= dayInNorway(), "error.assignment.datePast"),
});

export async function createAssignment(
  db: Kysely<Database>,
  options: {
    ownerId: string;
    pkg: string;
    mod: number;
    role: string;
    unitId: string | null;
    dueDate: string;
    actorUserId: string;
  },
) {
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("learning_assignment")
      .values({
        id,
        owner_id: options.ownerId,
        package: options.pkg,
        module: options.mod,
        role: options.role,
        unit_id: options.unitId,
        due_date: options.dueDate,
        created_by: options.actorUserId,
        created_at: nowIso(),
      })
      .execute();
    await writeAudit(trx, {
      actorUserId: options.actorUserId,
      tenantId: options.ownerId,
      action: "assign",
      entity: "kurs",
      entityId: id,
      details: {
        module: `${options.pkg}/${options.mod}`,
        role: options.role,
        unitId: options.unitId,
        due: options.dueDate,
      },
    });
  });
  return id;
}

export function listAssignments(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom("learning_assignment as a")
    .leftJoin("organisation as u", "u.id", "a.unit_id")
    .select(["a.id", "a.package", "a.module", "a.role", "a.unit_id", "a.due_date", "u.name as unit_name"])
    .where("a.owner_id", "=", ownerId)
    .orderBy("a.due_date")
    .execute();
}

export async function deleteAssignment(
  db: Kysely<Database>,
  options: { ownerId: string; id: string; actorUserId: string },
) {
  const result = await db
    .deleteFrom("learning_assignment")
    .where("id", "=", options.id)
    .where("owner_id", "=", options.ownerId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) return false;
  await writeAudit(db, {
    actorUserId: options.actorUserId,
    tenantId: options.ownerId,
    action: "unassign",
    entity: "kurs",
    entityId: options.id,
  });
  return true;
}

/** Modules assigned to this user through their unit roles, with completion, for their own list. */
export async function assignmentsForUser(db: Kysely<Database>, userId: string) {
  const rows = await db
    .selectFrom("learning_assignment as a")
    .innerJoin("organisation as unit", (join) =>
      join.onRef("unit.parent_id", "=", "a.owner_id").on("unit.kind", "=", "enhet"),
    )
    .innerJoin("membership as m", "m.organisation_id", "unit.id")
    .leftJoin("module_completion as c", (join) =>
      join
        .onRef("c.user_id", "=", "m.user_id")
        .onRef("c.package", "=", "a.package")
        .onRef("c.module", "=", "a.module"),
    )
    .select(["a.id", "a.package", "a.module", "a.due_date", "c.completed_at"])
    .where("m.user_id", "=", userId)
    .where((eb) => eb.or([eb("a.unit_id", "is", null), eb("a.unit_id", "=", eb.ref("unit.id"))]))
    .where((eb) => eb.or([eb("a.role", "=", "alle"), eb("a.role", "=", eb.ref("m.role"))]))
    .where("m.role", "in", ["ansatt", "leder"])
    .orderBy("a.due_date")
    .execute();
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

/**
 * Sends the reminders that are due on `today` (YYYY-MM-DD): one a week before the due date and one
 * after it, to each person in scope who has not completed the module. A row per reminder makes it
 * idempotent, so several instances may run it at once and each person gets each reminder once.
 */
export async function sendDueReminders(
  db: Kysely<Database>,
  mailer: Mailer,
  options: { today: string; publicUrl: string },
) {
  const soon = new Date(Date.parse(`${options.today}T00:00:00Z`) + REMIND_DAYS_BEFORE * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const targets = await db
    .selectFrom("learning_assignment as a")
    .innerJoin("organisation as unit", (join) =>
      join.onRef("unit.parent_id", "=", "a.owner_id").on("unit.kind", "=", "enhet"),
    )
    .innerJoin("membership as m", "m.organisation_id", "unit.id")
    .innerJoin("user as u", "u.id", "m.user_id")
    .leftJoin("module_completion as c", (join) =>
      join
        .onRef("c.user_id", "=", "m.user_id")
        .onRef("c.package", "=", "a.package")
        .onRef("c.module", "=", "a.module"),
    )
    .select([
      "a.id as assignment_id",
      "a.package",
      "a.module",
      "a.due_date",
      "u.id as user_id",
      "u.email",
      "u.name",
      "u.locale",
    ])
    .where("c.id", "is", null)
    .where("unit.archived_at", "is", null)
    .where("a.due_date", "<=", soon)
    .where("m.role", "in", ["ansatt", "leder"])
    .where((eb) => eb.or([eb("a.unit_id", "is", null), eb("a.unit_id", "=", eb.ref("unit.id"))]))
    .where((eb) => eb.or([eb("a.role", "=", "alle"), eb("a.role", "=", eb.ref("m.role"))]))
    .execute();
  let sent = 0;
  const seen = new Set<string>();
  for (const target of targets) {
    const kind = target.due_date < options.today ? "overdue" : "before";
    const key = `${target.assignment_id}/${target.user_id}/${kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const claimed = await db
      .insertInto("assignment_reminder")
      .values({ assignment_id: target.assignment_id, user_id: target.user_id, kind, sent_at: nowIso() })
      .onConflict((oc) => oc.columns(["assignment_id", "user_id", "kind"]).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    const t = createT(localeOr(target.locale));
    const vars = {
      name: target.name,
      module: `${t(`learning.package.${target.package}` as MessageKey)}, ${t("learning.moduleNumber", { number: target.module })}`,
      date: target.due_date,
      url: `${options.publicUrl}/kompetanse/${target.package}/${target.module}`,
    };
    await mailer.send({
      to: target.email,
      subject: t(kind === "overdue" ? "email.overdue.subject" : "email.reminder.subject", vars),
      text: `${t(kind === "overdue" ? "email.overdue.body" : "email.reminder.body", vars)}\n\n${t("email.signature")}`,
    });
    sent++;
  }
  return sent;
}

import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { Database, IncidentTable } from "../../db/schema.ts";
import { localeOr } from "../../i18n/locales.ts";
import { formatMoment, HOUR, nowIso } from "../../lib/time.ts";
import { newId } from "../../lib/tokens.server.ts";
import { saveVersioned, writeAudit } from "../audit/write-audit.server.ts";
import type { Mailer } from "../email/mailer.server.ts";
import { buildEmail } from "../email/templates.server.ts";
import { NOTICE_HOURS, noticeClock, noticeDeadline } from "./clock.ts";
import type { IncidentHandling, IncidentReport } from "./schemas.ts";

type Db = Kysely<Database>;
export type IncidentRow = IncidentTable;

import { parseList } from "../../lib/forms.ts";

/** A staff member's report: stored as new, with the clock running from now. */
export async function reportIncident(
  db: Db,
  options: { ownerId: string; unitId: string | null; userId: string; report: IncidentReport },
): Promise<{ id: string; reportedAt: string }> {
  const id = newId();
  const now = nowIso();
  const r = options.report;
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("incident")
      .values({
        id,
        owner_id: options.ownerId,
        unit_id: options.unitId,
        reported_by: options.userId,
        reported_at: now,
        what_happened: r.hva,
        occurred_on: r.dato || null,
        data_subjects: JSON.stringify(r.registrerte),
        affected: r.antall,
        sensitive: r.sensitive,
        done_already: r.gjort,
        status: "ny",
        breach_kinds: "[]",
        risk: null,
        assessment: "",
        notified_on: null,
        notice_reference: "",
        not_notified_reason: "",
        late_reason: "",
        informed: null,
        informed_note: "",
        measures: "",
        closed_at: null,
        reminded_at: null,
        version: 1,
        updated_at: now,
        updated_by: options.userId,
      })
      .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "incident.report",
      entity: "incident",
      entityId: id,
    });
  });
  return { id, reportedAt: now };
}

/**
 * Who is told of a new report: the owner's koordinatorer (who handle it), its personvernombud and
 * the leaders of the unit it happened at (who may read it).
 */
export function incidentRecipients(db: Db, ownerId: string, unitId: string | null) {
  return db
    .selectFrom("membership")
    .innerJoin("user", "user.id", "membership.user_id")
    .select(["user.email", "user.name", "user.locale", "membership.role"])
    .where((e) =>
      e.or([
        e.and([
          e("membership.organisation_id", "=", ownerId),
          e("membership.role", "in", ["koordinator", "personvernombud"]),
        ]),
        ...(unitId
          ? [e.and([e("membership.organisation_id", "=", unitId), e("membership.role", "=", "leder")])]
          : []),
      ]),
    )
    .execute();
}

type Recipient = Awaited<ReturnType<typeof incidentRecipients>>[number];

/** One e-mail about an incident, in the recipient's language: its link and when its 72 hours run out. */
function mailAbout(
  mailer: Mailer,
  kind: "incident" | "incidentInfo" | "incidentReminder",
  person: Recipient,
  about: { publicUrl: string; id: string; reportedAt: string; organisation: string; reporter?: string },
) {
  const locale = localeOr(person.locale);
  return mailer.send(
    buildEmail(kind, locale, {
      to: person.email,
      url: `${about.publicUrl}/avvik/${about.id}`,
      name: person.name,
      inviter: about.reporter,
      organisation: about.organisation,
      moment: formatMoment(noticeDeadline(about.reportedAt), locale),
    }),
  );
}

/**
 * A new report is told at once: the koordinator, who handles it (the 72 hours have started), and
 * the personvernombud and the unit's leaders, who may read it. Not the reporter, and nobody twice.
 * The e-mail holds no details of the incident, only the link and the deadline.
 */
export async function tellOfNewIncident(
  db: Db,
  mailer: Mailer,
  incident: {
    publicUrl: string;
    id: string;
    reportedAt: string;
    ownerId: string;
    unitId: string | null;
    organisation: string;
    reporter: { email: string; name: string };
  },
) {
  const told = new Set<string>([incident.reporter.email]);
  for (const person of await incidentRecipients(db, incident.ownerId, incident.unitId)) {
    if (told.has(person.email)) continue;
    told.add(person.email);
    await mailAbout(mailer, person.role === "koordinator" ? "incident" : "incidentInfo", person, {
      ...incident,
      reporter: incident.reporter.name,
    });
  }
}

/** Which owner an incident belongs to (for a link followed while working in another owner). */
export async function incidentOwner(db: Db, id: string) {
  return (
    (await db.selectFrom("incident").select("owner_id").where("id", "=", id).executeTakeFirst())?.owner_id ??
    null
  );
}

const withNames = (db: Db) =>
  db
    .selectFrom("incident")
    .leftJoin("organisation as unit", "unit.id", "incident.unit_id")
    .leftJoin("user as reporter", "reporter.id", "incident.reported_by")
    .selectAll("incident")
    .select(["unit.name as unit_name", "reporter.name as reporter_name"]);

/** One incident, only when it belongs to the owner (else null, which the page turns into 404). */
export async function getIncident(db: Db, ownerId: string, id: string) {
  return (
    (await withNames(db)
      .where("incident.owner_id", "=", ownerId)
      .where("incident.id", "=", id)
      .executeTakeFirst()) ?? null
  );
}

type Who = { all: true } | { all: false; userId: string; unitIds: string[] };

/** The incidents of their units and those they reported: what a person sees who does not see the log. */
const theirs =
  ({ userId, unitIds }: { userId: string; unitIds: string[] }) =>
  (e: ExpressionBuilder<Database, "incident">) =>
    e.or([
      e("incident.reported_by", "=", userId),
      ...(unitIds.length > 0 ? [e("incident.unit_id", "in", unitIds)] : []),
    ]);

/** The incidents a person may see of one owner, open ones first, then newest first, a page at a time. */
export async function listIncidents(db: Db, ownerId: string, who: Who, page = { limit: 50, offset: 0 }) {
  return (
    withNames(db)
      .where("incident.owner_id", "=", ownerId)
      .$if(!who.all, (q) => q.where(theirs(who as Extract<Who, { all: false }>)))
      // Open ones first, so that none of them is on a later page; in the order of the index
      // incident_log_idx (migration 009), so that a page is read from it, not sorted.
      .orderBy(sql`case when status = 'lukket' then 1 else 0 end`)
      .orderBy("incident.reported_at", "desc")
      .orderBy("incident.id", "desc")
      .limit(page.limit)
      .offset(page.offset)
      .execute()
  );
}

/**
 * For the koordinator's overview: how many of the owner's incidents are not closed, and how many of
 * those are past their 72 hours without a notice (or a judgement that none is needed).
 */
export async function openIncidentSummary(db: Db, ownerId: string, now = Date.now()) {
  const open = await db
    .selectFrom("incident")
    .select(["reported_at", "risk", "notified_on"])
    .where("owner_id", "=", ownerId)
    .where("status", "<>", "lukket")
    .execute();
  return { open: open.length, overdue: open.filter((i) => noticeClock(i, now).state === "overdue").length };
}

const COLUMNS = {
  status: "status",
  brudd: "breach_kinds",
  risiko: "risk",
  vurdering: "assessment",
  meldt: "notified_on",
  referanse: "notice_reference",
  ikkeMeldtGrunn: "not_notified_reason",
  senGrunn: "late_reason",
  informert: "informed",
  informertNotat: "informed_note",
  tiltak: "measures",
} as const;

/**
 * Saves the koordinator's handling when nobody saved it in between (the version the form was
 * read at); closing stamps the time, reopening clears it. The change is in the audit log by field.
 */
export async function saveHandling(
  db: Db,
  options: { ownerId: string; id: string; userId: string; values: IncidentHandling },
): Promise<"saved" | "conflict" | "not-found"> {
  const v = options.values;
  // Once the koordinator has saved anything, the incident is being handled.
  const columns = {
    status: v.status === "ny" ? ("behandles" as const) : v.status,
    breach_kinds: JSON.stringify(v.brudd),
    risk: v.risiko || null,
    assessment: v.vurdering,
    notified_on: v.meldt || null,
    notice_reference: v.referanse,
    not_notified_reason: v.ikkeMeldtGrunn,
    late_reason: v.senGrunn,
    informed: v.informert || null,
    informed_note: v.informertNotat,
    measures: v.tiltak,
  };
  return saveVersioned(db, {
    table: "incident",
    ownerId: options.ownerId,
    id: options.id,
    userId: options.userId,
    version: v.version,
    fields: COLUMNS,
    columns,
    extra: (before) => ({ closed_at: v.status === "lukket" ? (before.closed_at ?? nowIso()) : null }),
    action: "incident.update",
  });
}

/** The handling as form values (what the koordinator sees in the form). */
export function handlingValues(row: IncidentRow): Record<string, string | string[]> {
  return {
    status: row.status,
    brudd: parseList(row.breach_kinds),
    risiko: row.risk ?? "",
    vurdering: row.assessment,
    meldt: row.notified_on ?? "",
    referanse: row.notice_reference,
    ikkeMeldtGrunn: row.not_notified_reason,
    senGrunn: row.late_reason,
    informert: row.informed ?? "",
    informertNotat: row.informed_note,
    tiltak: row.measures,
    version: String(row.version),
  };
}

/** How long before the 72 hours run out the koordinator is reminded. */
export const REMIND_HOURS_BEFORE = 24;

/**
 * Reminds the koordinatorer of incidents whose 72 hours run out within a day and that are neither
 * notified nor judged to carry no risk. Each incident is claimed by setting `reminded_at` where it is
 * still empty, so with several instances only one sends it. Returns how many were reminded.
 */
export async function sendNoticeReminders(
  db: Db,
  mailer: Mailer,
  options: { publicUrl: string; now?: number },
) {
  const now = options.now ?? Date.now();
  const from = new Date(now - NOTICE_HOURS * HOUR).toISOString();
  const to = new Date(now - (NOTICE_HOURS - REMIND_HOURS_BEFORE) * HOUR).toISOString();
  const due = await db
    .selectFrom("incident")
    .innerJoin("organisation as owner", "owner.id", "incident.owner_id")
    .select(["incident.id", "incident.owner_id", "incident.reported_at", "owner.name as owner_name"])
    .where("incident.reminded_at", "is", null)
    .where("incident.status", "<>", "lukket")
    .where("incident.notified_on", "is", null)
    .where((e) => e.or([e("incident.risk", "is", null), e("incident.risk", "<>", "ingen")]))
    .where("incident.reported_at", ">", from)
    .where("incident.reported_at", "<=", to)
    .execute();
  let reminded = 0;
  for (const incident of due) {
    const claimed = await db
      .updateTable("incident")
      .set({ reminded_at: new Date(now).toISOString() })
      .where("id", "=", incident.id)
      .where("reminded_at", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    for (const person of await incidentRecipients(db, incident.owner_id, null))
      if (person.role === "koordinator")
        await mailAbout(mailer, "incidentReminder", person, {
          publicUrl: options.publicUrl,
          id: incident.id,
          reportedAt: incident.reported_at,
          organisation: incident.owner_name,
        });
    reminded++;
  }
  return reminded;
}

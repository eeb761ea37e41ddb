import { type Kysely, sql } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { dateField, parseObject } from "../../lib/forms.ts";
import { DAY, norwegianMidnight, nowIso } from "../../lib/time.ts";
import { kindOf, LOG_REGISTER_NAMES, LOG_REGISTERS, type LogRegister, registerOf } from "./log-registers.ts";

type Db = Kysely<Database>;

/**
 * Records that someone opened an entry of a register (`read`) or took an export (`export`), at
 * most once per person, entry and hour (decision 025): the row's `read_key` names all four and is
 * unique, so a second read within the hour is ignored by the insert itself, on both databases,
 * with no read first. `variant` tells apart what shares an entry but is not the same read (a
 * DPIA's approved version, an export's format).
 */
export async function recordRead(
  db: Db,
  options: {
    userId: string;
    ownerId: string;
    entity: string;
    entityId: string | null;
    action?: "read" | "export";
    variant?: string;
  },
) {
  const at = nowIso();
  const action = options.action ?? "read";
  const variant = options.variant ?? "";
  await db
    .insertInto("audit_log")
    .values({
      at,
      actor_user_id: options.userId,
      tenant_id: options.ownerId,
      action,
      entity: options.entity,
      entity_id: options.entityId,
      details: variant ? JSON.stringify({ variant }) : null,
      // The hour bucket is the ISO time to the hour ("2026-12-04T20").
      read_key: [
        action,
        options.userId,
        options.entity,
        options.entityId ?? "",
        variant,
        at.slice(0, 13),
      ].join("|"),
    })
    .onConflict((oc) => oc.column("read_key").doNothing())
    .execute();
}

/** How long read and export rows are kept (decision 025); changes are kept as long as the owner. */
export const READ_RETENTION_DAYS = 365;

/** Deletes read and export rows older than the retention time; returns how many. */
export async function deleteOldReads(db: Db, now = Date.now()) {
  const cutoff = new Date(now - READ_RETENTION_DAYS * DAY).toISOString();
  const result = await db
    .deleteFrom("audit_log")
    .where("read_key", "is not", null)
    .where("at", "<", cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface LogFilter {
  register: LogRegister | null;
  userId: string | null;
  /** ISO moments, from inclusive and to exclusive. */
  from: string | null;
  to: string | null;
}

/** The owner's and its units' log, newest first, one page of it. */
export async function listLog(
  db: Db,
  ownerId: string,
  filter: LogFilter,
  page: { limit: number; offset: number },
) {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("user", "user.id", "audit_log.actor_user_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.action",
      "audit_log.entity",
      "audit_log.entity_id",
      "audit_log.details",
      "audit_log.actor_user_id",
      "user.name as who",
    ])
    .where((e) =>
      e.or([
        e("audit_log.tenant_id", "=", ownerId),
        e(
          "audit_log.tenant_id",
          "in",
          e
            .selectFrom("organisation")
            .select("organisation.id")
            .where("organisation.parent_id", "=", ownerId),
        ),
      ]),
    );
  const registerEntities: string[] = Object.values(LOG_REGISTERS).flat();
  if (filter.register === "annet") query = query.where("audit_log.entity", "not in", registerEntities);
  else if (filter.register)
    query = query.where("audit_log.entity", "in", [...LOG_REGISTERS[filter.register]]);
  if (filter.userId) query = query.where("audit_log.actor_user_id", "=", filter.userId);
  if (filter.from) query = query.where("audit_log.at", ">=", filter.from);
  if (filter.to) query = query.where("audit_log.at", "<", filter.to);
  return query
    .orderBy("audit_log.at", "desc")
    .orderBy("audit_log.id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/**
 * The people who appear in the owner's log, by name, for the page's filter. For each of the
 * owner's organisations (the owner and its units), it steps through the distinct people in the
 * index on (`tenant_id`, `actor_user_id`) (migration 031): each step is one index probe for the
 * next person after the last, so the cost follows the number of people, not of rows.
 */
export async function peopleInLog(db: Db, ownerId: string) {
  const result = await sql<{ id: string; name: string }>`
    with recursive tenants(id) as (
      select ${ownerId}
      union all
      select id from organisation where parent_id = ${ownerId}
    ),
    actors(tenant_id, actor) as (
      select t.id, (select min(a.actor_user_id) from audit_log a where a.tenant_id = t.id)
      from tenants t
      union all
      select s.tenant_id,
        (select min(a.actor_user_id) from audit_log a
          where a.tenant_id = s.tenant_id and a.actor_user_id > s.actor)
      from actors s
      where s.actor is not null
    )
    select u.id, u.name
    from (select distinct actor from actors where actor is not null) p
    join "user" u on u.id = p.actor
    order by u.name`.execute(db);
  return result.rows;
}

const RESOLVED = new Set([
  "processing",
  "digital_service",
  "dpia",
  "risk_assessment",
  "plan_measure",
  "ros_risk",
  "incident",
]);

/** Whether entriesOf names the entries of this entity (so one it does not find is deleted). */
export const resolvable = (entity: string) => RESOLVED.has(entity);

/** An entry a row of the log is about, as the page names it, with its address while it still exists. */
export interface LogEntry {
  title: string;
  href: string | null;
}

/**
 * The entries the given rows are about that still exist in the owner's registers: one query per
 * register that appears (for a page, at most seven, side by side), by id and owner.
 */
export async function entriesOf(
  db: Db,
  ownerId: string,
  rows: { entity: string; entity_id: string | null }[],
): Promise<Map<string, LogEntry>> {
  // At most 1,000 ids a statement (a download can name many; both databases limit parameters).
  const ids = (entity: string) => {
    const list = [
      ...new Set(rows.filter((r) => r.entity === entity && r.entity_id).map((r) => r.entity_id as string)),
    ];
    return Array.from({ length: Math.ceil(list.length / 1000) }, (_, i) =>
      list.slice(i * 1000, (i + 1) * 1000),
    );
  };
  const found = new Map<string, LogEntry>();
  const lookups: Promise<void>[] = [];
  const add = (entity: string, list: { id: string; title: string; href: string }[]) => {
    for (const e of list) found.set(`${entity}:${e.id}`, { title: e.title, href: e.href });
  };
  const byTitle = (
    entity: "processing" | "digital_service" | "dpia" | "risk_assessment" | "plan_measure",
    path: string,
  ) => {
    const column = entity === "processing" || entity === "digital_service" ? "name" : "title";
    // The five tables share id, owner_id and a name or a title; the statement names the real table.
    const table = entity as "dpia";
    for (const list of ids(entity))
      lookups.push(
        db
          .selectFrom(table)
          .select(["id", `${column as "title"} as title`])
          .where("owner_id", "=", ownerId)
          .where("id", "in", list)
          .execute()
          .then((r) =>
            add(
              entity,
              r.map((x) => ({ id: x.id, title: x.title, href: `${path}/${x.id}` })),
            ),
          ),
      );
  };
  byTitle("processing", "/behandlinger");
  byTitle("digital_service", "/systemer");
  byTitle("dpia", "/dpia");
  byTitle("risk_assessment", "/ros");
  byTitle("plan_measure", "/handlingsplan");
  for (const risks of ids("ros_risk"))
    lookups.push(
      db
        .selectFrom("ros_risk")
        .select(["id", "threat", "assessment_id"])
        .where("owner_id", "=", ownerId)
        .where("id", "in", risks)
        .execute()
        .then((r) =>
          add(
            "ros_risk",
            r.map((x) => ({ id: x.id, title: x.threat, href: `/ros/${x.assessment_id}/risiko/${x.id}` })),
          ),
        ),
    );
  for (const incidents of ids("incident"))
    lookups.push(
      db
        .selectFrom("incident")
        .select(["id", "what_happened"])
        .where("owner_id", "=", ownerId)
        .where("id", "in", incidents)
        .execute()
        .then((r) =>
          add(
            "incident",
            r.map((x) => ({ id: x.id, title: snippet(x.what_happened), href: `/avvik/${x.id}` })),
          ),
        ),
    );
  await Promise.all(lookups);
  return found;
}

const snippet = (text: string, length = 60) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

const day = dateField("auditlog.dateFormat");
const ZChoice = z.object({
  register: z.union([z.literal(""), z.enum(LOG_REGISTER_NAMES)]).catch(""),
  person: z.string().trim().max(100).catch(""),
});
const FILTER_FIELDS = ["register", "person", "fra", "til"] as const;

/**
 * The log's filter from the address (the page's GET form): what was given (`values`, to show it
 * again), the filter to query with, what to fix (a wrong date, or a period that ends before it
 * starts, is said and left out), and the given filter as a query string for links.
 */
export function readLogFilter(url: URL) {
  const values = Object.fromEntries(FILTER_FIELDS.map((f) => [f, url.searchParams.get(f) ?? ""]));
  const { register, person } = ZChoice.parse(values);
  const errors: Record<string, string> = {};
  const date = (field: "fra" | "til") => {
    const parsed = parseObject(z.object({ [field]: day }), values);
    if (parsed.ok) return String(parsed.data[field]);
    errors[field] = parsed.errors[field] ?? "auditlog.dateFormat";
    return "";
  };
  let fra = date("fra");
  let til = date("til");
  if (fra && til && fra > til) {
    errors.til = "auditlog.toBeforeFrom";
    fra = "";
    til = "";
  }
  const filter: LogFilter = {
    register: register || null,
    userId: person || null,
    from: fra ? norwegianMidnight(fra) : null,
    to: til ? norwegianMidnight(til, 1) : null,
  };
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== "")).toString();
  return { values, filter, errors, query };
}

/** Rows of the log as the page and its download show them: the entry named, and linked while it exists. */
export async function logRows(db: Db, ownerId: string, rows: Awaited<ReturnType<typeof listLog>>) {
  const entries = await entriesOf(db, ownerId, rows);
  return rows.map((r) => {
    let variant = "";
    try {
      const details = r.details ? JSON.parse(r.details) : {};
      variant = typeof details.variant === "string" ? details.variant : "";
    } catch {}
    const entry = r.entity_id ? entries.get(`${r.entity}:${r.entity_id}`) : undefined;
    return {
      id: String(r.id),
      at: r.at,
      who: r.who,
      // A row with no person was written by Oppvern itself (the demo's set-up, a job).
      byUser: r.actor_user_id !== null,
      kind: kindOf(r.action),
      register: registerOf(r.entity),
      entry: entry ?? null,
      // An entry that is no longer there; a read of a whole register (an export) names none.
      gone: Boolean(r.entity_id) && !entry && resolvable(r.entity),
      /** What an export without an entry took: the owner's data, the log, or a whole register. */
      whole: r.entity === "eier" ? ("allData" as const) : r.entity === "audit_log" ? ("log" as const) : null,
      variant,
    };
  });
}

export type LogRow = Awaited<ReturnType<typeof logRows>>[number];

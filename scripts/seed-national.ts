// npm run seed:national: fills a database with synthetic data at the scale of all of Norway, for the
// benchmarks (docs/performance.md). SQLite in DATA_DIR by default, PostgreSQL when DATABASE_URL is
// set. Deterministic: the same seed gives the same rows. Adds to what is there (run it on a fresh or a
// demo database); it refuses to run twice on the same database.
//
//   3,000 owners (kommuner, fylkeskommuner, private) · 8,000 units · 250,000 staff with accounts and
//   roles · 1,000,000 module completions · 3,000 closed assessment rounds of about 100 answers, with
//   their area scores · 30,000 action-plan measures from those rounds' gaps · 20 networks of owners, each with a guidance
//   programme.
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import pg from "pg";
import { migrate, openDatabase } from "../app/db/connect.server.ts";
import { type Bank, loadBankFromDisk } from "../app/features/assessment/bank-schema.ts";
import { ANSWER_COLUMNS } from "../app/features/assessment/rounds.server.ts";
import { questionsFor, score, unitAudience } from "../app/features/assessment/scoring.ts";

const SCALE = Number(process.env.SEED_SCALE ?? 1);
const OWNERS = Math.round(3000 * SCALE);
const UNITS = Math.round(8000 * SCALE);
const STAFF = Math.round(250_000 * SCALE);
const COMPLETIONS = Math.round(1_000_000 * SCALE);
const NETWORKS = Math.max(1, Math.round(20 * SCALE));
const PREFIX = "nasj";

/** mulberry32: a small, fast, seeded generator (the same data on every run). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(2026);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

/** A valid organisasjonsnummer (mod 11) from a running number, outside the demo's 9100000xx. */
function orgNumber(n: number): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  // Even prefixes; when one has no valid check digit, the next (odd) one has.
  for (let prefix = 92_000_000 + n * 2; ; prefix++) {
    const digits = String(prefix).split("").map(Number);
    const sum = digits.reduce((s, d, i) => s + d * (weights[i] as number), 0);
    const check = 11 - (sum % 11);
    if (check !== 10) return `${prefix}${check === 11 ? 0 : check}`;
  }
}

type Row = (string | number | boolean | null)[];
interface Writer {
  insert(table: string, columns: readonly string[], rows: Row[]): Promise<void>;
  alreadySeeded(): Promise<boolean>;
  /** Fresh statistics for the query planner after a bulk load. */
  analyze(): Promise<void>;
  close(): Promise<void>;
}

function sqliteWriter(file: string): Writer {
  const db = new DatabaseSync(file);
  db.exec("pragma journal_mode = wal");
  db.exec("pragma synchronous = off");
  db.exec("pragma busy_timeout = 5000");
  return {
    async insert(table, columns, rows) {
      const statement = db.prepare(
        `insert into "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) values (${columns.map(() => "?").join(", ")})`,
      );
      db.exec("begin");
      for (const row of rows)
        statement.run(...(row.map((v) => (typeof v === "boolean" ? Number(v) : v)) as never[]));
      db.exec("commit");
    },
    async analyze() {
      db.exec("analyze");
    },
    async alreadySeeded() {
      return Boolean(db.prepare("select 1 from organisation where id = ?").get(`${PREFIX}-eier-0`));
    },
    async close() {
      db.close();
    },
  };
}

function postgresWriter(url: string): Writer {
  const client = new pg.Client({ connectionString: url });
  const ready = client.connect();
  return {
    async insert(table, columns, rows) {
      await ready;
      // As many rows per statement as PostgreSQL's 65,535 parameters allow.
      const per = Math.floor(60_000 / columns.length);
      await client.query("begin");
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        const values = chunk
          .map((_, r) => `(${columns.map((_c, c) => `$${r * columns.length + c + 1}`).join(", ")})`)
          .join(", ");
        await client.query(
          `insert into "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) values ${values}`,
          chunk.flat(),
        );
      }
      await client.query("commit");
    },
    async analyze() {
      await client.query("analyze");
    },
    async alreadySeeded() {
      await ready;
      const found = await client.query("select 1 from organisation where id = $1", [`${PREFIX}-eier-0`]);
      return (found.rowCount ?? 0) > 0;
    },
    async close() {
      await client.end();
    },
  };
}

const started = performance.now();
const log = (what: string, count: number) =>
  process.stdout.write(
    `${what.padEnd(34)} ${count.toLocaleString("nb-NO").padStart(11)}  (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
  );

const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = path.resolve(process.env.DATA_DIR ?? "./data");
// The app's own migrations first, so the tables are exactly those the app uses.
const handle = openDatabase({ databaseUrl, dataDir });
await migrate(handle);
await handle.close();
const writer = databaseUrl ? postgresWriter(databaseUrl) : sqliteWriter(path.join(dataDir, "oppvern.sqlite"));
if (await writer.alreadySeeded()) {
  process.stdout.write("This database already holds the national data; nothing to do.\n");
  await writer.close();
  process.exit(0);
}
const now = "2026-11-01T08:00:00.000Z";
// The seeded rounds closed in the spring of 2026, so they answered 2026.1 (2026.2 came in December).
const bank: Bank = loadBankFromDisk("content/question-bank/2026.1");

// Owners: every kommune and fylkeskommune, then private owners (most with one kindergarten).
const owners: { id: string; type: "kommune" | "fylkeskommune" | "privat" }[] = [];
for (let i = 0; i < OWNERS; i++)
  owners.push({
    id: `${PREFIX}-eier-${i}`,
    type: i < 357 * SCALE ? "kommune" : i < 372 * SCALE ? "fylkeskommune" : "privat",
  });
await writer.insert(
  "organisation",
  ["id", "kind", "name", "org_number", "owner_type", "unit_type", "parent_id", "created_at", "archived_at"],
  owners.map((o, i) => [
    o.id,
    "eier",
    `${o.type === "kommune" ? "Kommune" : o.type === "fylkeskommune" ? "Fylkeskommune" : "Privat eier"} ${i + 1}`,
    orgNumber(i),
    o.type,
    null,
    null,
    now,
    null,
  ]),
);
log("eiere", owners.length);

// Units: one each for private owners, the rest shared among kommuner (many) and fylkeskommuner.
const units: { id: string; ownerId: string; type: string }[] = [];
const publicOwners = owners.filter((o) => o.type !== "privat");
for (const o of owners.filter((x) => x.type === "privat"))
  units.push({
    id: `${PREFIX}-enhet-${units.length}`,
    ownerId: o.id,
    type: rnd() < 0.85 ? "barnehage" : "grunnskole",
  });
while (units.length < UNITS) {
  const o = pick(publicOwners);
  const type =
    o.type === "fylkeskommune"
      ? rnd() < 0.9
        ? "videregaende"
        : "ppt"
      : pick(["barnehage", "grunnskole", "grunnskole", "sfo"]);
  units.push({ id: `${PREFIX}-enhet-${units.length}`, ownerId: o.id, type });
}
await writer.insert(
  "organisation",
  ["id", "kind", "name", "org_number", "owner_type", "unit_type", "parent_id", "created_at", "archived_at"],
  units.map((u, i) => [u.id, "enhet", `Enhet ${i + 1}`, null, null, u.type, u.ownerId, now, null]),
);
log("enheter", units.length);

// Staff: a leader per unit, a koordinator per owner, and ansatte spread over the units.
const users: Row[] = [];
const memberships: Row[] = [];
const staff: { id: string; pkg: "skole" | "barnehage" }[] = [];
const coordinatorOf = new Map<string, string>();
const member = (userId: string, orgId: string, role: string) =>
  memberships.push([`${PREFIX}-m-${memberships.length}`, userId, orgId, role, now]);
const person = (n: number) => {
  const id = `${PREFIX}-bruker-${n}`;
  users.push([id, `Ansatt ${n + 1}`, `ansatt${n + 1}@nasjonal.oppvern.test`, true, null, null, now, now]);
  return id;
};
for (const o of owners) {
  const id = person(users.length);
  coordinatorOf.set(o.id, id);
  member(id, o.id, "koordinator");
}
for (const u of units) {
  const id = person(users.length);
  member(id, u.id, "leder");
  staff.push({ id, pkg: u.type === "barnehage" ? "barnehage" : "skole" });
}
while (users.length < STAFF) {
  const u = pick(units);
  const id = person(users.length);
  member(id, u.id, "ansatt");
  staff.push({ id, pkg: u.type === "barnehage" ? "barnehage" : "skole" });
}
await writer.insert(
  "user",
  ["id", "name", "email", "emailVerified", "image", "locale", "createdAt", "updatedAt"],
  users,
);
log("brukere", users.length);
await writer.insert("membership", ["id", "user_id", "organisation_id", "role", "created_at"], memberships);
log("roller", memberships.length);

// Module completions: most staff have done a few of their package's modules, some all, some none.
const completions: Row[] = [];
// Six passes over the staff: modules 1–3 of their own package, then of the other one.
for (let pass = 0; pass < 6 && completions.length < COMPLETIONS; pass++)
  for (const s of staff) {
    if (completions.length >= COMPLETIONS) break;
    if (rnd() < 0.3) continue;
    const pkg = pass < 3 ? s.pkg : s.pkg === "skole" ? "barnehage" : "skole";
    const day = 1 + Math.floor(rnd() * 28);
    completions.push([
      `${PREFIX}-c-${completions.length}`,
      `u:${s.id}`,
      s.id,
      pkg,
      1 + (pass % 3),
      rnd() < 0.3 ? "gruppe" : "individuelt",
      `2026-${String(1 + Math.floor(rnd() * 10)).padStart(2, "0")}-${String(day).padStart(2, "0")}T12:00:00.000Z`,
    ]);
  }
await writer.insert(
  "module_completion",
  ["id", "learner_key", "user_id", "package", "module", "mode", "completed_at"],
  completions,
);
log("fullførte moduler", completions.length);

// Ten measures per owner from its round's gaps: most in the plan, with a person, a due date around
// now and a status; some still proposals, one left to wait.
const MEASURES_PER_OWNER = 10;
const MEASURE_COLUMNS = [
  "id",
  "owner_id",
  "round_id",
  "question_id",
  "scopes",
  "title",
  "description",
  "weight",
  "gap",
  "consequence",
  "effort",
  "decision",
  "reason",
  "rank",
  "responsible_id",
  "due_on",
  "status",
  "progress_note",
  "processing_id",
  "done_on",
  "effect",
  "reminded_for",
  "version",
  "created_at",
  "updated_at",
  "updated_by",
];
const DECISIONS = [
  "forslag",
  "valgt",
  "valgt",
  "valgt",
  "valgt",
  "valgt",
  "valgt",
  "valgt",
  "forslag",
  "valgt-bort",
];
function measureRow(
  n: number,
  place: number,
  ownerId: string,
  roundId: string,
  q: Bank["areas"][number]["sporsmal"][number] | null,
  level: number,
  userId: string,
): Row {
  const decision = DECISIONS[place] as string;
  const chosen = decision === "valgt";
  const status = !chosen ? "ikke-startet" : rnd() < 0.3 ? "ferdig" : rnd() < 0.5 ? "pagar" : "ikke-startet";
  const due = chosen
    ? `202${6 + Math.floor(rnd() * 2)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-15`
    : null;
  // Without a question: a measure the koordinator typed in (after an incident, an audit …).
  const first = q?.tiltak[0];
  return [
    `${PREFIX}-tiltak-${n}`,
    ownerId,
    q ? roundId : null,
    q?.id ?? null,
    q ? '["eier"]' : "[]",
    first?.tekst.nb ?? q?.tekst.nb ?? `Gå gjennom tilgangene i fagsystem ${place + 1}`,
    "",
    q?.vekt ?? 2,
    5 - level,
    2,
    first?.innsats ?? "middels",
    decision,
    decision === "valgt-bort" ? "Venter på nytt fagsystem." : "",
    place + 1,
    chosen ? userId : null,
    due,
    status,
    status === "ferdig" ? "Gjort." : "",
    null,
    status === "ferdig" ? due : null,
    "",
    null,
    1,
    now,
    now,
    userId,
  ];
}

// One closed assessment round per owner: every owner-level question, answered by its koordinator,
// and the unit-level questions of its first unit, answered by that unit's leader (about 100 answers);
// with the area scores the anonymous comparison reads, computed by the app's own rule.
const firstUnit = new Map<string, { id: string; type: string; leader: string }>();
for (const [i, u] of units.entries())
  if (!firstUnit.has(u.ownerId))
    firstUnit.set(u.ownerId, { id: u.id, type: u.type, leader: (staff[i] as (typeof staff)[number]).id });
const rounds: Row[] = [];
const roundUnits: Row[] = [];
const answers: Row[] = [];
const areaScores: Row[] = [];
const measures: Row[] = [];
for (const [i, o] of owners.entries()) {
  const roundId = `${PREFIX}-runde-${i}`;
  const userId = coordinatorOf.get(o.id) as string;
  const unit = firstUnit.get(o.id);
  const skill = 1 + rnd() * 3.5;
  let planned = 0;
  rounds.push([roundId, o.id, "Kartlegging våren 2026", bank.versjon, null, "closed", userId, now, now]);
  if (unit) roundUnits.push([roundId, unit.id]);
  const parts = [
    { scope: "eier", by: userId, kind: "eier" as const },
    ...(unit ? [{ scope: unit.id, by: unit.leader, kind: unitAudience(unit.type) }] : []),
  ];
  for (const area of bank.areas) {
    const scored = [];
    for (const part of parts)
      for (const q of questionsFor(area, part.kind)) {
        const level = Math.max(1, Math.min(5, Math.round(skill + (rnd() - 0.5) * 2)));
        answers.push([roundId, part.scope, q.id, part.by, level, 0, "", "", "", now]);
        if (part.scope === "eier" && level <= 3 && planned < MEASURES_PER_OWNER)
          measures.push(measureRow(measures.length, planned++, o.id, roundId, q, level, userId));
        scored.push({ question: q, answer: { level, notRelevant: false, source: "agreed" as const } });
      }
    const value = score(scored);
    if (value !== null) areaScores.push([roundId, o.id, area.id, value, now]);
  }
  while (planned < MEASURES_PER_OWNER)
    measures.push(measureRow(measures.length, planned++, o.id, roundId, null, 3, userId));
}
await writer.insert(
  "assessment_round",
  ["id", "owner_id", "title", "bank_version", "deadline", "status", "created_by", "created_at", "closed_at"],
  rounds,
);
await writer.insert("assessment_round_unit", ["round_id", "unit_id"], roundUnits);
await writer.insert("assessment_answer", ANSWER_COLUMNS, answers);
await writer.insert(
  "assessment_area_score",
  ["round_id", "owner_id", "area_id", "score", "closed_at"],
  areaScores,
);
log("kartleggingsrunder", rounds.length);
log("svar", answers.length);
await writer.insert("plan_measure", MEASURE_COLUMNS, measures);
log("tiltak i handlingsplaner", measures.length);

// Reported incidents (avvik): five per owner over the last two school years, most of them judged
// and closed, some still open; the koordinator's log reads them newest first, open ones on top.
const INCIDENTS_PER_OWNER = 5;
const INCIDENT_COLUMNS = [
  "id",
  "owner_id",
  "unit_id",
  "reported_by",
  "reported_at",
  "what_happened",
  "occurred_on",
  "data_subjects",
  "affected",
  "sensitive",
  "done_already",
  "status",
  "breach_kinds",
  "risk",
  "assessment",
  "notified_on",
  "notice_reference",
  "not_notified_reason",
  "late_reason",
  "informed",
  "informed_note",
  "measures",
  "closed_at",
  "reminded_at",
  "version",
  "updated_at",
  "updated_by",
];
const WHAT = [
  "En e-post med karakterer ble sendt til feil foresatt.",
  "En lærer mistet en minnepinne med elevlister.",
  "En vikar hadde fortsatt tilgang til klassen etter vikariatet.",
  "Et bilde av en elev ble lagt ut uten samtykke.",
];
const incidents: Row[] = [];
for (const [i, o] of owners.entries()) {
  const userId = coordinatorOf.get(o.id) as string;
  const unit = firstUnit.get(o.id);
  for (let k = 0; k < INCIDENTS_PER_OWNER; k++) {
    const day = new Date(Date.UTC(2024, 8, 1) + Math.floor(rnd() * 790) * 86_400_000);
    const at = day.toISOString();
    const closed = k < INCIDENTS_PER_OWNER - 1 || rnd() < 0.5;
    incidents.push([
      `${PREFIX}-avvik-${i}-${k}`,
      o.id,
      unit?.id ?? null,
      unit?.leader ?? userId,
      at,
      pick(WHAT),
      at.slice(0, 10),
      '["elever"]',
      pick(["en", "noen", "mange"]),
      pick(["ja", "nei", "vet-ikke"]),
      "",
      closed ? "lukket" : "ny",
      closed ? '["konfidensialitet"]' : "[]",
      closed ? "ingen" : null,
      closed ? "Liten risiko for de berørte." : "",
      null,
      "",
      closed ? "Ingen risiko for de berørte." : "",
      "",
      closed ? "nei" : null,
      "",
      closed ? "Rutinen er gjennomgått med de ansatte." : "",
      closed ? at : null,
      null,
      1,
      at,
      userId,
    ]);
  }
}
await writer.insert("incident", INCIDENT_COLUMNS, incidents);
log("avvik", incidents.length);

// Networks: kommuner that work together, about a dozen each.
const networks: Row[] = [];
const networkMembers: Row[] = [];
const kommuner = owners.filter((o) => o.type === "kommune");
for (let n = 0; n < NETWORKS; n++) {
  const id = `${PREFIX}-nettverk-${n}`;
  networks.push([id, "nettverk", `Nettverk ${n + 1}`, null, null, null, null, now, null]);
  for (let k = 0; k < 12; k++) {
    const o = kommuner[(n * 12 + k) % kommuner.length];
    if (o && !networkMembers.some((m) => m[0] === id && m[1] === o.id)) networkMembers.push([id, o.id, now]);
  }
}
await writer.insert(
  "organisation",
  ["id", "kind", "name", "org_number", "owner_type", "unit_type", "parent_id", "created_at", "archived_at"],
  networks,
);
await writer.insert("network_member", ["network_id", "owner_id", "created_at"], networkMembers);
log("nettverk", networks.length);

// A guidance programme per network, this school year, with all its owners and five gatherings.
const programmes: Row[] = networks.map((n, i) => [
  `${PREFIX}-program-${i}`,
  n[0],
  `Veiledning i personvern 2026–2027, ${n[2]}`,
  "2026-09-01",
  "2027-06-15",
  now,
  null,
]);
await writer.insert(
  "programme",
  ["id", "network_id", "name", "starts_on", "ends_on", "created_at", "created_by"],
  programmes,
);
await writer.insert(
  "programme_owner",
  ["programme_id", "owner_id", "joined_at"],
  networkMembers.map((m) => [`${PREFIX}-program-${networks.findIndex((n) => n[0] === m[0])}`, m[1], now]),
);
await writer.insert(
  "programme_gathering",
  ["programme_id", "number", "held_on", "place"],
  programmes.flatMap((p) =>
    ["2026-09-03", "2026-09-24", "2026-11-12", "2027-02-04", "2027-05-06"].map((day, number) => [
      p[0],
      number,
      day,
      "Rådhuset",
    ]),
  ),
);
log("veiledningsprogram", programmes.length);

// Without fresh statistics the planner guesses from the empty tables it last saw (on PostgreSQL
// that made an answer save 5× slower until autovacuum caught up).
await writer.analyze();
log("statistikk oppdatert (analyze)", 0);
await writer.close();
process.stdout.write(`\nFerdig på ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);

import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { writeAudit } from "../audit/write-audit.server.ts";
import type { SheetSpec } from "../exports/xlsx.server.ts";

type Db = Kysely<Database>;

/**
 * The owner's registers and work, one sheet each: the tables whose rows carry the owner's id. The
 * names are the sheets'; the columns are the tables' own, so the file says exactly what is stored.
 */
const OWNER_TABLES = [
  ["Behandlinger", "processing"],
  ["Systemer", "digital_service"],
  ["ROS", "risk_assessment"],
  ["ROS-risikoer", "ros_risk"],
  ["DPIA", "dpia"],
  ["DPIA-risikoer", "dpia_risk"],
  ["DPIA-versjoner", "dpia_version"],
  ["Avvik", "incident"],
  ["Handlingsplan", "plan_measure"],
  ["Kartlegginger", "assessment_round"],
  ["Områdepoeng", "assessment_area_score"],
  ["Kurstildelinger", "learning_assignment"],
  ["Program", "programme_owner"],
  ["Programdeling", "programme_share"],
  ["Programkommentarer", "programme_comment"],
  ["Programoppmøte", "programme_attendance"],
  ["Programutmelding", "programme_departure"],
  ["Delt i nettverk", "shared_assessment"],
  ["Nettverksutmelding", "network_departure"],
] as const;

/** A cell: text, a number or nothing (JSON kept as its text). */
const cell = (value: unknown): string | number | null =>
  value === null || value === undefined
    ? null
    : typeof value === "number"
      ? value
      : value instanceof Date
        ? value.toISOString()
        : String(value);

function sheet(name: string, rows: Record<string, unknown>[]): SheetSpec {
  const columns = rows[0] ? Object.keys(rows[0]) : ["–"];
  return {
    name,
    columns: columns.map((header) => ({ header, width: 24 })),
    rows: rows.map((row) => columns.map((c) => cell(row[c]))),
  };
}

/**
 * Everything Oppvern keeps for an owner, for the owner to take with them (GDPR art. 20 in spirit;
 * the owner is the controller): the owner and its units, its people and their roles, every
 * register, the rounds with their answers, the plan, what it takes part in through its networks
 * and the log of changes. Uploaded evidence files are listed with where they lie in the ZIP file of
 * `exportOwnerFiles`.
 */
export async function exportOwnerData(db: Db, ownerId: string): Promise<SheetSpec[]> {
  const organisations = await db
    .selectFrom("organisation")
    .selectAll()
    .where((e) => e.or([e("id", "=", ownerId), e("parent_id", "=", ownerId)]))
    .orderBy("kind")
    .orderBy("name")
    .execute();
  const orgIds = organisations.map((o) => o.id);
  const people = await db
    .selectFrom("membership as m")
    .innerJoin("user as u", "u.id", "m.user_id")
    .innerJoin("organisation as o", "o.id", "m.organisation_id")
    .select(["o.name as organisation", "u.name", "u.email", "m.role", "m.created_at"])
    .where("m.organisation_id", "in", orgIds)
    .orderBy("o.name")
    .orderBy("u.name")
    .execute();
  const tables = await Promise.all(
    OWNER_TABLES.map(async ([name, table]) =>
      sheet(name, await db.selectFrom(table).selectAll().where(sql.ref("owner_id"), "=", ownerId).execute()),
    ),
  );
  const rounds = db.selectFrom("assessment_round").select("id").where("owner_id", "=", ownerId);
  const [answers, finals, evidence, log] = await Promise.all([
    db.selectFrom("assessment_answer").selectAll().where("round_id", "in", rounds).execute(),
    db.selectFrom("assessment_final").selectAll().where("round_id", "in", rounds).execute(),
    evidenceIndex(db, ownerId),
    db.selectFrom("audit_log").selectAll().where("tenant_id", "in", orgIds).orderBy("id").execute(),
  ]);
  return [
    sheet("Eier og enheter", organisations),
    sheet("Personer og roller", people),
    ...tables,
    sheet("Svar", answers),
    sheet("Endelige svar", finals),
    sheet(
      "Dokumentasjon (filer)",
      evidence.files.map(({ id, path, ...row }) => ({ ...row, fil_i_zip: path })),
    ),
    sheet("Endringslogg", log),
  ];
}

/** A file or folder name without characters that Windows, macOS or Linux refuse. */
const safeName = (name: string) =>
  name
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, "-")
    .replace(/^[.\s]+|[.\s]+$/g, "")
    .slice(0, 100) || "uten-navn";

/**
 * Where each evidence file lies in the ZIP: `<round>/<part>/<question>-<file name>`, by the file's
 * id; a second file of the same name gets a number before its extension.
 */
function zipPaths(
  files: { id: string; round: string; scope: string; question_id: string; filename: string }[],
) {
  const paths = new Map<string, string>();
  const taken = new Set<string>();
  for (const f of files) {
    const base = `${safeName(f.round)}/${safeName(f.scope)}/${safeName(`${f.question_id}-${f.filename}`)}`;
    let path = base;
    for (let n = 2; taken.has(path.toLowerCase()); n++) path = base.replace(/(\.[^./]*)?$/, ` (${n})$1`);
    taken.add(path.toLowerCase());
    paths.set(f.id, path);
  }
  return paths;
}

/**
 * The owner's evidence files without their contents, oldest first, each with its path in the ZIP
 * (the workbook's sheet of files and the ZIP itself both use this, so they cannot disagree), and
 * the ids of the owner's rounds.
 */
async function evidenceIndex(db: Db, ownerId: string) {
  const rounds = await db
    .selectFrom("assessment_round")
    .select(["id", "title"])
    .where("owner_id", "=", ownerId)
    .execute();
  const titles = new Map(rounds.map((r) => [r.id, r.title]));
  const listed = await db
    .selectFrom("assessment_evidence")
    .select(["id", "round_id", "scope", "question_id", "filename", "created_at"])
    .where("round_id", "in", [...titles.keys(), ""])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const paths = zipPaths(listed.map((e) => ({ ...e, round: titles.get(e.round_id) ?? e.round_id })));
  return {
    rounds: [...titles.keys()],
    files: listed.map((e) => ({ ...e, path: paths.get(e.id) ?? "" })),
  };
}

/**
 * The owner's uploaded evidence files, as one ZIP file with the paths the workbook's sheet
 * «Dokumentasjon (filer)» names. Files are read one round at a time and stored as they are
 * (most are PDFs and images, which do not shrink).
 */
export async function exportOwnerFiles(db: Db, ownerId: string): Promise<Uint8Array> {
  const { zipSync } = await import("fflate");
  const index = await evidenceIndex(db, ownerId);
  const paths = new Map(index.files.map((f) => [f.id, f.path]));
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const roundId of index.rounds) {
    const files = await db
      .selectFrom("assessment_evidence")
      .select(["id", "data"])
      .where("round_id", "=", roundId)
      .execute();
    for (const f of files) {
      const path = paths.get(f.id);
      if (path) entries[path] = [new Uint8Array(f.data), { level: 0 }];
    }
  }
  return zipSync(entries);
}

/**
 * Deletes an owner with everything that is its: the units, the roles (the people keep their own
 * accounts, which become course accounts), every register, round, plan and the log of its changes.
 * One row in the platform's log says who deleted which owner, and nothing more.
 */
export async function deleteOwner(db: Db, options: { ownerId: string; name: string; actorUserId: string }) {
  await db.transaction().execute(async (trx) => {
    const units = trx.selectFrom("organisation").select("id").where("parent_id", "=", options.ownerId);
    await trx
      .deleteFrom("audit_log")
      .where((e) => e.or([e("tenant_id", "=", options.ownerId), e("tenant_id", "in", units)]))
      .execute();
    // The units first: they point at the owner, and everything of theirs goes with them.
    await trx.deleteFrom("organisation").where("parent_id", "=", options.ownerId).execute();
    await trx.deleteFrom("organisation").where("id", "=", options.ownerId).execute();
    await writeAudit(trx, {
      actorUserId: options.actorUserId,
      tenantId: null,
      action: "delete",
      entity: "eier",
      entityId: options.ownerId,
      details: { name: options.name },
    });
  });
}

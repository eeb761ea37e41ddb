import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { nowIso } from "../../lib/time.ts";

/** The largest evidence file we keep. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

/** What may be uploaded, by the type read from the file's own bytes (not its name). */
const ALLOWED: Record<string, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
};

export type EvidenceCheck =
  | { ok: true; mime: string; bytes: Uint8Array; filename: string }
  | {
      ok: false;
      error: "assessment.error.fileSize" | "assessment.error.fileType" | "assessment.error.fileEmpty";
    };

/** Checks an uploaded file: not empty, at most 5 MB, and really one of the allowed types. */
export async function checkEvidence(file: File): Promise<EvidenceCheck> {
  if (file.size === 0) return { ok: false, error: "assessment.error.fileEmpty" };
  if (file.size > MAX_EVIDENCE_BYTES) return { ok: false, error: "assessment.error.fileSize" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Loaded with the first upload, not at start-up (~60 ms).
  const { fileTypeFromBuffer } = await import("file-type");
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !(type.mime in ALLOWED)) return { ok: false, error: "assessment.error.fileType" };
  const base = file.name.replace(/[^\p{L}\p{N}._ -]+/gu, "").slice(0, 120) || "dokumentasjon";
  const filename = base.toLowerCase().endsWith(`.${ALLOWED[type.mime]}`)
    ? base
    : `${base}.${ALLOWED[type.mime]}`;
  return { ok: true, mime: type.mime, bytes, filename };
}

export async function storeEvidence(
  db: Kysely<Database>,
  key: { roundId: string; scope: string; questionId: string; userId: string },
  file: { mime: string; bytes: Uint8Array; filename: string },
) {
  const id = randomUUID();
  await db
    .insertInto("assessment_evidence")
    .values({
      id,
      round_id: key.roundId,
      scope: key.scope,
      question_id: key.questionId,
      user_id: key.userId,
      filename: file.filename,
      mime: file.mime,
      size: file.bytes.byteLength,
      data: file.bytes,
      created_at: nowIso(),
    })
    .execute();
  return id;
}

/** The evidence files of one part of a round (without their bytes). */
export function listEvidence(db: Kysely<Database>, roundId: string, scope: string) {
  return db
    .selectFrom("assessment_evidence as e")
    .leftJoin("user as u", "u.id", "e.user_id")
    .select(["e.id", "e.question_id", "e.filename", "e.size", "e.created_at", "u.name as user_name"])
    .where("e.round_id", "=", roundId)
    .where("e.scope", "=", scope)
    .orderBy("e.created_at")
    .execute();
}

/** One file, only when it belongs to the round. */
export function getEvidence(db: Kysely<Database>, roundId: string, id: string) {
  return db
    .selectFrom("assessment_evidence")
    .selectAll()
    .where("round_id", "=", roundId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Every evidence file of a round (without their bytes), for the report. */
export function listRoundEvidence(db: Kysely<Database>, roundId: string) {
  return db
    .selectFrom("assessment_evidence as e")
    .leftJoin("user as u", "u.id", "e.user_id")
    .select(["e.id", "e.scope", "e.question_id", "e.filename", "u.name as user_name"])
    .where("e.round_id", "=", roundId)
    .orderBy("e.created_at")
    .execute();
}

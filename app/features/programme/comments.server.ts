import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { nowIso } from "../../lib/time.ts";
import { writeAudit } from "../audit/write-audit.server.ts";

type Db = Kysely<Database>;

/** One comment of a programme (null when it is not this programme's). */
export function getComment(db: Db, programmeId: string, commentId: string) {
  return db
    .selectFrom("programme_comment")
    .select(["id", "owner_id", "author_id", "author_name", "side", "body", "created_at", "edited_at"])
    .where("id", "=", commentId)
    .where("programme_id", "=", programmeId)
    .executeTakeFirst();
}

interface ByAuthor {
  programmeId: string;
  ownerId: string;
  commentId: string;
  userId: string;
}

/**
 * Corrects a comment's text. The author's id is part of the update, so nobody else's save can change
 * it even if a caller forgot to check. Returns whether a comment was changed.
 */
export async function editComment(db: Db, options: ByAuthor & { body: string }) {
  return db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable("programme_comment")
      .set({ body: options.body, edited_at: nowIso() })
      .where("id", "=", options.commentId)
      .where("programme_id", "=", options.programmeId)
      .where("owner_id", "=", options.ownerId)
      .where("author_id", "=", options.userId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "programme.comment.edit",
      entity: "programme_comment",
      entityId: options.commentId,
      details: { programme: options.programmeId },
    });
    return true;
  });
}

/** Withdraws a comment: it is gone for both sides (the audit log keeps that it was, not its text). */
export async function deleteComment(db: Db, options: ByAuthor) {
  return db.transaction().execute(async (tx) => {
    const removed = await tx
      .deleteFrom("programme_comment")
      .where("id", "=", options.commentId)
      .where("programme_id", "=", options.programmeId)
      .where("owner_id", "=", options.ownerId)
      .where("author_id", "=", options.userId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return false;
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "programme.comment.delete",
      entity: "programme_comment",
      entityId: options.commentId,
      details: { programme: options.programmeId },
    });
    return true;
  });
}

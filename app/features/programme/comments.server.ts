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

/** The comment, in its programme and thread, and only if this person wrote it. */
const byAuthor = (o: ByAuthor) => ({
  id: o.commentId,
  programme_id: o.programmeId,
  owner_id: o.ownerId,
  author_id: o.userId,
});

/** Runs the author's change of their comment and logs it, when there was such a comment. */
function authorsChange(
  db: Db,
  options: ByAuthor,
  action: "edit" | "delete",
  change: (tx: Db) => Promise<bigint>,
) {
  return db.transaction().execute(async (tx) => {
    if ((await change(tx)) === 0n) return false;
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: `programme.comment.${action}`,
      entity: "programme_comment",
      entityId: options.commentId,
      details: { programme: options.programmeId },
    });
    return true;
  });
}

/**
 * Corrects a comment's text. The author's id is part of the update, so nobody else's save can change
 * it even if a caller forgot to check. Returns whether a comment was changed.
 */
export function editComment(db: Db, options: ByAuthor & { body: string }) {
  return authorsChange(db, options, "edit", async (tx) => {
    const updated = await tx
      .updateTable("programme_comment")
      .set({ body: options.body, edited_at: nowIso() })
      .where((eb) => eb.and(byAuthor(options)))
      .executeTakeFirst();
    return updated.numUpdatedRows;
  });
}

/** Withdraws a comment: it is gone for both sides (the audit log keeps that it was, not its text). */
export function deleteComment(db: Db, options: ByAuthor) {
  return authorsChange(db, options, "delete", async (tx) => {
    const removed = await tx
      .deleteFrom("programme_comment")
      .where((eb) => eb.and(byAuthor(options)))
      .executeTakeFirst();
    return removed.numDeletedRows;
  });
}

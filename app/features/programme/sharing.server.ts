import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { dayInNorway, nowIso } from "../../lib/time.ts";
import { newId } from "../../lib/tokens.server.ts";
import { getBank } from "../assessment/bank.server.ts";
import { roundOverview } from "../assessment/round-page.server.ts";
import { roundScopes } from "../assessment/rounds.server.ts";
import { writeAudit } from "../audit/write-audit.server.ts";

type Db = Kysely<Database>;

export interface Share {
  progress: boolean;
  scores: boolean;
}

const NOTHING: Share = { progress: false, scores: false };

/** What each owner shares with the programme; an owner without a row shares nothing. */
export async function sharesOf(db: Db, programmeId: string, ownerIds: string[]) {
  const shares = new Map<string, Share>(ownerIds.map((id) => [id, NOTHING]));
  if (ownerIds.length === 0) return shares;
  const rows = await db
    .selectFrom("programme_share")
    .select(["owner_id", "progress", "scores"])
    .where("programme_id", "=", programmeId)
    .where("owner_id", "in", ownerIds)
    .execute();
  for (const r of rows)
    shares.set(r.owner_id, { progress: Number(r.progress) === 1, scores: Number(r.scores) === 1 });
  return shares;
}

/** The koordinator's choice of what the owner shares (both off withdraws everything). */
export async function saveShare(
  db: Db,
  options: { programmeId: string; ownerId: string; share: Share; userId: string },
) {
  const row = {
    progress: options.share.progress ? 1 : 0,
    scores: options.share.scores ? 1 : 0,
    updated_at: nowIso(),
    updated_by: options.userId,
  };
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("programme_share")
      .values({ programme_id: options.programmeId, owner_id: options.ownerId, ...row })
      .onConflict((oc) => oc.columns(["programme_id", "owner_id"]).doUpdateSet(row))
      .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "programme.share",
      entity: "programme",
      entityId: options.programmeId,
      details: { ...options.share },
    });
  });
}

/**
 * The comments between the guide and one owner in a programme, oldest first; `mine` marks those
 * this person wrote (only they may correct or delete them).
 */
export async function listComments(db: Db, programmeId: string, ownerId: string, userId: string) {
  const rows = await db
    .selectFrom("programme_comment")
    .select(["id", "author_id", "author_name", "side", "body", "created_at", "edited_at"])
    .where("programme_id", "=", programmeId)
    .where("owner_id", "=", ownerId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(({ author_id, ...c }) => ({ ...c, mine: author_id !== null && author_id === userId }));
}

export async function addComment(
  db: Db,
  options: {
    programmeId: string;
    ownerId: string;
    side: "veileder" | "eier";
    body: string;
    userId: string;
    userName: string;
  },
) {
  const id = newId();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("programme_comment")
      .values({
        id,
        programme_id: options.programmeId,
        owner_id: options.ownerId,
        author_id: options.userId,
        author_name: options.userName,
        side: options.side,
        body: options.body,
        created_at: nowIso(),
        edited_at: null,
      })
      .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.ownerId,
      action: "programme.comment",
      entity: "programme_comment",
      entityId: id,
      details: { programme: options.programmeId, side: options.side },
    });
  });
  return id;
}

export type Phase = "kartlegging" | "prioritering" | "gjennomforing" | "evaluering";

export interface Progress {
  phase: Phase;
  round: { title: string; status: "open" | "closed"; answered: number; total: number } | null;
  plan: { measures: number; done: number; overdue: number };
}

/**
 * The phase follows the work cycle from the owner's own data:
 * - kartlegging: no round yet, or the latest round is still open (they are mapping);
 * - prioritering: the latest round is closed, but no measure has been chosen for the plan yet;
 * - gjennomføring: measures are chosen and not all are done;
 * - evaluering: every chosen measure is done, so what is left is to look back and start again.
 * A new round opened after evaluering starts the cycle over at kartlegging.
 */
export function phaseOf(
  round: { status: "open" | "closed" } | null,
  plan: { measures: number; done: number },
) {
  if (!round || round.status === "open") return "kartlegging";
  if (plan.measures === 0) return "prioritering";
  return plan.done < plan.measures ? "gjennomforing" : "evaluering";
}

/** Phase and progress of one owner: its latest round (and how much is answered) and its plan. */
export async function progressOf(db: Db, ownerId: string, userId: string): Promise<Progress> {
  const [latest, measures] = await Promise.all([
    db
      .selectFrom("assessment_round")
      .select(["id", "title", "status", "bank_version"])
      .where("owner_id", "=", ownerId)
      .orderBy("created_at", "desc")
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom("plan_measure")
      .select(["status", "due_on"])
      .where("owner_id", "=", ownerId)
      .where("decision", "=", "valgt")
      .execute(),
  ]);
  const today = dayInNorway();
  const plan = {
    measures: measures.length,
    done: measures.filter((m) => m.status === "ferdig").length,
    overdue: measures.filter((m) => m.status !== "ferdig" && m.due_on !== null && m.due_on < today).length,
  };
  let round: Progress["round"] = null;
  if (latest) {
    const bank = getBank(latest.bank_version);
    let answered = 0;
    let total = 0;
    if (bank) {
      const scopes = await roundScopes(db, ownerId, latest.id);
      const overview = await roundOverview(db, latest.id, bank, scopes, { userId });
      for (const part of overview.parts) {
        answered += part.answered;
        total += part.total;
      }
    }
    round = { title: latest.title, status: latest.status, answered, total };
  }
  return { phase: phaseOf(round, plan), round, plan };
}

/** The area scores of the owner's latest closed round, with the area names of its bank. */
export async function latestScores(db: Db, ownerId: string, lang: "nb" | "nn") {
  const round = await db
    .selectFrom("assessment_round")
    .select(["id", "title", "bank_version", "closed_at"])
    .where("owner_id", "=", ownerId)
    .where("status", "=", "closed")
    .orderBy("closed_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!round) return null;
  const scores = await db
    .selectFrom("assessment_area_score")
    .select(["area_id", "score"])
    .where("round_id", "=", round.id)
    .where("owner_id", "=", ownerId)
    .execute();
  const areas = getBank(round.bank_version)?.areas ?? [];
  const byId = new Map(scores.map((s) => [s.area_id, Number(s.score)]));
  return {
    title: round.title,
    closedAt: round.closed_at,
    areas: areas.flatMap((a) => {
      const score = byId.get(a.id);
      return score === undefined ? [] : [{ id: a.id, name: a.tittel[lang], score }];
    }),
  };
}

/**
 * What a follower of the programme sees of one owner: only the parts it shares are read at all,
 * so an unshared part cannot leak into a page by mistake.
 */
export async function sharedView(db: Db, ownerId: string, share: Share, userId: string, lang: "nb" | "nn") {
  const [progress, scores] = await Promise.all([
    share.progress ? progressOf(db, ownerId, userId) : null,
    share.scores ? latestScores(db, ownerId, lang) : null,
  ]);
  return { progress, scores };
}

import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { localeOr } from "../../i18n/locales.ts";
import type { Mailer } from "../email/mailer.server.ts";
import { buildEmail } from "../email/templates.server.ts";

type Db = Kysely<Database>;

/**
 * Who hears of a new comment: the owner's koordinatorer when the guide writes; the guide of the
 * owner's group (while they are still one of the network's guides) when the owner's side writes.
 */
function recipients(
  db: Db,
  c: { networkId: string; ownerId: string; groupGuideId: string | null; side: string },
) {
  const base = db
    .selectFrom("membership")
    .innerJoin("user", "user.id", "membership.user_id")
    .select(["user.id", "user.email", "user.name", "user.locale"])
    .distinct();
  if (c.side === "veileder")
    return base
      .where("membership.organisation_id", "=", c.ownerId)
      .where("membership.role", "=", "koordinator")
      .execute();
  if (!c.groupGuideId) return Promise.resolve([]);
  return base
    .where("membership.organisation_id", "=", c.networkId)
    .where("membership.role", "=", "veileder")
    .where("user.id", "=", c.groupGuideId)
    .execute();
}

/**
 * Tells the other side of a thread that a comment has come: who wrote, in which programme, and a
 * link to the page where it is read (the group's page for the guide, the programme page for the
 * owner). The comment's text is deliberately left out: it may hold personal data (a pupil, an
 * employee, an incident), and an e-mail is copied, forwarded and kept outside our access control.
 * The author is never told of their own comment.
 */
export async function tellOfNewComment(
  db: Db,
  mailer: Mailer,
  comment: {
    publicUrl: string;
    programme: { id: string; name: string; networkId: string };
    owner: { id: string; name: string };
    /** The group the owner is in, and its guide (the guide's link goes to the group's page). */
    group: { id: string; guideId: string | null } | null;
    side: "veileder" | "eier";
    author: { id: string; name: string };
  },
) {
  const people = await recipients(db, {
    networkId: comment.programme.networkId,
    ownerId: comment.owner.id,
    groupGuideId: comment.group?.guideId ?? null,
    side: comment.side,
  });
  const base = `${comment.publicUrl}/program/${comment.programme.id}`;
  const url =
    comment.side === "veileder" || !comment.group ? `${base}#var-del` : `${base}/gruppe/${comment.group.id}`;
  for (const person of people) {
    if (person.id === comment.author.id) continue;
    await mailer.send(
      buildEmail(
        comment.side === "veileder" ? "commentFromGuide" : "commentFromOwner",
        localeOr(person.locale),
        {
          to: person.email,
          url,
          name: person.name,
          inviter: comment.author.name,
          organisation: comment.owner.name,
          programme: comment.programme.name,
        },
      ),
    );
  }
}

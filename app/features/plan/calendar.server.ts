import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { localeOr } from "../../i18n/locales.ts";
import { createT } from "../../i18n/translate.ts";
import { nowIso } from "../../lib/time.ts";
import { createToken, hashToken } from "../../lib/tokens.server.ts";
import { listRounds } from "../assessment/rounds.server.ts";
import { listActorMemberships } from "../orgs/memberships.server.ts";
import { can } from "../policy/policy.server.ts";
import { measureWordsIn, questionOfMeasure } from "./measure-question.server.ts";
import { listMeasures } from "./plan.server.ts";

type Db = Kysely<Database>;

/**
 * A new secret calendar address for this person and owner; an earlier one stops working. The token
 * is returned once, to show; only its hash is kept.
 */
export async function renewFeed(db: Db, userId: string, ownerId: string) {
  const { token, hash } = createToken();
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom("calendar_feed")
      .where("user_id", "=", userId)
      .where("owner_id", "=", ownerId)
      .execute();
    await tx
      .insertInto("calendar_feed")
      .values({ token_hash: hash, user_id: userId, owner_id: ownerId, created_at: nowIso() })
      .execute();
  });
  return token;
}

export async function stopFeed(db: Db, userId: string, ownerId: string) {
  await db
    .deleteFrom("calendar_feed")
    .where("user_id", "=", userId)
    .where("owner_id", "=", ownerId)
    .execute();
}

export async function hasFeed(db: Db, userId: string, ownerId: string) {
  const row = await db
    .selectFrom("calendar_feed")
    .select("created_at")
    .where("user_id", "=", userId)
    .where("owner_id", "=", ownerId)
    .executeTakeFirst();
  return row?.created_at ?? null;
}

/**
 * The plan's open measures with a due date, as an iCalendar file (one all-day event on each due
 * date), for the address's token, in its person's language (a measure still in the question
 * bank's words in their bokmål or nynorsk); null when the token is unknown or its person may no
 * longer read the owner's plan (the policy is asked at every read, as for a page).
 */
export async function feedCalendar(db: Db, token: string, publicUrl: string) {
  const feed = await db
    .selectFrom("calendar_feed as f")
    .innerJoin("organisation as o", "o.id", "f.owner_id")
    .innerJoin("user as u", "u.id", "f.user_id")
    .select(["f.user_id", "f.owner_id", "o.name as owner_name", "u.name", "u.email", "u.locale"])
    .where("f.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!feed) return null;
  const actor = {
    userId: feed.user_id,
    name: feed.name,
    email: feed.email,
    locale: feed.locale,
    memberships: await listActorMemberships(db, feed.user_id),
  };
  if (!can(actor, "plan:read", { type: "owner", ownerId: feed.owner_id })) return null;
  const locale = localeOr(feed.locale);
  const t = createT(locale);
  const { default: ical } = await import("ical-generator");
  const calendar = ical({
    name: `${t("plan.title")} – ${feed.owner_name}`,
    prodId: { company: "Oppvern", product: "handlingsplan" },
    ttl: 60 * 60,
  });
  const [measures, rounds] = await Promise.all([
    listMeasures(db, feed.owner_id, ["valgt"]),
    listRounds(db, feed.owner_id),
  ]);
  const wordsOf = measureWordsIn(questionOfMeasure(rounds), locale);
  for (const m of measures) {
    if (!m.due_on || m.status === "ferdig") continue;
    calendar.createEvent({
      id: `${m.id}@oppvern`,
      // An all-day event on the due date (ical-generator writes the date in UTC).
      start: new Date(`${m.due_on}T00:00:00Z`),
      allDay: true,
      summary: wordsOf(m).title,
      description: [
        `${t("plan.field.responsible")}: ${m.responsible_name ?? t("plan.nobodyYet")}`,
        `${t("plan.field.status")}: ${t(`plan.status.${m.status}`)}`,
      ].join("\n"),
      url: `${publicUrl}/handlingsplan/${m.id}`,
    });
  }
  return calendar.toString();
}

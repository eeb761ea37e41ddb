import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import type { Locale } from "../../i18n/locales.ts";
import { type ContentSource, contentData } from "../../lib/content-source.ts";
import { nowIso } from "../../lib/time.ts";
import { newId } from "../../lib/tokens.server.ts";
import { writeAudit } from "../audit/write-audit.server.ts";

type Db = Kysely<Database>;

export const AUDIENCES = ["alle", "veiledere", "deltakere"] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * The built-in resources (content/programme-resources/<nb|nn|en>.yaml, decision 027): recruitment
 * material, a note for the owner's leadership and checklists. Text markup as in the courses.
 */
const ZBuiltIn = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().trim().min(1),
  audience: z.enum(AUDIENCES),
  gathering: z.number().int().min(0).max(4).nullable(),
  kind: z.enum(["rekruttering", "forankring", "sjekkliste"]),
  summary: z.string().trim().min(1),
  body: z.string().trim().min(1),
});
export type BuiltInResource = z.infer<typeof ZBuiltIn>;

export function parseResources(source: ContentSource, name: string): BuiltInResource[] {
  const result = z.object({ resources: z.array(ZBuiltIn).min(1) }).safeParse(contentData(source));
  if (!result.success)
    throw new Error(
      `${name}:\n${result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`,
    );
  return result.data.resources;
}

const files = import.meta.glob<ContentSource>("/content/programme-resources/*.yaml", {
  query: "?parsed",
  import: "default",
  eager: true,
});
const builtIn = new Map<string, BuiltInResource[]>();
for (const [file, source] of Object.entries(files)) {
  const lang = file.match(/\/(nb|nn|en)\.yaml$/)?.[1];
  if (lang) builtIn.set(lang, parseResources(source, file));
}

export const builtInResources = (locale: Locale) => builtIn.get(locale) ?? builtIn.get("nb") ?? [];

/** What the reader may see and asked for: guides' material only for the network's staff. */
export interface ResourceFilter {
  /** The programme's guides and programansvarlig: they also see what is meant for guides. */
  forGuides: boolean;
  /** One gathering: its own resources and those for the whole programme. */
  gathering?: number | null;
  /** Only what is for this audience (and for everyone). */
  audience?: Exclude<Audience, "alle"> | null;
}

const shown = (r: { audience: Audience; gathering: number | null }, f: ResourceFilter) =>
  (r.audience !== "veiledere" || f.forGuides) &&
  (f.audience == null || r.audience === "alle" || r.audience === f.audience) &&
  (f.gathering == null || r.gathering === null || r.gathering === f.gathering);

/** The programme's library as this reader may see it: the built-in resources, then the network's links. */
export async function listResources(db: Db, programmeId: string, locale: Locale, filter: ResourceFilter) {
  const links = await db
    .selectFrom("programme_resource")
    .select(["id", "title", "url", "description", "audience", "gathering"])
    .where("programme_id", "=", programmeId)
    .orderBy("gathering")
    .orderBy("title")
    .execute();
  return {
    builtIn: builtInResources(locale).filter((r) => shown(r, filter)),
    links: links.filter((r) => shown(r, filter)),
  };
}

export async function addResourceLink(
  db: Db,
  options: {
    programmeId: string;
    networkId: string;
    userId: string;
    link: { title: string; url: string; description: string; audience: Audience; gathering: number | null };
  },
) {
  const id = newId();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("programme_resource")
      .values({
        id,
        programme_id: options.programmeId,
        ...options.link,
        created_at: nowIso(),
        created_by: options.userId,
      })
      .execute();
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.networkId,
      action: "programme.resource.add",
      entity: "programme",
      entityId: options.programmeId,
      details: { resource: id },
    });
  });
  return id;
}

/** Removes a link of this programme (another programme's id removes nothing). */
export async function removeResourceLink(
  db: Db,
  options: { programmeId: string; networkId: string; userId: string; id: string },
) {
  return db.transaction().execute(async (tx) => {
    const removed = await tx
      .deleteFrom("programme_resource")
      .where("programme_id", "=", options.programmeId)
      .where("id", "=", options.id)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return false;
    await writeAudit(tx, {
      actorUserId: options.userId,
      tenantId: options.networkId,
      action: "programme.resource.remove",
      entity: "programme",
      entityId: options.programmeId,
      details: { resource: options.id },
    });
    return true;
  });
}

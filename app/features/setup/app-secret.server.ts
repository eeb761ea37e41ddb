import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

/**
 * The signing secret lives in the database so that every instance on the same database shares it
 * without configuration. AUTH_SECRET, when set, wins.
 */
export async function getAppSecret(db: Kysely<Database>): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  await db
    .insertInto("app_setting")
    .values({ key: "auth_secret", value: randomBytes(32).toString("base64url") })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db
    .selectFrom("app_setting")
    .select("value")
    .where("key", "=", "auth_secret")
    .executeTakeFirstOrThrow();
  return row.value;
}

import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { AppServices } from "../../lib/services.ts";
import { HOUR, nowIso } from "../../lib/time.ts";
import { createToken, hashToken, newId } from "../../lib/tokens.server.ts";
import { createVerifiedAccount } from "../auth/accounts.server.ts";
import { addMembership } from "../orgs/memberships.server.ts";

export async function hasAdmin(db: Kysely<Database>) {
  const row = await db
    .selectFrom("membership")
    .select("id")
    .where("role", "=", "admin")
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

/** Creates a one-time link for the first admin; earlier unused links stop working. */
export async function createFirstAdminLink(db: Kysely<Database>, publicUrl: string): Promise<string> {
  const { token, hash } = createToken();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("setup_token").set({ used_at: nowIso() }).where("used_at", "is", null).execute();
    await trx
      .insertInto("setup_token")
      .values({
        id: newId(),
        token_hash: hash,
        expires_at: new Date(Date.now() + 24 * HOUR).toISOString(),
        used_at: null,
        created_at: nowIso(),
      })
      .execute();
  });
  return `${publicUrl}/forste-admin/${token}`;
}

export async function isSetupTokenValid(db: Kysely<Database>, token: string) {
  const row = await db
    .selectFrom("setup_token")
    .select("id")
    .where("token_hash", "=", hashToken(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", nowIso())
    .executeTakeFirst();
  return Boolean(row) && !(await hasAdmin(db));
}

/** Uses the token (once) and creates the admin account. Returns false when the link is no longer valid. */
export async function createFirstAdmin(
  services: Pick<AppServices, "db" | "auth">,
  options: { token: string; name: string; email: string; password: string; locale: string },
): Promise<boolean> {
  const claimed = await services.db
    .updateTable("setup_token")
    .set({ used_at: nowIso() })
    .where("token_hash", "=", hashToken(options.token))
    .where("used_at", "is", null)
    .where("expires_at", ">", nowIso())
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1 || (await hasAdmin(services.db))) return false;
  const userId = await createVerifiedAccount(services, options);
  await addMembership(services.db, {
    userId,
    organisationId: "plattform",
    role: "admin",
    actorUserId: userId,
  });
  return true;
}

import type { Kysely } from "kysely";

/**
 * Personal API tokens (decision 022): a person's keys for `/api/v1` endpoints that need one. Only
 * the SHA-256 of a token is kept, with its first characters so the person can tell them apart.
 */
export function migration023() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("api_token")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        /** sha256 (hex) of the whole token; the token itself is shown once and not stored. */
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        /** The token's first characters ("oppv_" and a few more), to recognise it in the list. */
        .addColumn("prefix", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("last_used_at", "text")
        .addColumn("revoked_at", "text")
        .execute();
      await db.schema.createIndex("api_token_user_idx").on("api_token").column("user_id").execute();
    },
  };
}

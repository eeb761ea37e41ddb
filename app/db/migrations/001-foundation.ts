import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Dialect } from "../connect.server.ts";

/**
 * Foundation tables. better-auth's tables keep its own camelCase column names so that the library
 * needs no field mapping; our own tables use snake_case and ISO text timestamps on both databases.
 */
export function migration001(dialect: Dialect) {
  const pg = dialect === "postgres";
  const date = pg ? "timestamptz" : "text";
  const bool = pg ? "boolean" : "integer";

  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("user")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("emailVerified", sql.raw(bool), (c) => c.notNull())
        .addColumn("image", "text")
        .addColumn("locale", "text")
        .addColumn("createdAt", sql.raw(date), (c) => c.notNull())
        .addColumn("updatedAt", sql.raw(date), (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("session")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("expiresAt", sql.raw(date), (c) => c.notNull())
        .addColumn("token", "text", (c) => c.notNull().unique())
        .addColumn("createdAt", sql.raw(date), (c) => c.notNull())
        .addColumn("updatedAt", sql.raw(date), (c) => c.notNull())
        .addColumn("ipAddress", "text")
        .addColumn("userAgent", "text")
        .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
        .execute();
      await db.schema.createIndex("session_user_idx").on("session").column("userId").execute();

      await db.schema
        .createTable("account")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("accountId", "text", (c) => c.notNull())
        .addColumn("providerId", "text", (c) => c.notNull())
        .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
        .addColumn("accessToken", "text")
        .addColumn("refreshToken", "text")
        .addColumn("idToken", "text")
        .addColumn("accessTokenExpiresAt", sql.raw(date))
        .addColumn("refreshTokenExpiresAt", sql.raw(date))
        .addColumn("scope", "text")
        .addColumn("password", "text")
        .addColumn("createdAt", sql.raw(date), (c) => c.notNull())
        .addColumn("updatedAt", sql.raw(date), (c) => c.notNull())
        .execute();
      await db.schema.createIndex("account_user_idx").on("account").column("userId").execute();

      await db.schema
        .createTable("verification")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("identifier", "text", (c) => c.notNull())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("expiresAt", sql.raw(date), (c) => c.notNull())
        .addColumn("createdAt", sql.raw(date), (c) => c.notNull())
        .addColumn("updatedAt", sql.raw(date), (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("verification_identifier_idx")
        .on("verification")
        .column("identifier")
        .execute();

      await db.schema
        .createTable("rateLimit")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("key", "text", (c) => c.notNull().unique())
        .addColumn("count", "integer", (c) => c.notNull())
        .addColumn("lastRequest", "bigint", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("organisation")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("org_number", "text")
        .addColumn("owner_type", "text")
        .addColumn("unit_type", "text")
        .addColumn("parent_id", "text", (c) => c.references("organisation.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("archived_at", "text")
        .execute();
      await db.schema.createIndex("organisation_parent_idx").on("organisation").column("parent_id").execute();
      await db.schema
        .createIndex("organisation_kind_idx")
        .on("organisation")
        .columns(["kind", "name"])
        .execute();
      // An organisasjonsnummer identifies one eier.
      await sql`create unique index organisation_org_number_uq on organisation (org_number) where kind = 'eier'`.execute(
        db,
      );

      await db.schema
        .createTable("network_member")
        .addColumn("network_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("owner_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("network_member_pk", ["network_id", "owner_id"])
        .execute();
      await db.schema
        .createIndex("network_member_owner_idx")
        .on("network_member")
        .column("owner_id")
        .execute();

      await db.schema
        .createTable("membership")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
        .addColumn("organisation_id", "text", (c) =>
          c.notNull().references("organisation.id").onDelete("cascade"),
        )
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addUniqueConstraint("membership_uq", ["user_id", "organisation_id", "role"])
        .execute();
      await db.schema
        .createIndex("membership_org_idx")
        .on("membership")
        .columns(["organisation_id", "role"])
        .execute();

      await db.schema
        .createTable("invitation")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("name", "text")
        .addColumn("organisation_id", "text", (c) =>
          c.notNull().references("organisation.id").onDelete("cascade"),
        )
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("invited_by", "text", (c) => c.references("user.id").onDelete("set null"))
        .addColumn("locale", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("accepted_at", "text")
        .addColumn("revoked_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("invitation_org_idx").on("invitation").column("organisation_id").execute();

      await db.schema
        .createTable("audit_log")
        .addColumn("id", pg ? "bigserial" : "integer", (c) =>
          pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor_user_id", "text")
        .addColumn("tenant_id", "text")
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("entity", "text", (c) => c.notNull())
        .addColumn("entity_id", "text")
        .addColumn("details", "text")
        .execute();
      await db.schema
        .createIndex("audit_log_tenant_idx")
        .on("audit_log")
        .columns(["tenant_id", "at"])
        .execute();

      await db.schema
        .createTable("outbox")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("to_address", "text", (c) => c.notNull())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("text_body", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("sent_at", "text")
        .addColumn("error", "text")
        .execute();

      await db.schema
        .createTable("setup_token")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("app_setting")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();

      // The platform itself is an organisation so that the admin role is an ordinary membership.
      await sql`insert into organisation (id, kind, name, created_at) values ('plattform', 'plattform', 'Oppvern', ${new Date().toISOString()})`.execute(
        db,
      );
    },
  };
}

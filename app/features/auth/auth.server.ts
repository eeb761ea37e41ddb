import { betterAuth } from "better-auth";
import type { Kysely } from "kysely";
import type { Dialect } from "../../db/connect.server.ts";
import type { Database } from "../../db/schema.ts";
import type { Mailer } from "../email/mailer.server.ts";
import { buildEmail } from "../email/templates.server.ts";

export interface CreateAuthOptions {
  db: Kysely<Database>;
  dialect: Dialect;
  secret: string;
  publicUrl: string;
  mailer: Mailer;
  /** Attempts per minute per client address on the login endpoint. */
  loginAttemptsPerMinute?: number;
}

const localeOf = (user: object) => ("locale" in user && typeof user.locale === "string" ? user.locale : "nb");

/**
 * better-auth owns passwords (scrypt), sessions (stored in the database, HttpOnly cookie),
 * email verification, password reset and rate limiting. Our roles live in `membership`.
 */
export function createAuth(options: CreateAuthOptions) {
  const secure = options.publicUrl.startsWith("https://");
  return betterAuth({
    appName: "Oppvern",
    baseURL: options.publicUrl,
    basePath: "/api/auth",
    secret: options.secret,
    trustedOrigins: [options.publicUrl],
    database: { db: options.db, type: options.dialect },
    telemetry: { enabled: false },
    user: {
      additionalFields: { locale: { type: "string", required: false, input: true } },
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 200,
      requireEmailVerification: true,
      autoSignIn: false,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      async sendResetPassword({ user, token }) {
        const url = `${options.publicUrl}/nytt-passord?token=${encodeURIComponent(token)}`;
        await options.mailer.send(
          buildEmail("reset", localeOf(user), { to: user.email, url, name: user.name }),
        );
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      expiresIn: 60 * 60 * 24,
      async sendVerificationEmail({ user, token }) {
        const url = `${options.publicUrl}/bekreft-epost?token=${encodeURIComponent(token)}`;
        await options.mailer.send(
          buildEmail("verify", localeOf(user), { to: user.email, url, name: user.name }),
        );
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 200,
      customRules: {
        "/sign-in/email": { window: 60, max: options.loginAttemptsPerMinute ?? 5 },
        "/request-password-reset": { window: 60, max: 5 },
        "/sign-up/email": { window: 60, max: 10 },
      },
    },
    advanced: {
      cookiePrefix: "oppvern",
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure },
      ipAddress: { ipAddressHeaders: ["x-oppvern-client-ip"] },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

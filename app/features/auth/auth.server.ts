import type { Kysely } from "kysely";
import type { Dialect } from "../../db/connect.server.ts";
import type { Database } from "../../db/schema.ts";
import type { Mailer } from "../email/mailer.server.ts";
import { buildEmail } from "../email/templates.server.ts";
import { recordSignIn } from "./inactive-accounts.server.ts";
import { genericOAuthConfig, type SsoProviderConfig } from "./sso.server.ts";

export interface CreateAuthOptions {
  db: Kysely<Database>;
  dialect: Dialect;
  secret: string;
  publicUrl: string;
  mailer: Mailer;
  /** Attempts per minute per client address on the login endpoint. */
  loginAttemptsPerMinute?: number;
  /** OpenID Connect providers (Feide, Entra ID) configured by the operator; none by default. */
  sso?: SsoProviderConfig[];
}

const localeOf = (user: object) => ("locale" in user && typeof user.locale === "string" ? user.locale : "nb");

/**
 * better-auth owns passwords (scrypt), sessions (stored in the database, HttpOnly cookie),
 * email verification, password reset and rate limiting. Our roles live in `membership`.
 *
 * Loading better-auth takes about 0.4 s, a third of the process's start, and most requests do
 * not need it (a public page, the health check, a signed-in request whose session the fast reader
 * answers). So it is loaded on first use: see `lazyAuth`.
 */
export async function createAuth(options: CreateAuthOptions) {
  const secure = options.publicUrl.startsWith("https://");
  const { betterAuth } = await import("better-auth");
  const { APIError } = await import("better-auth/api");
  const sso = options.sso ?? [];
  const plugins = [];
  if (sso.length > 0) {
    const { genericOAuth } = await import("better-auth/plugins/generic-oauth");
    plugins.push(genericOAuth({ config: sso.map((p) => genericOAuthConfig(p, options.publicUrl)) }));
  }
  return betterAuth({
    appName: "Oppvern",
    baseURL: options.publicUrl,
    basePath: "/api/auth",
    secret: options.secret,
    trustedOrigins: [options.publicUrl],
    database: { db: options.db, type: options.dialect },
    telemetry: { enabled: false },
    plugins,
    // A failed single sign-on lands on the login page, which says what went wrong (sso.server.ts).
    onAPIError: { errorURL: `${options.publicUrl}/logg-inn` },
    user: {
      additionalFields: { locale: { type: "string", required: false, input: true } },
    },
    account: {
      // Linking needs a proven address on both sides: ours (requireLocalEmailVerified, the default)
      // and the provider's; no provider is trusted without it.
      accountLinking: { enabled: true, trustedProviders: [], requireLocalEmailVerified: true },
      encryptOAuthTokens: true,
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
    // Every new session is a sign-in: the course account is in use (inactive-accounts.server.ts).
    databaseHooks: {
      user: {
        create: {
          // Single sign-on makes an account only for an e-mail address the provider (or the
          // operator) vouches for (decision 023); linking to an existing account needs the same,
          // which better-auth checks itself (no provider is trusted without it).
          async before(user, ctx) {
            if (ctx?.path?.startsWith("/callback") && user.emailVerified !== true) {
              throw new APIError("FORBIDDEN", { code: "email_not_verified", message: "email_not_verified" });
            }
          },
        },
      },
      session: {
        create: {
          async after(session) {
            await recordSignIn(options.db, session.userId);
          },
        },
      },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 200,
      customRules: {
        "/sign-in/email": { window: 60, max: options.loginAttemptsPerMinute ?? 5 },
        // Starting a single sign-on guesses no password; a school's staff share one address.
        "/sign-in/social": { window: 60, max: Math.max(120, options.loginAttemptsPerMinute ?? 0) },
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

export type Auth = Awaited<ReturnType<typeof createAuth>>;

/** better-auth, created on first use and then kept: every caller gets the same instance. */
export function lazyAuth(options: CreateAuthOptions): () => Promise<Auth> {
  let auth: Promise<Auth> | null = null;
  return () => {
    auth ??= createAuth(options).catch((error: unknown) => {
      auth = null; // try again on the next request
      throw error;
    });
    return auth;
  };
}

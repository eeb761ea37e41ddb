import type { MessageKey } from "../../i18n/translate.ts";
import type { AppServices } from "../../lib/services.ts";
import { postToAuth } from "./sign-in.server.ts";

/** The identity providers Oppvern knows; each is switched on by its own environment variables. */
export const SSO_PROVIDERS = ["feide", "entra"] as const;
export type SsoProviderId = (typeof SSO_PROVIDERS)[number];

/** One provider as the operator configured it (decision 023). */
export interface SsoProviderConfig {
  id: SsoProviderId;
  /** The issuer; discovery is read from `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * The operator vouches that every e-mail address this provider gives is the person's own (an
   * organisation's directory, as Feide and a single-tenant Entra ID are). Otherwise the provider's
   * own `email_verified` claim decides.
   */
  trustEmail: boolean;
}

const ENV_PREFIX: Record<SsoProviderId, string> = { feide: "OIDC_FEIDE", entra: "OIDC_ENTRA" };

/**
 * Reads `OIDC_<PROVIDER>_ISSUER`, `_CLIENT_ID`, `_CLIENT_SECRET` and `_TRUST_EMAIL`. A provider with
 * none of them is off; one with only some of them stops the start, so a typo is not silently a
 * missing button.
 */
export function ssoProvidersFromEnv(env: NodeJS.ProcessEnv): SsoProviderConfig[] {
  const providers: SsoProviderConfig[] = [];
  for (const id of SSO_PROVIDERS) {
    const prefix = ENV_PREFIX[id];
    const issuer = env[`${prefix}_ISSUER`]?.trim() ?? "";
    const clientId = env[`${prefix}_CLIENT_ID`]?.trim() ?? "";
    const clientSecret = env[`${prefix}_CLIENT_SECRET`]?.trim() ?? "";
    if (!issuer && !clientId && !clientSecret) continue;
    const missing = [
      ["ISSUER", issuer],
      ["CLIENT_ID", clientId],
      ["CLIENT_SECRET", clientSecret],
    ]
      .filter(([, value]) => !value)
      .map(([name]) => `${prefix}_${name}`);
    if (missing.length > 0)
      throw new Error(`Single sign-on for ${id} is half configured: set ${missing.join(", ")}`);
    if (!/^https?:\/\//.test(issuer)) throw new Error(`${prefix}_ISSUER must be an http(s) URL`);
    providers.push({
      id,
      issuer: issuer.replace(/\/$/, ""),
      clientId,
      clientSecret,
      trustEmail: env[`${prefix}_TRUST_EMAIL`] === "1",
    });
  }
  return providers;
}

/** Where the provider sends the browser back; the operator registers exactly this at the provider. */
export const ssoRedirectUri = (publicUrl: string, id: SsoProviderId) =>
  `${publicUrl}/logg-inn/sso/${id}/tilbake`;

/** better-auth's generic OAuth settings for one provider (discovery, PKCE, state and nonce are its own). */
export function genericOAuthConfig(provider: SsoProviderConfig, publicUrl: string) {
  return {
    providerId: provider.id,
    discoveryUrl: `${provider.issuer}/.well-known/openid-configuration`,
    requireIdTokenVerification: true,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    scopes: ["openid", "email", "profile"],
    pkce: true,
    redirectURI: ssoRedirectUri(publicUrl, provider.id),
    // A Feide or Entra ID account never changes the Oppvern account's name or address.
    overrideUserInfo: false,
    mapProfileToUser(profile: Record<string, unknown>) {
      const email = typeof profile.email === "string" ? profile.email.trim().toLowerCase() : undefined;
      const claimed = profile.email_verified === true || profile.email_verified === "true";
      const name = typeof profile.name === "string" && profile.name.trim() ? profile.name.trim() : email;
      return { email, name, emailVerified: Boolean(email) && (provider.trustEmail || claimed) };
    },
  };
}

export const isSsoProvider = (services: Pick<AppServices, "config">, id: string | undefined) =>
  services.config.sso.some((p) => p.id === id);

/**
 * Starts a sign-in at the provider: better-auth makes the state (kept in the database and bound
 * to this browser by a cookie), the PKCE verifier and the nonce, and answers the provider's address.
 */
export async function startSso(
  services: Pick<AppServices, "auth" | "config">,
  options: { provider: SsoProviderId; next: string; ip: string },
): Promise<{ ok: true; url: string; cookies: string[] } | { ok: false; reason: "rate-limited" | "failed" }> {
  const response = await postToAuth(
    services,
    "/sign-in/social",
    {
      provider: options.provider,
      callbackURL: options.next,
      errorCallbackURL: `/logg-inn?neste=${encodeURIComponent(options.next)}`,
      disableRedirect: true,
    },
    options.ip,
  );
  if (response.status === 429) return { ok: false, reason: "rate-limited" };
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  if (!response.ok || !body.url) return { ok: false, reason: "failed" };
  return { ok: true, url: body.url, cookies: response.headers.getSetCookie() };
}

/**
 * The provider's answer, handed to better-auth's callback: it checks the state against this
 * browser's cookie, exchanges the code with the PKCE verifier, verifies the ID token (signature,
 * issuer, audience, nonce), links or creates the account and starts the session.
 */
export async function finishSso(
  services: Pick<AppServices, "auth" | "config">,
  options: { provider: SsoProviderId; search: string; cookie: string; ip: string },
): Promise<{ location: string; cookies: string[] }> {
  const { publicUrl } = services.config;
  const response = await (await services.auth()).handler(
    new Request(new URL(`/api/auth/callback/${options.provider}${options.search}`, publicUrl), {
      headers: { cookie: options.cookie, "x-oppvern-client-ip": options.ip },
      redirect: "manual",
    }),
  );
  const location = response.headers.get("location");
  return {
    location: location ? sameSiteLocation(location, publicUrl) : "/logg-inn?error=sso_failed",
    cookies: response.headers.getSetCookie(),
  };
}

/** better-auth answers with absolute or relative addresses; only our own site is followed. */
function sameSiteLocation(location: string, publicUrl: string): string {
  const url = new URL(location, publicUrl);
  if (url.origin !== new URL(publicUrl).origin) return "/logg-inn?error=sso_failed";
  return url.pathname + url.search;
}

/** The words for an error code better-auth (or the provider) put on the way back to the login page. */
export function ssoErrorMessage(code: string | null): MessageKey | null {
  if (!code) return null;
  switch (code) {
    case "email_not_verified":
      return "sso.error.unverified";
    case "email_not_found":
      return "sso.error.noEmail";
    case "account_not_linked":
      return "sso.error.notLinked";
    case "state_mismatch":
    case "state_not_found":
    case "state_expired":
    case "state_security_mismatch":
    case "invalid_callback_request":
    case "please_restart_the_process":
      return "sso.error.state";
    case "rate_limited":
      return "login.rateLimitedShort";
    case "access_denied":
    case "login_required":
    case "consent_required":
    case "interaction_required":
    case "unauthorized_client":
      return "sso.error.refused";
    default:
      return "sso.error.generic";
  }
}

import type { AppServices } from "../../lib/services.ts";

type AuthServices = Pick<AppServices, "auth" | "config">;

/**
 * Calls one of better-auth's HTTP endpoints (not its direct API) so that its rate limiter
 * counts the attempt per client address.
 */
export async function postToAuth(services: AuthServices, endpoint: string, body: unknown, ip: string) {
  const { publicUrl } = services.config;
  return (await services.auth()).handler(
    new Request(new URL(`/api/auth${endpoint}`, publicUrl), {
      method: "POST",
      headers: { "content-type": "application/json", origin: publicUrl, "x-oppvern-client-ip": ip },
      body: JSON.stringify(body),
    }),
  );
}

export type SignInResult =
  | { ok: true; cookies: string[] }
  | { ok: false; reason: "invalid" | "unverified" | "rate-limited"; retryAfter?: number };

export async function signIn(
  services: AuthServices,
  options: { email: string; password: string; ip: string },
): Promise<SignInResult> {
  const response = await postToAuth(
    services,
    "/sign-in/email",
    { email: options.email, password: options.password, rememberMe: true },
    options.ip,
  );
  if (response.ok) return { ok: true, cookies: response.headers.getSetCookie() };
  if (response.status === 429) {
    return {
      ok: false,
      reason: "rate-limited",
      retryAfter: Number(response.headers.get("x-retry-after") ?? 60),
    };
  }
  const body = (await response.json().catch(() => ({}))) as { code?: string };
  return { ok: false, reason: body.code === "EMAIL_NOT_VERIFIED" ? "unverified" : "invalid" };
}

export type SignUpResult = { ok: true } | { ok: false; reason: "taken" | "rate-limited" | "rejected" };

/** Creates an unverified account; better-auth sends the verification email. */
export async function signUp(
  services: AuthServices,
  options: { name: string; email: string; password: string; locale: string; ip: string },
): Promise<SignUpResult> {
  const response = await postToAuth(
    services,
    "/sign-up/email",
    { name: options.name, email: options.email, password: options.password, locale: options.locale },
    options.ip,
  );
  if (response.ok) return { ok: true };
  if (response.status === 429) return { ok: false, reason: "rate-limited" };
  const body = (await response.json().catch(() => ({}))) as { code?: string };
  return { ok: false, reason: body.code?.includes("EXIST") ? "taken" : "rejected" };
}

/** Asks for a reset link; answers the same whether or not the account exists. */
export async function requestPasswordReset(services: AuthServices, options: { email: string; ip: string }) {
  const response = await postToAuth(
    services,
    "/request-password-reset",
    { email: options.email },
    options.ip,
  );
  return response.status === 429 ? ("rate-limited" as const) : ("sent" as const);
}

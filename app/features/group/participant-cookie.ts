import { cookieValue } from "../../lib/cookies.ts";

export const PARTICIPANT_COOKIE = "oppvern_delta";

/** "<sessionId>.<token>": one phone takes part in one session at a time. */
export function readParticipantCookie(request: Request, sessionId: string): string | null {
  const found = participantTokens(request.headers.get("cookie"));
  return found?.sessionId === sessionId ? found.token : null;
}

/** The session and token a phone's cookie names, from a raw Cookie header. */
export function participantTokens(
  cookieHeader: string | null | undefined,
): { sessionId: string; token: string } | null {
  const value = cookieValue(cookieHeader ?? null, PARTICIPANT_COOKIE);
  const [sessionId, token] = value?.split(".") ?? [];
  return sessionId && token ? { sessionId, token } : null;
}

export const participantCookie = (sessionId: string, token: string) =>
  `${PARTICIPANT_COOKIE}=${sessionId}.${token}; Path=/delta; Max-Age=43200; HttpOnly; SameSite=Lax`;

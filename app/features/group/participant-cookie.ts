import { cookieValue } from "../../i18n/locales.ts";

export const PARTICIPANT_COOKIE = "oppvern_delta";

/** "<sessionId>.<token>": one phone takes part in one session at a time. */
export function readParticipantCookie(request: Request, sessionId: string): string | null {
  return participantToken(request.headers.get("cookie"), sessionId);
}

/** The same, from a raw Cookie header. */
export function participantToken(cookieHeader: string | null | undefined, sessionId: string): string | null {
  const value = cookieValue(cookieHeader ?? null, PARTICIPANT_COOKIE);
  if (!value) return null;
  const [id, token] = value.split(".");
  return id === sessionId && token ? token : null;
}

export const participantCookie = (sessionId: string, token: string) =>
  `${PARTICIPANT_COOKIE}=${sessionId}.${token}; Path=/delta; Max-Age=43200; HttpOnly; SameSite=Lax`;

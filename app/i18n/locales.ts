import { cookieValue } from "../lib/cookies.ts";

export const locales = ["nb", "nn", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "nb";
export const LOCALE_COOKIE = "oppvern_lang";

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (locales as readonly string[]).includes(value);

/**
 * `?lang=` wins and is remembered; then the cookie; then the user's profile; then bokmål.
 * Returns whether the choice came from the query so the caller can remember it.
 */
/** A stored or sent language if it is one of ours, else bokmål (a recipient's profile, a page's data). */
export const localeOr = (value: unknown): Locale => (isLocale(value) ? value : defaultLocale);

export function resolveLocale(
  request: Request,
  profileLocale?: string | null,
): { locale: Locale; fromQuery: boolean } {
  const query = new URL(request.url).searchParams.get("lang");
  if (isLocale(query)) return { locale: query, fromQuery: true };
  const cookie = cookieValue(request.headers.get("cookie"), LOCALE_COOKIE);
  if (isLocale(cookie)) return { locale: cookie, fromQuery: false };
  if (isLocale(profileLocale)) return { locale: profileLocale, fromQuery: false };
  return { locale: defaultLocale, fromQuery: false };
}

export const localeCookie = (locale: Locale) =>
  `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;

import { localeOr } from "../i18n/locales.ts";
import { createT, type MessageKey } from "../i18n/translate.ts";

interface MatchLike {
  loaderData?: unknown;
}

/** A page title written in the user's language: "<what write gives> – Oppvern". */
export function titleOf(
  matches: readonly (MatchLike | undefined)[],
  write: (t: ReturnType<typeof createT>) => string,
) {
  const locale = (matches[0]?.loaderData as { locale?: unknown } | undefined)?.locale;
  return [{ title: `${write(createT(localeOr(locale)))} – Oppvern` }];
}

/** The page title in the user's language: "<page> – Oppvern". */
export const pageTitle = (matches: readonly (MatchLike | undefined)[], key: MessageKey) =>
  titleOf(matches, (t) => t(key));

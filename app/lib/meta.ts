import { localeOr } from "../i18n/locales.ts";
import { createT, type MessageKey } from "../i18n/translate.ts";

interface MatchLike {
  loaderData?: unknown;
}

/** The page title in the user's language: "<page> – Oppvern". */
export function pageTitle(matches: readonly (MatchLike | undefined)[], key: MessageKey) {
  const locale = (matches[0]?.loaderData as { locale?: unknown } | undefined)?.locale;
  const t = createT(localeOr(locale));
  return [{ title: `${t(key)} – Oppvern` }];
}

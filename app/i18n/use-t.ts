import { useRouteLoaderData } from "react-router";
import { defaultLocale, type Locale } from "./locales.ts";
import { createT } from "./translate.ts";

export function useLocale(): Locale {
  const root = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return root?.locale ?? defaultLocale;
}

/**
 * The language of the written content (courses, the personal-data guide, the question bank) where
 * it differs from the page's: English readers get the bokmål text, so it is marked `lang="nb"` for
 * their screen reader (WCAG 3.1.2). Undefined when the content is in the page's language.
 */
export function useContentLang(): "nb" | undefined {
  return useLocale() === "en" ? "nb" : undefined;
}

export function useT() {
  return createT(useLocale());
}

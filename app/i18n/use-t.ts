import { useRouteLoaderData } from "react-router";
import { defaultLocale, type Locale } from "./locales.ts";
import { createT } from "./translate.ts";

export function useLocale(): Locale {
  const root = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return root?.locale ?? defaultLocale;
}

export function useT() {
  return createT(useLocale());
}

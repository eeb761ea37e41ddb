import { catalogues } from "./catalogues.ts";
import type { Locale } from "./locales.ts";
import type { nb } from "./messages/nb.ts";

export type MessageKey = keyof typeof nb;
export type Messages = Record<MessageKey, string>;
export type TFunction = (key: MessageKey, vars?: Record<string, string | number>) => string;

export { catalogues };

export function createT(locale: Locale): TFunction {
  const fallback = catalogues.nb as Messages;
  const messages = catalogues[locale] ?? fallback;
  return (key, vars) => {
    const text = messages[key] ?? fallback[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
  };
}

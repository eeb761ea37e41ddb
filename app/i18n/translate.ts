import type { Locale } from "./locales.ts";
import { en } from "./messages/en.ts";
import { nb } from "./messages/nb.ts";
import { nn } from "./messages/nn.ts";

export type MessageKey = keyof typeof nb;
export type Messages = Record<MessageKey, string>;
export type TFunction = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const catalogues: Record<Locale, Messages> = { nb, nn, en };

export function createT(locale: Locale): TFunction {
  const messages = catalogues[locale];
  return (key, vars) => {
    const text = messages[key] ?? nb[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
  };
}

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

/** The stem of every message said differently by count: `group.attendanceSaved` for `group.attendanceSaved.other`. */
export type CountedKey = MessageKey extends infer K
  ? K extends `${infer Stem}.other`
    ? Stem
    : never
  : never;

/**
 * The message for a count: `.one` for 1 and `.other` for the rest (bokmål, nynorsk and English agree
 * on that), and `.none` for 0 where the catalogue has one («ingen er krysset av»).
 */
export function countKey(stem: CountedKey, count: number): MessageKey {
  const none = `${stem}.none`;
  if (count === 0 && none in catalogues.nb) return none as MessageKey;
  return `${stem}.${count === 1 ? "one" : "other"}` as MessageKey;
}

export const nowIso = () => new Date().toISOString();

export const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar date ("2027-01-31") as people write it: "31. januar 2027" in bokmål and nynorsk,
 * "31 January 2027" in English. Anything that is not such a date is returned as it is.
 */
export function formatDate(isoDate: string, locale: "nb" | "nn" | "en"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : `${locale}-NO`, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    dateFormats.set(locale, format);
  }
  return format.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

export const nowIso = () => new Date().toISOString();

export const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

type Lang = "nb" | "nn" | "en";
const formats = new Map<string, Intl.DateTimeFormat>();

/** A date format in the reader's language ("31. januar 2027" / "31 January 2027"), made once. */
function languageFormat(locale: Lang, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}${withTime ? "+time" : ""}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : `${locale}-NO`, {
      day: "numeric",
      month: "long",
      year: "numeric",
      // A calendar date is the same day everywhere; a moment is read in Norwegian time.
      ...(withTime ? { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Oslo" } : { timeZone: "UTC" }),
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * A calendar date ("2027-01-31") as people write it: "31. januar 2027" in bokmål and nynorsk,
 * "31 January 2027" in English. Anything that is not such a date is returned as it is.
 */
export function formatDate(isoDate: string, locale: Lang): string {
  const key = `${locale}|${isoDate}`;
  const known = writtenDates.get(key);
  if (known !== undefined) return known;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const written = languageFormat(locale, false).format(
    Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])),
  );
  // A list repeats the same few dates (due dates, deadlines), and Intl's format is the costly part.
  if (writtenDates.size >= 5_000) writtenDates.clear();
  writtenDates.set(key, written);
  return written;
}

const writtenDates = new Map<string, string>();

/** A moment as people in Norway read it: "3. desember 2026 kl. 14:05" (Norwegian time). */
export const formatMoment = (iso: string, locale: Lang): string =>
  languageFormat(locale, true).format(new Date(iso));

const shortMoments = new Map<Lang, Intl.DateTimeFormat>();

/** A moment in few characters, in Norwegian time: "04.12.2026, 22:10" ("04/12/2026, 22:10" in English). */
export function formatShortMoment(iso: string, locale: Lang): string {
  let format = shortMoments.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : `${locale}-NO`, {
      dateStyle: "short",
      timeStyle: "short",
      timeZone: "Europe/Oslo",
    });
    shortMoments.set(locale, format);
  }
  return format.format(new Date(iso));
}

// Swedish writes dates and times as ISO does: "2026-12-03", "2026-12-03 10:03".
const norwegianDay = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" });
const norwegianMinute = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** The date in Norway (YYYY-MM-DD) at a moment, today by default. */
export const dayInNorway = (at: number | string = Date.now()) =>
  norwegianDay.format(typeof at === "string" ? Date.parse(at) : at);

/** A moment as Norwegian time to the minute, "2026-12-03 10:03": it sorts as text. */
export const minuteInNorway = (iso: string) => norwegianMinute.format(Date.parse(iso));

/**
 * The moment a day (YYYY-MM-DD) begins in Norway, `plusDays` later, as an ISO time in UTC: the
 * day's midnight in UTC, moved back by Norway's offset from UTC at that time (one or two hours).
 */
export function norwegianMidnight(day: string, plusDays = 0): string {
  const [y, m, d] = day.split("-").map(Number);
  const utcMidnight = Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + plusDays);
  // Norway's clock at UTC noon of that day (clock changes happen at night, never near noon).
  const noon = utcMidnight + 12 * HOUR;
  const hour = Number(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Oslo", hour: "2-digit", hourCycle: "h23" }).format(
      noon,
    ),
  );
  return new Date(utcMidnight - (hour - 12) * HOUR).toISOString();
}

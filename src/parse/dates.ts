// Reads written-out calendar dates ("August 26, 2014", "mardi 26 août 2014") in any of several locales, with luxon.
import { DateTime, Info } from "luxon";

/** Locales whose Blogger date headers are recognised (day and month names come from luxon's Intl data). */
export const CHROME_LOCALES = ["en", "fr", "de", "es", "it", "pt", "nl", "ca", "da", "sv", "nb", "fi", "pl", "cs", "ro", "hu", "tr", "id"] as const;

interface NameTables {
  months: Map<string, number>;
  weekdays: Map<string, number>;
}

const tables = new Map<string, NameTables>();

/** Month and weekday names (long, short, standalone and format forms) of one locale, lower-cased and without dots. */
function namesFor(locale: string): NameTables {
  let t = tables.get(locale);
  if (t) return t;
  const months = new Map<string, number>();
  const weekdays = new Map<string, number>();
  for (const width of ["long", "short"] as const) {
    for (const list of [Info.months(width, { locale }), Info.monthsFormat(width, { locale })]) {
      list.forEach((name, i) => months.set(token(name), i + 1));
    }
    for (const list of [Info.weekdays(width, { locale }), Info.weekdaysFormat(width, { locale })]) {
      list.forEach((name, i) => weekdays.set(token(name), i + 1));
    }
  }
  if (locale === "en") months.set("sept", 9);
  t = { months, weekdays };
  tables.set(locale, t);
  return t;
}

function token(word: string): string {
  return word.toLocaleLowerCase().normalize("NFC").replace(/\.$/, "");
}

/** Little words that join a written date in some languages ("26 de agosto de 2014", "26. August"). */
const FILLERS = new Set(["de", "del", "den", "der", "le", "la", "el", "the", "of", "d"]);

/** A year's digits somewhere in a line; normalising and lower-casing the line never make ASCII digits. */
const FOUR_DIGITS = /\d{4}/;

/** A date read from a line: the calendar date, and whether a weekday name was written. */
export interface WrittenDate {
  iso: string;
  hasWeekday: boolean;
  locale: string;
}

/**
 * Reads a line that is nothing but a written date in one of `locales`, or returns null.
 * `invalid` is returned when the words form a date that does not exist (February 30).
 */
export function readWrittenDate(line: string, locales: readonly string[]): WrittenDate | "invalid" | null {
  // Every date read has a four-digit year: most lines tested (headings, places, body lines) have none.
  if (!FOUR_DIGITS.test(line)) return null;
  const words = line
    .normalize("NFC")
    .toLocaleLowerCase()
    .split(/[\s,.\u00a0]+|(?<=\d)(?:st|nd|rd|th)\b/)
    .filter((w) => w.length > 0 && !/^[\u200b\u200e\u200f]+$/.test(w));
  if (words.length < 3 || words.length > 7) return null;
  for (const locale of locales) {
    const { months, weekdays } = namesFor(locale);
    let year: number | undefined;
    let month: number | undefined;
    let day: number | undefined;
    let weekday: number | undefined;
    let ok = true;
    for (const w of words) {
      if (/^\d{4}$/.test(w) && year === undefined) year = Number(w);
      else if (/^\d{1,2}$/.test(w) && day === undefined) day = Number(w);
      else if (months.has(w) && month === undefined) month = months.get(w);
      else if (weekdays.has(w) && weekday === undefined) weekday = weekdays.get(w);
      else if (!FILLERS.has(w)) {
        ok = false;
        break;
      }
    }
    if (!ok || year === undefined || month === undefined || day === undefined) continue;
    // A calendar date is valid or not whatever the zone; UTC avoids luxon's costly zone-offset lookups.
    const dt = DateTime.fromObject({ year, month, day }, { zone: "utc" });
    if (!dt.isValid) return "invalid";
    return { iso: dt.toISODate()!, hasWeekday: weekday !== undefined, locale };
  }
  return null;
}

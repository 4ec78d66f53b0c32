// Reads written-out calendar dates ("August 26, 2014", "mardi 26 août 2014") in any of several locales, with luxon.
import { Info } from "luxon";

/** Locales whose Blogger date headers are recognised (day and month names come from luxon's Intl data). */
export const CHROME_LOCALES = ["en", "fr", "de", "es", "it", "pt", "nl", "ca", "da", "sv", "nb", "fi", "pl", "cs", "ro", "hu", "tr", "id"] as const;

interface NameTables {
  months: Map<string, number>;
  weekdays: Map<string, number>;
}

/** Each locale's names, built from luxon the first time a line could be a date in that locale. */
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
/** Where a line breaks into words: spaces, commas and dots, and the ordinal suffix of a day ("26th"). */
const WORD_BREAK = /[\s,.\u00a0]+|(?<=\d)(?:st|nd|rd|th)\b/;
const INVISIBLE_ONLY = /^[\u200b\u200e\u200f]+$/;
const YEAR_WORD = /^\d{4}$/;
const DAY_WORD = /^\d{1,2}$/;
/** Days of each month in a common year; February gains a day in leap years. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar, as luxon counts them. */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

/** A date as luxon's `toISODate` writes a year from 0 to 9999: `YYYY-MM-DD`. */
function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

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
    .split(WORD_BREAK)
    .filter((w) => w.length > 0 && !INVISIBLE_ONLY.test(w));
  if (words.length < 3 || words.length > 7) return null;
  // In every locale the year and the day are the first four-digit and the first one- or two-digit words, and each
  // other word is the month, the weekday or a little word. So a line without a year or a day, or with more than two
  // other words that are not little words, is no date in any locale: no locale's names need be looked up (or built).
  let year: number | undefined;
  let day: number | undefined;
  const named: string[] = [];
  let notFillers = 0;
  for (const w of words) {
    if (year === undefined && YEAR_WORD.test(w)) year = Number(w);
    else if (day === undefined && DAY_WORD.test(w)) day = Number(w);
    else {
      named.push(w);
      if (!FILLERS.has(w)) notFillers++;
    }
  }
  if (year === undefined || day === undefined || notFillers > 2) return null;
  for (const locale of locales) {
    const { months, weekdays } = namesFor(locale);
    let month: number | undefined;
    let weekday: number | undefined;
    let ok = true;
    for (const w of named) {
      if (month === undefined && months.has(w)) month = months.get(w);
      else if (weekday === undefined && weekdays.has(w)) weekday = weekdays.get(w);
      else if (!FILLERS.has(w)) {
        ok = false;
        break;
      }
    }
    if (!ok || month === undefined) continue;
    // Plain calendar arithmetic, not a luxon DateTime: the same validity and ISO text, at a fraction of the cost.
    if (day < 1 || day > daysInMonth(year, month)) return "invalid";
    return { iso: isoDate(year, month, day), hasWeekday: weekday !== undefined, locale };
  }
  return null;
}

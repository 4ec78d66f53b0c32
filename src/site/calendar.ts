// A month as a calendar grid (weeks of seven days, Sunday first) with each day's release count, link and heat-map shade.
import { DateTime } from "luxon";
import { bucket } from "./charts/palette.ts";

/** One cell of the grid: a day of the month, or null for the days before the 1st and after the last. */
export interface CalendarDay {
  day: number;
  /** `2014-08-26`. */
  date: string;
  count: number;
  /** Where that day's releases are listed (a page of the month and an anchor), when there are any. */
  url: string | null;
  /** The day's shade on the month's heat map: 0 without releases, else 1 (fewest) to 6 (the month's busiest day). */
  level: number;
}

/** Weeks (rows of seven cells) of `year`-`month`; `links` maps a `YYYY-MM-DD` date to its count and link. */
export function calendarWeeks(year: string, month: string, links: ReadonlyMap<string, { count: number; url: string }>): (CalendarDay | null)[][] {
  const first = DateTime.fromObject({ year: Number(year), month: Number(month), day: 1 }, { zone: "UTC" });
  if (!first.isValid) throw new Error(`Not a month: ${year}-${month}`);
  const cells: (CalendarDay | null)[] = [];
  // luxon's weekday: Monday 1 … Sunday 7; the grid starts on Sunday, as U.S. calendars do.
  for (let i = 0; i < first.weekday % 7; i++) cells.push(null);
  const days: CalendarDay[] = [];
  for (let day = 1; day <= first.daysInMonth!; day++) {
    const date = `${year}-${month}-${String(day).padStart(2, "0")}`;
    const link = links.get(date);
    days.push({ day, date, count: link?.count ?? 0, url: link?.url ?? null, level: 0 });
  }
  // Shades are relative to the month's busiest day, on the charts' log scale (src/site/charts/palette.ts).
  const max = days.reduce((m, d) => Math.max(m, d.count), 0);
  for (const d of days) d.level = bucket(d.count, max);
  cells.push(...days);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

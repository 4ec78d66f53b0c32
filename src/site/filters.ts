// Eleventy plugin: the template filters (dates, bylines, counts, the releases.json export), each a pure function.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { DateTime } from "luxon";
import { releaseUrl } from "../emit/id.ts";
import type { FrontMatter, Person } from "../model/release.ts";
import type { ReleaseItem } from "./collections.ts";

/** The Department publishes from Washington: a release's calendar date is read in this zone. */
export const ZONE = "America/New_York";
/** Fixed so the output never depends on the machine's locale. */
const LOCALE = "en-US";

function calendarDate(iso: string): DateTime {
  const date = DateTime.fromISO(iso, { zone: ZONE, locale: LOCALE });
  if (!date.isValid) throw new Error(`Not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  return date;
}

/**
 * Remembers a date formatter's results: luxon's zone arithmetic costs about 0.1 ms a call, every release is
 * listed on several pages, and an archive has only a few thousand distinct days.
 */
function memoize(format: (iso: string) => string): (iso: string) => string {
  const seen = new Map<string, string>();
  return (iso) => {
    let text = seen.get(iso);
    if (text === undefined) seen.set(iso, (text = format(iso)));
    return text;
  };
}

const formatDay = memoize((iso) => calendarDate(iso).toFormat("LLLL d, yyyy"));
const formatMonth = memoize((iso) => calendarDate(iso).toFormat("LLLL yyyy"));

/** `2014-08-26` → `August 26, 2014` (luxon tokens: https://moment.github.io/luxon/#/formatting?id=table-of-tokens). */
export function readableDate(iso: string): string {
  return formatDay(iso);
}

/** `2014`, `08` → `August 2014`. */
export function monthLabel(year: string, month: string): string {
  return formatMonth(`${year}-${month}-01`);
}

/** `1 release`, `2 releases`. */
export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** `Antony J. Blinken, Secretary of State`, or the name alone when no title is known. */
export function personLabel(person: Person): string {
  return person.title ? `${person.name}, ${person.title}` : person.name;
}

/** Who a release is from, for lists: its office, else its speakers' names, else an empty string. */
export function byline(release: Pick<FrontMatter, "office" | "speakers">): string {
  if (release.office) return release.office;
  return release.speakers.map((s) => s.name).join(", ");
}

/** The first `n` items (Nunjucks' own `slice` splits into groups, it does not truncate). */
export function head<T>(items: readonly T[], n: number): T[] {
  return items.slice(0, n);
}

/** One record of `/releases.json`. The field names are part of the site's public interface. */
export interface ReleaseRecord {
  id: string;
  url: string;
  title: string;
  date: string;
  type: string | null;
  office: string | null;
  speakers: Person[];
  source: { path: string };
}

/** The record of one release in `/releases.json`. */
export function releaseRecord(data: FrontMatter): ReleaseRecord {
  return {
    id: data.id,
    url: releaseUrl(data.id),
    title: data.title,
    date: data.date,
    type: data.type,
    office: data.office,
    speakers: data.speakers.map((s) => ({ name: s.name, title: s.title })),
    source: { path: data.source.path },
  };
}

/**
 * `/releases.json`: every release, in the collection's order (newest first, then id). One record per line keeps
 * the file small at 100k releases and still readable in a diff.
 */
export function releasesJson(releases: readonly ReleaseItem[]): string {
  if (releases.length === 0) return "[]\n";
  return `[\n${releases.map((r) => JSON.stringify(releaseRecord(r.data))).join(",\n")}\n]\n`;
}

/** Adds every filter above under its own name. */
export default function filtersPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addFilter("readableDate", readableDate);
  eleventyConfig.addFilter("monthLabel", monthLabel);
  eleventyConfig.addFilter("countLabel", countLabel);
  eleventyConfig.addFilter("personLabel", personLabel);
  eleventyConfig.addFilter("byline", byline);
  eleventyConfig.addFilter("head", head);
  eleventyConfig.addFilter("releaseUrl", releaseUrl);
  eleventyConfig.addFilter("releasesJson", releasesJson);
}

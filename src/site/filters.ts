// Eleventy plugin: the template filters (dates, bylines, links under the path prefix, facets, citations, metadata, feeds, data files).
import type UserConfig from "@11ty/eleventy/UserConfig";
import { DateTime } from "luxon";
import { releaseUrl } from "../emit/id.ts";
import { countryName } from "../extract/countries.ts";
import type { FrontMatter, Person } from "../model/release.ts";
import { summary } from "./body.ts";
import type { Citations } from "./citations.ts";
import { FEED_FILES, type Feed, type ListedRelease, type ReleaseItem, type SiteIndex } from "./collections.ts";
import { siteConfigOf, siteUrls, type SiteConfig, type SiteUrls } from "./config.ts";
import { dataPackage } from "./data-files.ts";
import { countryKey, delegationKey, FACETS, facetUrl, personKey, slugOf, type FacetKind } from "./facets.ts";
import { atomFeed, feedEntry, jsonFeed, rssFeed, type FeedDocument } from "./feeds.ts";
import { jsonForScript, releaseJsonLd, releaseMetaTags, type MetaContext } from "./metadata.ts";
import { releaseBody } from "./releases.ts";
import { lastUpdated, otherSourcesOf, revisionsOf } from "./revisions.ts";
import { SOURCES_PATH, publishedSourcePath } from "./site-files.ts";

/** Fixed so the output never depends on the machine's locale. */
const LOCALE = "en-US";

function calendarDate(iso: string): DateTime {
  // A calendar date has no time of day, so no zone applies: read in UTC, luxon does no zone arithmetic (formatting
  // each day of 1900–2099 read in Washington's zone gives the same text).
  const date = DateTime.fromISO(iso, { zone: "utc", locale: LOCALE });
  if (!date.isValid) throw new Error(`Not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  return date;
}

/**
 * Remembers a date formatter's results: every release is listed on several pages, and an archive has only a few
 * thousand distinct days.
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
const formatMonthName = memoize((iso) => calendarDate(iso).toFormat("LLLL"));

/** `2014-08-26` → `August 26, 2014` (luxon tokens: https://moment.github.io/luxon/#/formatting?id=table-of-tokens). */
export function readableDate(iso: string): string {
  return formatDay(iso);
}

/** `2014`, `08` → `August 2014`. */
export function monthLabel(year: string, month: string): string {
  return formatMonth(`${year}-${month}-01`);
}

/** `08` → `August`. */
export function monthName(month: string): string {
  return formatMonthName(`2000-${month}-01`);
}

/** `1 release`, `2 releases`. */
export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? singular : plural}`;
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

/** Rows of release lists already rendered, by Nunjucks environment and release (see {@link releaseRow}). */
const renderedRows = new WeakMap<object, WeakMap<ReleaseItem, string>>();

/**
 * A release's row in a release list, `partials/release-row.njk` rendered by the environment of the template that
 * asks (Nunjucks calls a filter with its context as `this`), once per release: a release is on a dozen lists (the
 * list pages of a 10,000-release render took 4.2 s of its thread with a row rendered on each, 2.7 s with this).
 */
export function releaseRow(this: { env: { render(name: string, context: object): string } }, item: ReleaseItem): string {
  let rows = renderedRows.get(this.env);
  if (!rows) renderedRows.set(this.env, (rows = new WeakMap()));
  let row = rows.get(item);
  if (row === undefined) rows.set(item, (row = this.env.render("partials/release-row.njk", { item })));
  return row;
}

/** The first `n` items (Nunjucks' own `slice` splits into groups, it does not truncate). */
export function head<T>(items: readonly T[], n: number): T[] {
  return items.slice(0, n);
}

/** The releases before (newer) and after (older) one in the archive's order, in O(1). */
export function neighbours(site: SiteIndex, id: string): { newer: ReleaseItem | null; older: ReleaseItem | null } {
  const i = site.positions.get(id);
  if (i === undefined) return { newer: null, older: null };
  return { newer: site.releases[i - 1] ?? null, older: site.releases[i + 1] ?? null };
}

/** The site path of a facet value named by a release (`facetLink("topic", "cybersecurity")`). */
export function facetLink(kind: FacetKind, key: string): string {
  return facetUrl(kind, key);
}

/** A run of releases of one day or one month, for list headings. */
export interface ReleaseGroup {
  /** Anchor id: `d26` for a day, `m08` for a month. */
  id: string;
  label: string;
  items: ListedRelease[];
}

/** Splits a page of releases (newest first) into runs of the same day or month. */
export function groupReleases(items: readonly ListedRelease[], by: "day" | "month"): ReleaseGroup[] {
  const groups: ReleaseGroup[] = [];
  for (const item of items) {
    const date = item.data.date;
    const id = by === "day" ? `d${date.slice(8, 10)}` : `m${date.slice(5, 7)}`;
    const last = groups[groups.length - 1];
    if (last?.id === id) last.items.push(item);
    else groups.push({ id, label: by === "day" ? readableDate(date) : monthLabel(date.slice(0, 4), date.slice(5, 7)), items: [item] });
  }
  return groups;
}

/** What the filters need of a build: its configuration, and where a release page's citations come from. */
export interface FilterContext {
  config(): SiteConfig;
  /** A release page's citations, by its front matter and URL. Only release pages cite; without it the `citations` filter is not defined. */
  citations?: (data: FrontMatter, url: string) => Citations;
}

/** A template filter: Nunjucks calls it with the piped value first. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Filter = (...args: any[]) => unknown;

/** Every filter by name, for Eleventy's Nunjucks and for the release pages' own (src/site/release-pages.ts). */
export function siteFilters(context: FilterContext): Record<string, Filter> {
  let config: SiteConfig | undefined;
  const site = () => (config ??= context.config());
  // Made once: `href` runs for every link of every page, and making the pair each time took 0.4–0.6 s at 10,000 releases.
  let siteUrlPair: SiteUrls | undefined;
  const urls = () => (siteUrlPair ??= siteUrls(site()));
  // Bodies read back for feeds: a release is in several feeds, read its file once per build.
  const summaries = new Map<string, string>();
  const summaryOf = (item: ReleaseItem) => {
    let text = summaries.get(item.inputPath);
    if (text === undefined) summaries.set(item.inputPath, (text = summary(releaseBody(item.inputPath))));
    return text;
  };
  const feedDocument = (feed: Feed, index: SiteIndex): FeedDocument => ({
    title: feed.title,
    page: feed.page,
    atom: `${feed.dir}${FEED_FILES.atom}`,
    rss: `${feed.dir}${FEED_FILES.rss}`,
    json: `${feed.dir}${FEED_FILES.json}`,
    entries: feed.releases.map((r) => feedEntry(r, summaryOf(r), lastUpdated(r.data), index.topicLabel)),
  });
  const metaContext = (url: string, description: string, index: SiteIndex): MetaContext => ({
    config: site(),
    urls: urls(),
    url,
    description,
    topicLabel: index.topicLabel,
  });
  const citations = context.citations;

  return {
    readableDate,
    monthLabel,
    monthName,
    countLabel,
    personLabel,
    byline,
    head,
    releaseRow,
    releaseUrl,
    groupReleases,

    // Links: every site path a template writes goes through `href`, so the site works under a path prefix.
    href: (path: string) => urls().href(path),
    absoluteUrl: (path: string) => urls().absolute(path),
    feedFiles: (dir: string) => ({ atom: `${dir}${FEED_FILES.atom}`, rss: `${dir}${FEED_FILES.rss}`, json: `${dir}${FEED_FILES.json}` }),

    // Facets named on a release page.
    facetLink,
    facetInfo: (_values: unknown, kind: FacetKind) => FACETS[kind],
    countryName,
    countryKey,
    slugOf,
    personKey: (name: string, data: FrontMatter) => personKey(data, name),
    delegationKey,
    topicLabel: (slug: string, index: SiteIndex) => index.topicLabel(slug),
    neighbours,
    releaseItem: (id: string, index: SiteIndex) => index.releases[index.positions.get(id) ?? -1] ?? null,
    dayUrl: (date: string, index: SiteIndex) => index.dayUrls.get(date) ?? `/archive/${date.slice(0, 4)}/${date.slice(5, 7)}/`,
    sourceUrl: (path: string) => `${SOURCES_PATH}${publishedSourcePath(path).split("/").map(encodeURIComponent).join("/")}`,
    revisions: revisionsOf,
    otherSources: otherSourcesOf,
    lastUpdated,

    // Release page: summary, citations, metadata.
    summary: (body: string) => summary(body ?? "", 200),
    ...(citations ? { citations } : {}),
    releaseMetaTags: (data: FrontMatter, url: string, description: string, index: SiteIndex) => releaseMetaTags(data, metaContext(url, description, index)),
    releaseJsonLd: (data: FrontMatter, url: string, description: string, index: SiteIndex) => jsonForScript(releaseJsonLd(data, metaContext(url, description, index))),

    // Feeds and data files.
    atomFeed: (feed: Feed, index: SiteIndex) => atomFeed(feedDocument(feed, index), site(), urls()),
    rssFeed: (feed: Feed, index: SiteIndex) => rssFeed(feedDocument(feed, index), site(), urls()),
    jsonFeed: (feed: Feed, index: SiteIndex) => jsonFeed(feedDocument(feed, index), site(), urls()),
    dataPackage: (count: number) => dataPackage(site(), urls(), count),
  };
}

/** Adds every filter but `citations` (only release pages cite, and those are not Eleventy's) under its own name. */
export default function filtersPlugin(eleventyConfig: UserConfig): void {
  for (const [name, filter] of Object.entries(siteFilters({ config: () => siteConfigOf(eleventyConfig) }))) eleventyConfig.addFilter(name, filter);
}

// The site index (releases newest first, archive by year and month, facets, pages, feeds), built once per build, and the Eleventy plugin that lists it.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { buildContextOf } from "./build-context.ts";
import { calendarWeeks, type CalendarDay } from "./calendar.ts";
import type { SiteConfig } from "./config.ts";
import { buildFacets, FACET_KINDS, FACETS, type FacetKind, type FacetKindInfo, type Facets, type FacetValue } from "./facets.ts";
import { monthLabel } from "./filters.ts";
import { paginate, type Page } from "./pagination.ts";
import { listedRelease, type ListedRelease, type ReleaseItem } from "./releases.ts";

export type { ListedRelease, ReleaseItem } from "./releases.ts";

/** One month of the archive, its releases newest first. */
export interface ArchiveMonth {
  year: string;
  /** Two digits, `01`–`12`. */
  month: string;
  /** `August 2014`. */
  label: string;
  url: string;
  count: number;
  releases: ListedRelease[];
}

/** One year of the archive, its months newest first. */
export interface ArchiveYear {
  year: string;
  url: string;
  count: number;
  months: ArchiveMonth[];
  releases: ListedRelease[];
}

/** The archive: years newest first, and the same months as one flat list (for one page per month). */
export interface Archive {
  years: ArchiveYear[];
  months: ArchiveMonth[];
}

/** A link in a breadcrumb trail. */
export interface Crumb {
  label: string;
  url: string;
}

/** The three feeds of a list of releases (the whole archive, a topic, a country, a type). */
export interface Feed {
  /** Folder of the feed files: `/` or `/topics/cybersecurity/`. */
  dir: string;
  title: string;
  /** The HTML page the feed follows. */
  page: string;
  /** Newest first, at most the configured feed size. */
  releases: ReleaseItem[];
}

/** What a page says of a feed it links (`<link rel="alternate">`, "Follow"): not its releases. */
export type FeedLink = Pick<Feed, "dir" | "title">;

/** The feed files in a feed's folder. */
export const FEED_FILES = { atom: "atom.xml", rss: "rss.xml", json: "feed.json" } as const;

/** One page of a list of releases: a year, a month or a facet value. */
export interface ListingPage extends Page<ListedRelease> {
  kind: "year" | "month" | FacetKind;
  /** The page's `<h1>` and `<title>` (page numbers added by the template). */
  title: string;
  /** What the list is of, for the lede: `Topic`, `Country`… or null for years and months. */
  facet: FacetKindInfo | null;
  value: FacetValue | null;
  breadcrumbs: Crumb[];
  feed: FeedLink | null;
  /** Months of a year (a year's first page only). */
  months: ArchiveMonth[] | null;
  /** A month's calendar (every page of a month). */
  calendar: (CalendarDay | null)[][] | null;
  /** Group headings by day (month pages) or by month (year pages). */
  groupBy: "day" | "month" | null;
}

/** One page of a facet's index: its values with counts. */
export interface FacetIndexPage extends Page<FacetValue> {
  facet: FacetKindInfo;
}

/** Everything the templates list, computed in one pass over the sorted releases. */
export interface SiteIndex {
  config: SiteConfig;
  releases: ReleaseItem[];
  archive: Archive;
  facets: Facets;
  listingPages: ListingPage[];
  facetIndexPages: FacetIndexPage[];
  feeds: Feed[];
  /** The archive-wide feed (also in `feeds`). */
  mainFeed: Feed;
  /** Release id → its position in `releases` (previous and next in O(1)). */
  positions: Map<string, number>;
  /** `YYYY-MM-DD` → where that day's releases are listed on its month's pages. */
  dayUrls: Map<string, string>;
  /** Facet and value → its value, for links from release pages. */
  values: Map<string, FacetValue>;
  topicLabel(slug: string): string;
}

/** Newest date first; releases of the same day by id, so the order never depends on file-system order. */
export function compareReleases(a: ListedRelease, b: ListedRelease): number {
  if (a.data.date !== b.data.date) return a.data.date > b.data.date ? -1 : 1;
  return a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0;
}

/** Groups releases already sorted by {@link compareReleases} into years and months, in one pass. */
export function buildArchive(sorted: readonly ListedRelease[]): Archive {
  const years: ArchiveYear[] = [];
  const months: ArchiveMonth[] = [];
  let year: ArchiveYear | undefined;
  let month: ArchiveMonth | undefined;
  for (const item of sorted) {
    const y = item.data.date.slice(0, 4);
    const m = item.data.date.slice(5, 7);
    if (year?.year !== y) {
      year = { year: y, url: `/archive/${y}/`, count: 0, months: [], releases: [] };
      years.push(year);
      month = undefined;
    }
    if (month?.month !== m) {
      month = { year: y, month: m, label: monthLabel(y, m), url: `/archive/${y}/${m}/`, count: 0, releases: [] };
      year.months.push(month);
      months.push(month);
    }
    year.count++;
    year.releases.push(item);
    month.count++;
    month.releases.push(item);
  }
  return { years, months };
}

const ARCHIVE_CRUMB: Crumb = { label: "Archive", url: "/archive/" };
/** Values per page of a facet's index (all people, all places). */
export const INDEX_PAGE_SIZE = 500;

/** Builds the whole index from the releases (any order) and the configuration. */
export function buildSiteIndex(items: readonly ReleaseItem[], config: SiteConfig, topicLabels: ReadonlyMap<string, string>): SiteIndex {
  const releases = [...items].sort(compareReleases);
  const listed = releases.map(listedRelease);
  const topicLabel = (slug: string) => topicLabels.get(slug) ?? slug;
  const archive = buildArchive(listed);
  const facets = buildFacets(releases, listed, topicLabel);
  const positions = new Map(releases.map((r, i) => [r.data.id, i]));
  const size = config.pageSize;

  // Feeds summarise each release's body and name its topics: they hold the releases themselves.
  const feedOf = (dir: string, title: string, page: string, list: readonly ListedRelease[]): Feed => ({
    dir,
    title,
    page,
    releases: list.slice(0, config.feedSize).map((r) => releases[positions.get(r.data.id)!]!),
  });
  const mainFeed = feedOf("/", `${config.name}: latest releases`, "/", releases);
  const feeds: Feed[] = [mainFeed];
  const listingPages: ListingPage[] = [];
  const dayUrls = new Map<string, string>();

  for (const year of archive.years) {
    for (const page of paginate(year.releases, size, year.url)) {
      listingPages.push({
        ...page,
        kind: "year",
        title: `Releases of ${year.year}`,
        facet: null,
        value: null,
        breadcrumbs: [ARCHIVE_CRUMB],
        feed: null,
        months: page.number === 1 ? year.months : null,
        calendar: null,
        groupBy: "month",
      });
    }
  }
  for (const month of archive.months) {
    const pages = paginate(month.releases, size, month.url);
    const days = new Map<string, { count: number; url: string }>();
    for (const page of pages) {
      for (const item of page.items) {
        const entry = days.get(item.data.date);
        if (entry) entry.count++;
        else days.set(item.data.date, { count: 1, url: `${page.url}#d${item.data.date.slice(8, 10)}` });
      }
    }
    for (const [date, { url }] of days) dayUrls.set(date, url);
    const calendar = calendarWeeks(month.year, month.month, days);
    for (const page of pages) {
      listingPages.push({
        ...page,
        kind: "month",
        title: `Releases of ${month.label}`,
        facet: null,
        value: null,
        breadcrumbs: [ARCHIVE_CRUMB, { label: month.year, url: `/archive/${month.year}/` }],
        feed: null,
        months: null,
        calendar,
        groupBy: "day",
      });
    }
  }

  const facetIndexPages: FacetIndexPage[] = [];
  const values = new Map<string, FacetValue>();
  for (const kind of FACET_KINDS) {
    const facet = FACETS[kind];
    const base = `/${facet.path}/`;
    for (const page of paginate(facets[kind], INDEX_PAGE_SIZE, base)) facetIndexPages.push({ ...page, facet });
    for (const value of facets[kind]) {
      values.set(`${kind}:${value.key}`, value);
      const feed = facet.feeds ? feedOf(value.url, `${config.name}: ${facet.singular.toLowerCase()} ${value.label}`, value.url, value.releases) : null;
      if (feed) feeds.push(feed);
      for (const page of paginate(value.releases, size, value.url)) {
        listingPages.push({
          ...page,
          kind,
          title: `${facet.singular}: ${value.label}`,
          facet,
          value,
          breadcrumbs: [{ label: facet.plural, url: base }],
          feed: feed && { dir: feed.dir, title: feed.title },
          months: null,
          calendar: null,
          groupBy: null,
        });
      }
    }
  }
  return { config, releases, archive, facets, listingPages, facetIndexPages, feeds, mainFeed, positions, dayUrls, values, topicLabel };
}

/**
 * Adds `collections.site` (the {@link SiteIndex} that `renderSite` built from the release files) and
 * `collections.releases` for Eleventy's pages (home, archive, data files).
 */
export default function collectionsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addCollection("site", () => buildContextOf(eleventyConfig).index);
  eleventyConfig.addCollection("releases", () => buildContextOf(eleventyConfig).index.releases);
}

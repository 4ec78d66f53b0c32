// Eleventy plugin: the `releases` collection (newest first) and the archive by year and month, each built once per build.
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { FrontMatter } from "../model/release.ts";
import { monthLabel } from "./filters.ts";
import { inputDirectory } from "./paths.ts";
import { isReleaseInput } from "./releases.ts";

/** A release as Eleventy hands it to templates: its output URL and its (schema-checked) front matter. */
export interface ReleaseItem {
  url: string;
  inputPath: string;
  data: FrontMatter;
}

/** One month of the archive, its releases newest first. */
export interface ArchiveMonth {
  year: string;
  /** Two digits, `01`–`12`. */
  month: string;
  /** `August 2014`. */
  label: string;
  url: string;
  count: number;
  releases: ReleaseItem[];
}

/** One year of the archive, its months newest first. */
export interface ArchiveYear {
  year: string;
  url: string;
  count: number;
  months: ArchiveMonth[];
}

/** The archive: years newest first, and the same months as one flat list (for one page per month). */
export interface Archive {
  years: ArchiveYear[];
  months: ArchiveMonth[];
}

/** Newest date first; releases of the same day by id, so the order never depends on file-system order. */
export function compareReleases(a: ReleaseItem, b: ReleaseItem): number {
  if (a.data.date !== b.data.date) return a.data.date > b.data.date ? -1 : 1;
  return a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0;
}

/** Groups releases already sorted by {@link compareReleases} into years and months, in one pass. */
export function buildArchive(sorted: readonly ReleaseItem[]): Archive {
  const years: ArchiveYear[] = [];
  const months: ArchiveMonth[] = [];
  let year: ArchiveYear | undefined;
  let month: ArchiveMonth | undefined;
  for (const item of sorted) {
    const y = item.data.date.slice(0, 4);
    const m = item.data.date.slice(5, 7);
    if (year?.year !== y) {
      year = { year: y, url: `/archive/${y}/`, count: 0, months: [] };
      years.push(year);
      month = undefined;
    }
    if (month?.month !== m) {
      month = { year: y, month: m, label: monthLabel(y, m), url: `/archive/${y}/${m}/`, count: 0, releases: [] };
      year.months.push(month);
      months.push(month);
    }
    year.count++;
    month.count++;
    month.releases.push(item);
  }
  return { years, months };
}

interface CollectionApi {
  getAll(): ReleaseItem[];
}

/** Adds `collections.releases`, `collections.archiveYears` and `collections.archiveMonths`. */
export default function collectionsPlugin(eleventyConfig: UserConfig): void {
  // Eleventy calls each collection callback once per build with the same API object: sort and group once for all three.
  const cache = new WeakMap<object, { releases: ReleaseItem[]; archive: Archive }>();
  const index = (api: CollectionApi) => {
    let entry = cache.get(api);
    if (!entry) {
      const input = inputDirectory(eleventyConfig);
      const releases = api.getAll().filter((item) => isReleaseInput(item.inputPath, input)).sort(compareReleases);
      entry = { releases, archive: buildArchive(releases) };
      cache.set(api, entry);
    }
    return entry;
  };
  eleventyConfig.addCollection("releases", (api: CollectionApi) => index(api).releases);
  eleventyConfig.addCollection("archiveYears", (api: CollectionApi) => index(api).archive.years);
  eleventyConfig.addCollection("archiveMonths", (api: CollectionApi) => index(api).archive.months);
}

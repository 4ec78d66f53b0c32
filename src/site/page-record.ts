// What each page of a built site was rendered from (a hash of its inputs), kept beside the site so a rebuild renders only pages whose inputs changed.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { FacetIndexPage, Feed, ListingPage, SiteIndex } from "./collections.ts";
import { countryCounts } from "./charts/country-counts.ts";
import { TEMPLATES_DIR } from "./paths.ts";
import type { ListedRelease, ReleaseItem } from "./releases.ts";
import { filesUnder, readJsonFile } from "./site-files.ts";

/** Output path (under the site folder, `/` separated) → the hash of everything that page was rendered from. */
export type PageRecord = Record<string, string>;

/** The record's file in the cache folder. */
export const PAGE_RECORD_FILE = "pages.json";

const REPO = join(TEMPLATES_DIR, "..");

/**
 * What every page depends on besides its own data: the site's code and templates (all of src/ and templates/),
 * the installed packages' versions (package-lock.json), Node's version (its Intl formats numbers), the site
 * configuration and the topic labels. Any change to these renders every page again.
 */
export function siteDigest(code: string, config: SiteIndex["config"], topicLabels: ReadonlyMap<string, string>): string {
  return digestOf(code, JSON.stringify(config), JSON.stringify([...topicLabels]));
}

/** The site's code and templates (all of src/ and templates/), the installed packages' versions, Node's version. */
export function codeDigest(): string {
  const hash = createHash("sha256");
  const sortedUnder = (dir: string) => filesUnder(dir).sort().map((f) => join(dir, f));
  for (const file of [...sortedUnder(join(REPO, "src")), ...sortedUnder(TEMPLATES_DIR), join(REPO, "package-lock.json")]) {
    hash.update(`${file.slice(REPO.length)}\u0000`).update(readFileSync(file)).update("\u0000");
  }
  return hash.update(process.version).digest("base64url");
}

/**
 * Release pages to render at most for them to be rendered first and announced (src/site/render.ts, `onReleasePages`):
 * an edit, an addition, a small archive. A render of more (a build from scratch of a larger one) keeps its order,
 * which gives the citation worker its head start, and the search index waits for it, the render thread's memory
 * freed first. Here, beside the record, so that the build's thread reads it without loading the render's modules.
 */
export const RELEASE_PAGES_FIRST = 500;

const digestOf = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("base64url");

/** Stands for a release in a page: its file's hash and its URL determine all of its data and its body. */
const releaseRef = (item: ReleaseItem) => `release ${item.url} ${item.digest}`;

/** A release or a listed release by its object: its part of a page's JSON, made once per build. */
const refs = new WeakMap<object, string>();

/**
 * Long lists (a facet value's releases, shown by each of its pages' timelines) are shared by many pages: each is
 * turned into JSON once per build.
 */
const longLists = new WeakMap<object, string>();

/**
 * JSON of a page's data: a listed release ({@link ListedRelease}: what lists show of it) stands as the hash of its
 * JSON (a page lists 50, and each release is listed by some 40 pages: its JSON in full made the pages' inputs ~110 MB
 * to hash at 10,000 releases), a release itself (a feed's, with its body) as {@link releaseRef}; each is made once
 * per build.
 */
function pageJson(value: unknown): string {
  const replacer = (_key: string, v: unknown): unknown => {
    if (v === null || typeof v !== "object") return v;
    let ref = refs.get(v);
    if (ref !== undefined) return ref;
    if (Array.isArray(v)) {
      if (v.length <= 64) return v;
      if ((ref = longLists.get(v)) === undefined) longLists.set(v, (ref = `list ${digestOf(...v.map((x) => JSON.stringify(x, replacer)))}`));
      return ref;
    }
    if ("url" in v && "data" in v) {
      ref = "digest" in v ? releaseRef(v as ReleaseItem) : `listed ${digestOf(JSON.stringify(v as ListedRelease))}`;
      refs.set(v, ref);
      return ref;
    }
    return v instanceof Map ? [...v] : v;
  };
  return JSON.stringify(value, replacer);
}

/**
 * A release page and its index.json: the release's file and URL, the titles and URLs of the releases before and
 * after it (its "Previous" and "Next" links), and where its day is listed (the date's link).
 */
export function releasePageDigest(site: string, index: SiteIndex, item: ReleaseItem): string {
  const i = index.positions.get(item.data.id) ?? -1;
  const near = [index.releases[i - 1], index.releases[i + 1]].map((r) => (r ? `${r.url} ${JSON.stringify(r.data.title)}` : "-"));
  return digestOf(site, "release", releaseRef(item), ...near, index.dayUrls.get(item.data.date) ?? "-");
}

/** A page of a list (a year, month or facet value): everything its pagination entry holds. */
export function listingPageDigest(site: string, page: ListingPage): string {
  return digestOf(site, "listing", pageJson(page));
}

/** A page of a facet's index; the countries' first page also draws the map of every country's count. */
export function facetIndexPageDigest(site: string, index: SiteIndex, page: FacetIndexPage): string {
  const map = page.facet.kind === "country" && page.number === 1 ? JSON.stringify(countryCounts(index)) : "-";
  return digestOf(site, "facet-index", pageJson(page), map);
}

/**
 * `/releases.json` and `/releases.csv` (src/site/data-rows.ts): a row of each per release, in the site's order, made
 * from its front matter (its file's hash) and its URL.
 */
export function dataFilesDigest(site: string, index: SiteIndex): string {
  return digestOf(site, "data", ...index.releases.map((item) => `${item.url} ${item.digest}`));
}

/** The three files of a feed, whose entries summarise each release's body. */
export function feedDigest(site: string, feed: Feed): string {
  return digestOf(site, "feed", pageJson(feed));
}

/** The record of the site in `cacheDir`'s live site, or an empty one (no record: nothing is reused). */
export async function readPageRecord(cacheDir: string): Promise<PageRecord> {
  const record = readJsonFile(join(cacheDir, PAGE_RECORD_FILE)) as { pages?: PageRecord } | null | undefined;
  return record?.pages ?? {};
}

/** Deletes the record: done before the live site is replaced, so a build stopped then leaves none behind. */
export async function removePageRecord(cacheDir: string): Promise<void> {
  await rm(join(cacheDir, PAGE_RECORD_FILE), { force: true });
}

/** Writes the record of the site just swapped in. */
export async function writePageRecord(cacheDir: string, pages: PageRecord): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const sorted = Object.fromEntries(Object.entries(pages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFile(join(cacheDir, PAGE_RECORD_FILE), `${JSON.stringify({ version: 1, pages: sorted })}\n`);
}

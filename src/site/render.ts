// Renders a content folder into a site folder: the many pages (releases, lists, feeds) by the page renderer, the site pages by Eleventy, unchanged pages kept or hard-linked from earlier builds.
import Eleventy from "@11ty/eleventy";
import { existsSync, readdirSync, rmSync, unlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { setBuildContext, type BuildContext } from "./build-context.ts";
import { chartFilters } from "./charts/plugin.ts";
import { CITATION_CACHE_FILE, type CitationCache, CitationStore, readCitationCache } from "./citation-store.ts";
import type { CslData } from "@citation-js/core";
import { cslItem } from "./citations.ts";
import { buildSiteIndex, FEED_FILES } from "./collections.ts";
import { loadSiteConfig, SITE_DATA_KEY, siteUrls, type SiteConfig } from "./config.ts";
import { codeDigest, dataFilesDigest, facetIndexPageDigest, feedDigest, listingPageDigest, RELEASE_PAGES_FIRST, releasePageDigest, siteDigest, type PageRecord } from "./page-record.ts";
import { DATA_FILES, DATA_ROWS_FILE, DataRows } from "./data-rows.ts";
import { CONFIG_PATH, eleventyPathClash } from "./paths.ts";
import { PageRenderer } from "./page-renderer.ts";
import { FRONT_MATTER_CACHE_FILE, type FrontMatterCache, loadReleases, readFrontMatterCache, type ReleaseItem } from "./releases.ts";
import { FileWriter } from "./file-writer.ts";
import { filesUnder, publishSources, removeEmptyFolders, writeSitemap } from "./site-files.ts";
import { readTopicLabels } from "./taxonomy.ts";
import type { ProgressCounter } from "../model/progress.ts";
import type { FrontMatter } from "../model/release.ts";

export interface RenderOptions {
  /** The content folder: `releases/YYYY/MM/*.md` are read, everything else is ignored. */
  content: string;
  /** The folder that receives the pages: new, or holding an earlier build's site described by `base`. */
  output: string;
  /** The collected sources, copied to `/sources/` for download (default `<content>/sources`). */
  sources?: string;
  /** The site configuration (default: the repository's communique.config.json). */
  config?: SiteConfig;
  /** A folder kept between builds for work worth reusing (citations); never inside the output. None: nothing kept. */
  cache?: string;
  /**
   * The live site and the record of what its pages were rendered from (src/site/page-record.ts): a page whose
   * inputs hash the same is hard-linked from there instead of rendered. The caller vouches that the record
   * describes that folder.
   */
  previous?: { site: string; record: PageRecord };
  /**
   * What `output` already holds: an earlier build's whole site (the spare, src/cli/spare-site.ts) and the record of
   * its pages. A page whose inputs hash as recorded there stays as it is; every other file in `output` is deleted
   * first (the search bundles and the sources aside: their phases update them), so nothing is ever written through a
   * hard link the live site shares, and nothing stale is left.
   */
  base?: { record: PageRecord };
  /** What the build already read of the inputs, not read again here: see {@link KnownInputs}. */
  known?: KnownInputs;
  /** Silences Eleventy's per-file log lines. */
  quiet?: boolean;
  /** Told the number of page files, then each one as it is written, kept or taken from the previous site. */
  progress?: ProgressCounter;
  /**
   * Told, with their part of the record, that the release pages are in place (written or kept) but those to be
   * hard-linked from the previous site (`pending`: their files), whose inputs are those it recorded, while the rest of the site is still
   * rendered: when at most {@link RELEASE_PAGES_FIRST} of them are to be rendered, they are rendered first and this
   * is called then, so that the search index, which holds them alone, can be updated beside the rest of the render
   * (src/cli/build.ts), reading only the pages that changed. Not called otherwise.
   */
  onReleasePages?: (record: PageRecord, pending: string[]) => void;
  /**
   * Told, after {@link onReleasePages}, that every release page is in place, those linked from the previous site
   * (every page, in the first rebuild after a build from scratch, which has no spare site) included.
   */
  onReleasePagesLinked?: () => void;
}

export interface RenderResult {
  /** Files of pages in the output (rendered or reused), the sitemap and copied sources aside. */
  files: number;
  /** Pages rendered in this build, and pages kept from the base or hard-linked from the previous site. */
  rendered: number;
  reused: number;
  /** What every page of the new site was rendered from: the record for the next build. */
  record: PageRecord;
}

/**
 * What the build already read of a render's inputs: the hash of each release file and source as ingest read or wrote
 * it, and, read by the render thread while ingest ran (src/cli/render-worker.ts), the front-matter and citation
 * caches and the files of the folder that becomes the base (the spare site, before it was moved into place).
 */
export interface KnownInputs {
  /** By path under the content folder (`releases/YYYY/MM/<id>.md`); a release file not here is read. */
  releaseDigests?: ReadonlyMap<string, string>;
  /** By path under the sources folder; a source not here is read. */
  sourceDigests?: ReadonlyMap<string, string>;
  frontMatter?: FrontMatterCache;
  /** The front matter of the release files ingest wrote, by file hash: their Markdown is not parsed again. */
  writtenFrontMatter?: ReadonlyMap<string, FrontMatter>;
  citations?: CitationCache;
  /** The rows of releases.json and releases.csv kept by earlier builds (src/site/data-rows.ts). */
  dataRows?: DataRows;
  baseFiles?: string[];
}

/** Reads the caches under `cache` and the files of `base` (when it exists), for {@link KnownInputs}. */
export function readCachesAndBase(cache: string, base?: string): Pick<KnownInputs, "frontMatter" | "citations" | "dataRows" | "baseFiles"> {
  const code = codeDigest();
  return {
    frontMatter: readFrontMatterCache(join(cache, FRONT_MATTER_CACHE_FILE), code),
    citations: readCitationCache(join(cache, CITATION_CACHE_FILE)),
    dataRows: DataRows.read(join(cache, DATA_ROWS_FILE), code),
    baseFiles: base !== undefined && existsSync(base) ? baseFiles(base) : undefined,
  };
}

/** A page file (site path `/`-separated, no leading slash) and the hash of its inputs. */
interface PlannedFile {
  path: string;
  digest: string;
}

/** Output files of a page at a site path: `/a/b/` → `a/b/index.html`. */
const htmlFile = (url: string) => `${url.slice(1)}index.html`;

/**
 * Renders one build of `content` into `output`; rejects (with the failing file's path) when any page fails.
 * Release pages and their index.json, list pages, facet indexes and feeds are rendered here from the site index
 * (src/site/page-renderer.ts); Eleventy renders the few site pages (home, archive, search, 404, robots, data files)
 * and copies the assets. With `previous`, each page whose inputs (its data, the site's code and configuration) hash
 * as recorded is hard-linked from the live site: the result is the same bytes.
 */
export async function renderSite(options: RenderOptions): Promise<RenderResult> {
  const config = options.config ?? loadSiteConfig();
  const content = resolve(options.content);
  const output = resolve(options.output);
  const clash = eleventyPathClash(process.cwd(), content);
  if (clash) throw new Error(`Cannot render the site: ${clash}.`);
  const topicLabels = readTopicLabels(content);
  const code = codeDigest();
  const frontMatter = options.cache ? { file: join(options.cache, FRONT_MATTER_CACHE_FILE), version: code } : undefined;
  const known = options.known;
  const releaseDigests = known?.releaseDigests && new Map([...known.releaseDigests].map(([file, digest]) => [join(content, file), digest]));
  const index = buildSiteIndex(loadReleases(content, frontMatter, { digests: releaseDigests, cache: known?.frontMatter, written: known?.writtenFrontMatter }), config, topicLabels);
  const site = siteDigest(code, config, topicLabels);
  const previous = options.previous;
  const record: PageRecord = {};
  const files = new FileWriter(output, options.progress);
  // Every page file of this build with the hash of its inputs: the release pages' first (the search index holds
  // them alone: see onReleasePages), the other pages' once those are in place.
  const releasePlans = index.releases.map((item) => {
    const digest = releasePageDigest(site, index, item);
    return { item, files: [{ path: htmlFile(item.url), digest }, { path: `${item.url.slice(1)}index.json`, digest }] };
  });
  for (const plan of releasePlans) for (const f of plan.files) record[f.path] = f.digest;
  // Files of the base whose page is unchanged stay; the rest of the base is deleted (its emptied folders once the
  // pages are written, unless a page came back in them): the release pages' files now, the others with their pages.
  const base = { kept: new Set<string>(), emptied: new Set<string>() };
  const baseList = options.base ? (known?.baseFiles ?? baseFiles(output)) : [];
  const releaseFilesOfBase = new Set(baseList.filter((path) => record[path] !== undefined));
  if (options.base) clearBase(output, [...releaseFilesOfBase], options.base.record, record, base);
  let reused = 0;
  /** Whether every file of a page is kept from the base. */
  const allKept = (planned: PlannedFile[]) => planned.every((f) => base.kept.has(f.path));
  /** Whether every file of a page hashes as the previous site recorded, so that it can be linked from there. */
  const linkable = (planned: PlannedFile[]) => previous !== undefined && planned.every((f) => previous.record[f.path] === f.digest);
  /** Whether a page's files are kept from the base or hard-linked from the previous site (and links them). */
  const reuse = (planned: PlannedFile[]): boolean => {
    if (!allKept(planned) && !linkFromPrevious(planned)) return false;
    reused += planned.length;
    options.progress?.tick(planned.length);
    return true;
  };
  /** Links a page's files from the previous site when their inputs are unchanged there; false when it cannot. */
  const linkFromPrevious = (planned: PlannedFile[]): boolean => {
    // Part of a page in the base (a file of it missing there): the whole page is made again.
    for (const f of planned) if (base.kept.has(f.path)) files.remove(f.path);
    if (!previous || !linkable(planned)) return false;
    const linked: string[] = [];
    for (const f of planned) {
      if (!files.link(f.path, join(previous.site, f.path))) {
        // Missing from the live site after all: render the page, never writing through a link into the live site.
        for (const path of linked) files.remove(path);
        return false;
      }
      linked.push(f.path);
    }
    return true;
  };

  // What this build renders (the rest was kept or linked), in the order it is rendered.
  const toRender = <T>(plans: { item: T; files: PlannedFile[] }[]) => plans.filter((p) => !reuse(p.files)).map((p) => p.item);
  // A few release pages to render (an edit, an addition) are rendered first and announced, the pages to link from the
  // previous site linked only after that: in the first rebuild after a build from scratch, every page's folder is
  // made and its files linked (2–3 s at 10,000 releases), which the search index need not wait for.
  const now: typeof releasePlans = [];
  const later: typeof releasePlans = [];
  for (const plan of releasePlans) (!allKept(plan.files) && linkable(plan.files) ? later : now).push(plan);
  const releasesFirst = options.onReleasePages !== undefined && now.filter((p) => !allKept(p.files)).length <= RELEASE_PAGES_FIRST;
  const linkLater = releasesFirst ? later : [];
  const releases = toRender(releasesFirst ? now : releasePlans);
  /** The other pages planned, the base's other files cleared, and those pages to render. */
  const planOtherPages = () => {
    const listingPlans = index.listingPages.map((p) => ({ item: p, files: [{ path: htmlFile(p.url), digest: listingPageDigest(site, p) }] }));
    const facetIndexPlans = index.facetIndexPages.map((p) => ({ item: p, files: [{ path: htmlFile(p.url), digest: facetIndexPageDigest(site, index, p) }] }));
    const feedPlans = index.feeds.map((feed) => {
      const digest = feedDigest(site, feed);
      return { item: feed, files: Object.values(FEED_FILES).map((name) => ({ path: `${feed.dir.slice(1)}${name}`, digest })) };
    });
    const dataDigest = dataFilesDigest(site, index);
    const dataPlans = [{ item: DATA_FILES, files: Object.values(DATA_FILES).map((path) => ({ path, digest: dataDigest })) }];
    for (const plan of [...listingPlans, ...facetIndexPlans, ...feedPlans, ...dataPlans]) for (const f of plan.files) record[f.path] = f.digest;
    if (options.base) clearBase(output, baseList.filter((path) => !releaseFilesOfBase.has(path)), options.base.record, record, base);
    return { listingPages: toRender(listingPlans), facetIndexPages: toRender(facetIndexPlans), feeds: toRender(feedPlans), dataFiles: toRender(dataPlans) };
  };
  let others: ReturnType<typeof planOtherPages> = { listingPages: [], facetIndexPages: [], feeds: [], dataFiles: [] };

  // The worker starts formatting citations now, from the last release to render; Eleventy's pages and the lists
  // come first, giving it a head start, then the release pages from the first, so the two meet late if at all.
  const store = new CitationStore(options.cache ? join(options.cache, CITATION_CACHE_FILE) : null, known?.citations);
  // Each release's CSL item, made once by its front matter: for the worker, the store's lookups and the page's
  // `citations` filter alike (a release's URL follows from its front matter's id).
  const urls = siteUrls(config);
  const citationItems = new WeakMap<FrontMatter, CslData>();
  const itemOf = (data: FrontMatter, url: string) => {
    let item = citationItems.get(data);
    if (!item) citationItems.set(data, (item = cslItem(data, urls.absolute(url), config)));
    return item;
  };
  const citationItem = (release: ReleaseItem) => itemOf(release.data, release.url);
  let written: string[];
  const sources = options.sources ?? join(content, "sources");
  let published: PageRecord | null = null;
  try {
    store.prefetch({ items: releases.map(citationItem) });
    // The bytes as collected, whatever their encoding: a release page links its source here. Copied by the writing
    // thread while the pages are rendered (after the release pages first rendered: the search index does not wait).
    const publish = () => {
      if (existsSync(sources)) published = publishSources(sources, join(output, "sources"), { digests: known?.sourceDigests, base: options.base?.record, previous: previous && { dir: join(previous.site, "sources"), record: previous.record }, copy: (from, file) => files.copy(from, file) });
      else rmSync(join(output, "sources"), { recursive: true, force: true });
    };
    if (!releasesFirst) publish();
    const charts = chartFilters(siteUrls(config).href);
    const renderer = new PageRenderer(index, (data, url) => store.citations(itemOf(data, url)), charts);
    const renderReleases = async (items: ReleaseItem[]) => {
      for (const [i, item] of items.entries()) {
        if (!store.has(citationItem(item))) store.formatAhead(items.slice(i, i + CITATIONS_AHEAD).map(citationItem));
        const page = renderer.release(item);
        await files.write(htmlFile(item.url), page.html);
        await files.write(`${item.url.slice(1)}index.json`, page.json);
      }
    };
    if (releasesFirst) {
      options.progress?.setTotal(Object.keys(record).length);
      await renderReleases(releases);
      await files.flush();
      options.onReleasePages!({ ...record }, linkLater.flatMap((p) => p.files.map((f) => f.path)));
      publish();
      // Linked now; one missing from the previous site after all is rendered (its bytes are those recorded).
      const late = toRender(linkLater);
      await renderReleases(late);
      releases.push(...late);
      await files.flush();
      options.onReleasePagesLinked?.();
    }
    others = planOtherPages();
    const { listingPages, facetIndexPages, feeds, dataFiles } = others;
    options.progress?.setTotal(Object.keys(record).length);
    written = await renderWithEleventy(content, output, options, { index, charts });
    // Eleventy's few site pages, known once it has written them.
    options.progress?.setTotal(Object.keys(record).length + written.length);
    options.progress?.tick(written.length);
    for (const p of listingPages) await files.write(htmlFile(p.url), renderer.listing(p));
    for (const p of facetIndexPages) await files.write(htmlFile(p.url), renderer.facetIndex(p));
    for (const feed of feeds) for (const [name, text] of renderer.feed(feed)) await files.write(`${feed.dir.slice(1)}${name}`, text);
    if (dataFiles.length > 0) {
      // Each release's rows kept by earlier builds, made again only for releases new or changed.
      const rows = known?.dataRows ?? DataRows.read(options.cache ? join(options.cache, DATA_ROWS_FILE) : "", code);
      const { json, csv } = rows.files(index.releases, urls);
      await files.writeBytes(DATA_FILES.json, json);
      await files.writeBytes(DATA_FILES.csv, csv);
      if (options.cache) rows.save(join(options.cache, DATA_ROWS_FILE));
    }
    if (!releasesFirst) await renderReleases(releases);
    await files.close();
  } finally {
    await files.stop();
    // Citations of reused pages stay in the cache too: it holds the whole archive as it is.
    await store.finish({ items: index.releases.length, keepAll: () => index.releases.forEach((item) => store.keep(citationItem(item))) });
  }

  // Every HTML page of the site, rendered or reused, is in the sitemap.
  const pages = new Set(written);
  for (const path of Object.keys(record)) if (path === "index.html" || path.endsWith("/index.html")) pages.add(`/${path.slice(0, -"index.html".length)}`);
  writeSitemap(output, [...pages], siteUrls(config));
  removeEmptyFolders(output, base.emptied);
  if (published) Object.assign(record, published);
  const rendered = written.length + releases.length * 2 + others.listingPages.length + others.facetIndexPages.length + others.feeds.length * 3 + others.dataFiles.length * 2;
  return { files: rendered + reused, rendered, reused, record };
}

/**
 * Release pages whose citations are formatted in one batch when the pages have caught up with the citation worker:
 * the batch size at which citeproc's per-call work stops mattering (docs/site.md, "Measured").
 */
const CITATIONS_AHEAD = 64;

/** Top folders of a site that their own phases update in a base: the search bundles (src/search/index.ts) and the sources. */
const UPDATED_ELSEWHERE = new Set(["pagefind", "sources"]);

/**
 * The files of a site that its render updates: every file but those of {@link UPDATED_ELSEWHERE}, relative. A folder
 * gone since the site was listed (the site moved meanwhile) is an error, never an empty folder: a short list would
 * leave files in place that the render then links over.
 */
function baseFiles(site: string): string[] {
  return readdirSync(site, { withFileTypes: true }).flatMap((top) => {
    if (top.isDirectory()) return UPDATED_ELSEWHERE.has(top.name) ? [] : filesUnder(join(site, top.name), { mustExist: true }).map((f) => `${top.name}/${f}`);
    return top.isFile() ? [top.name] : [];
  });
}

/**
 * Deletes each of `files` (files of the site in `output`, as {@link baseFiles} lists them) but those of pages whose
 * inputs hash the same in `baseRecord` (the base's) and in `wanted` (this build's); adds the files kept to `kept`
 * and the folders deletions may have emptied to `emptied`.
 */
function clearBase(output: string, files: readonly string[], baseRecord: PageRecord, wanted: PageRecord, { kept, emptied }: { kept: Set<string>; emptied: Set<string> }): void {
  for (const path of files) {
    if (wanted[path] !== undefined && baseRecord[path] === wanted[path]) {
      kept.add(path);
      continue;
    }
    unlinkSync(join(output, path));
    emptied.add(dirname(join(output, path)));
  }
}

/** Runs Eleventy over the site's own pages; returns the site paths of the pages it wrote. */
async function renderWithEleventy(content: string, output: string, options: RenderOptions, context: BuildContext): Promise<string[]> {
  // The config is TypeScript: under tsx, the caller must have it registered (`node --import tsx` does); see CONFIG_PATH.
  const eleventy = new Eleventy(content, output, {
    configPath: CONFIG_PATH,
    quietMode: options.quiet ?? false,
    // Runs before the config file, so every plugin finds the configuration and the index.
    config: (eleventyConfig: { addGlobalData(key: string, value: unknown): void }) => {
      eleventyConfig.addGlobalData(SITE_DATA_KEY, context.index.config);
      setBuildContext(eleventyConfig, context);
    },
  });
  const results = (await eleventy.write()) as unknown;
  // Eleventy 3 resolves `write()` with `[passthroughCopies, templates]`.
  const templates = Array.isArray(results) && Array.isArray(results[1]) ? (results[1] as { url?: unknown }[]) : [];
  return templates.map((t) => t.url).filter((u): u is string => typeof u === "string");
}

// Renders a content folder into a site folder: release pages by our renderer, the other pages by Eleventy, unchanged pages hard-linked from the previous site.
import Eleventy from "@11ty/eleventy";
import { existsSync, linkSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { setBuildContext, type EleventyPages } from "./build-context.ts";
import { CITATION_CACHE_FILE, CitationStore } from "./citation-store.ts";
import { cslItem } from "./citations.ts";
import { buildSiteIndex, FEED_FILES, type SiteIndex } from "./collections.ts";
import { loadSiteConfig, SITE_DATA_KEY, siteUrls, type SiteConfig } from "./config.ts";
import { facetIndexPageDigest, feedDigest, listingPageDigest, releasePageDigest, siteDigest, type PageRecord } from "./page-record.ts";
import { CONFIG_PATH } from "./paths.ts";
import { ReleasePageRenderer } from "./release-pages.ts";
import { loadReleases, type ReleaseItem } from "./releases.ts";
import { publishSources, writeSitemap } from "./site-files.ts";
import { readTopicLabels } from "./taxonomy.ts";

export interface RenderOptions {
  /** The content folder: `releases/YYYY/MM/*.md` are read, everything else is ignored. */
  content: string;
  /** The folder that receives the pages; it should be new or empty, stale files are not removed. */
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
  /** Silences Eleventy's per-file log lines. */
  quiet?: boolean;
}

export interface RenderResult {
  /** Files of pages in the output (rendered or reused), the sitemap and copied sources aside. */
  files: number;
  /** Pages rendered in this build, and pages hard-linked from the previous site. */
  rendered: number;
  reused: number;
  /** What every page of the new site was rendered from: the record for the next build. */
  record: PageRecord;
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
 * Release pages and their index.json are rendered here from the site index; Eleventy renders the rest (lists,
 * facet indexes, feeds, home, archive, search, data files). With `previous`, each page whose inputs (its data, the
 * site's code and configuration) hash as recorded is hard-linked from the live site: the result is the same bytes.
 */
export async function renderSite(options: RenderOptions): Promise<RenderResult> {
  const config = options.config ?? loadSiteConfig();
  const content = resolve(options.content);
  const output = resolve(options.output);
  const topicLabels = readTopicLabels(content);
  const index = buildSiteIndex(loadReleases(content), config, topicLabels);
  const site = siteDigest(index, topicLabels);
  const previous = options.previous;
  const record: PageRecord = {};
  let reused = 0;
  /** Whether a page can be taken from the previous site; records it either way. */
  const reuse = (files: PlannedFile[]): boolean => {
    for (const f of files) record[f.path] = f.digest;
    if (!previous || !files.every((f) => previous.record[f.path] === f.digest && existsSync(join(previous.site, f.path)))) return false;
    for (const f of files) {
      mkdirSync(dirname(join(output, f.path)), { recursive: true });
      linkSync(join(previous.site, f.path), join(output, f.path));
    }
    reused += files.length;
    return true;
  };

  const releases: ReleaseItem[] = [];
  for (const item of index.releases) {
    const digest = releasePageDigest(site, index, item);
    if (!reuse([{ path: htmlFile(item.url), digest }, { path: `${item.url.slice(1)}index.json`, digest }])) releases.push(item);
  }
  const eleventyPages: EleventyPages = {
    listingPages: index.listingPages.filter((p) => !reuse([{ path: htmlFile(p.url), digest: listingPageDigest(site, p) }])),
    facetIndexPages: index.facetIndexPages.filter((p) => !reuse([{ path: htmlFile(p.url), digest: facetIndexPageDigest(site, index, p) }])),
    feeds: index.feeds.filter((feed) => {
      const digest = feedDigest(site, feed);
      return !reuse(Object.values(FEED_FILES).map((name) => ({ path: `${feed.dir.slice(1)}${name}`, digest })));
    }),
  };

  // The worker starts formatting citations now, from the last release; Eleventy's pages come first, giving it a
  // head start, then the release pages from the first release, so the two meet late.
  const store = new CitationStore(options.cache ? join(options.cache, CITATION_CACHE_FILE) : null);
  let written: string[];
  try {
    store.prefetch({ files: releases.map((r) => r.inputPath), config });
    written = await renderWithEleventy(content, output, options, index, eleventyPages);
    renderReleases(index, releases, output, store);
  } finally {
    // Citations of reused pages stay in the cache too: it holds the whole archive as it is.
    const urls = siteUrls(config);
    for (const item of index.releases) store.keep(cslItem(item.data, urls.absolute(item.url), config));
    await store.finish();
  }

  // Every HTML page of the site, rendered or reused, is in the sitemap.
  const pages = new Set(written);
  for (const path of Object.keys(record)) if (path === "index.html" || path.endsWith("/index.html")) pages.add(`/${path.slice(0, -"index.html".length)}`);
  writeSitemap(output, [...pages], siteUrls(config));
  const sources = options.sources ?? join(content, "sources");
  // The bytes as collected, whatever their encoding: a release page links its source here.
  if (existsSync(sources)) publishSources(sources, join(output, "sources"));
  const rendered = releases.length * 2 + written.length;
  return { files: rendered + reused, rendered, reused, record };
}

/** Renders and writes the given releases' pages, their citations from `store`. */
function renderReleases(index: SiteIndex, releases: readonly ReleaseItem[], output: string, store: CitationStore): void {
  const renderer = new ReleasePageRenderer(index, (item) => store.citations(item));
  for (const item of releases) {
    const page = renderer.render(item);
    const dir = join(output, item.url);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "index.html"), page.html);
    writeFileSync(join(dir, "index.json"), page.json);
  }
}

/** Runs Eleventy over the site's own pages; returns the site paths of the pages it wrote. */
async function renderWithEleventy(content: string, output: string, options: RenderOptions, index: SiteIndex, pages: EleventyPages): Promise<string[]> {
  // The config is TypeScript: the caller must have tsx registered (bin/communique.js and `node --import tsx` do).
  const eleventy = new Eleventy(content, output, {
    configPath: CONFIG_PATH,
    quietMode: options.quiet ?? false,
    // Runs before the config file, so every plugin finds the configuration and the index.
    config: (eleventyConfig: { addGlobalData(key: string, value: unknown): void }) => {
      eleventyConfig.addGlobalData(SITE_DATA_KEY, index.config);
      setBuildContext(eleventyConfig, { index, render: pages });
    },
  });
  const results = (await eleventy.write()) as unknown;
  // Eleventy 3 resolves `write()` with `[passthroughCopies, templates]`.
  const templates = Array.isArray(results) && Array.isArray(results[1]) ? (results[1] as { url?: unknown }[]) : [];
  return templates.map((t) => t.url).filter((u): u is string => typeof u === "string");
}

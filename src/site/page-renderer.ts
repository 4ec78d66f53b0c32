// The pages of which a site has thousands — releases (HTML and index.json), list pages, facet indexes, feeds — rendered from the site index outside Eleventy's per-page data cascade.
import type { FrontMatter } from "../model/release.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import nunjucks from "nunjucks";
import type { chartFilters } from "./charts/plugin.ts";
import type { Citations } from "./citations.ts";
import { FEED_FILES, type FacetIndexPage, type Feed, type ListingPage, type SiteIndex } from "./collections.ts";
import { SITE_DATA_KEY, siteUrls, type SiteUrls } from "./config.ts";
import { releaseJson } from "./data-files.ts";
import { siteFilters } from "./filters.ts";
import { parseFrontMatter } from "./front-matter.ts";
import { createMarkdown } from "./markdown.ts";
import { TEMPLATES_DIR } from "./paths.ts";
import { RELEASE_LAYOUT, splitRelease, type ReleaseItem } from "./releases.ts";

/** The slices of nunjucks' Environment and Template used here (nunjucks ships no types). */
interface NunjucksEnvironment {
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
}
interface NunjucksTemplate {
  render(context: object): string;
}
const { Environment, FileSystemLoader, Template } = nunjucks as unknown as {
  Environment: new (loader: unknown, options: { autoescape: boolean }) => NunjucksEnvironment;
  FileSystemLoader: new (dir: string) => unknown;
  Template: new (source: string, env: NunjucksEnvironment, path: string, eagerCompile: boolean) => NunjucksTemplate;
};

/** A template file: its front matter (`layout`, `stylesheets`, `pageKind`) and its compiled body. */
interface TemplateFile {
  data: Record<string, unknown>;
  template: NunjucksTemplate;
}

/** The two files of a release page, as written under its URL. */
export interface ReleasePage {
  html: string;
  json: string;
}

/** Where a list page's template lives under templates/. */
const LISTING_TEMPLATE = "lists/listing.njk";
const FACET_INDEX_TEMPLATE = "lists/facet-index.njk";

/**
 * Renders pages as Eleventy renders a template with a layout chain: the template (or a release's Markdown body),
 * then each layout of the chain (release.njk, base.njk) with the page's data as context, where each file's front
 * matter lies under the page's own data and an outer layout's under an inner one's. The filters are the ones
 * Eleventy's pages get (src/site/filters.ts, src/site/charts/), so the pages cannot drift apart; a filter missing
 * here fails the page loudly. Compiled once per build, with the templates' sources.
 */
export class PageRenderer {
  private readonly env: NunjucksEnvironment;
  private readonly files = new Map<string, TemplateFile>();
  private readonly md = createMarkdown();
  private readonly urls: SiteUrls;
  private readonly globals: Record<string, unknown>;
  private readonly filters: ReturnType<typeof siteFilters>;

  constructor(
    private readonly index: SiteIndex,
    citations: (data: FrontMatter, url: string) => Citations,
    charts: ReturnType<typeof chartFilters>,
  ) {
    const config = index.config;
    this.urls = siteUrls(config);
    // Eleventy's Nunjucks for these templates: includes from templates/, autoescape on (src/site/nunjucks.ts).
    this.env = new Environment(new FileSystemLoader(TEMPLATES_DIR), { autoescape: true });
    this.filters = siteFilters({ config: () => config, citations });
    for (const [name, filter] of Object.entries({ ...this.filters, ...charts })) this.env.addFilter(name, filter);
    this.globals = { [SITE_DATA_KEY]: config, collections: { site: index, releases: index.releases } };
  }

  /** A release's page (its Markdown body through the release layout) and its `index.json`. */
  release(item: ReleaseItem): ReleasePage {
    const rawInput = splitRelease(readFileSync(item.inputPath, "utf8"))?.body ?? "";
    const page = { url: item.url, inputPath: item.inputPath, rawInput };
    const html = this.withLayouts(this.md.render(rawInput), RELEASE_LAYOUT, { ...item.data, page });
    return { html, json: releaseJson(item, rawInput, this.urls) };
  }

  /** A page of a year, month or facet value's releases. */
  listing(lp: ListingPage): string {
    return this.page(LISTING_TEMPLATE, { lp, title: lp.title, pageNumber: lp.number, page: { url: lp.url } });
  }

  /** A page of a facet's index. */
  facetIndex(fp: FacetIndexPage): string {
    return this.page(FACET_INDEX_TEMPLATE, { fp, title: fp.facet.plural, pageNumber: fp.number, page: { url: fp.url } });
  }

  /** A feed's three files, by file name (`atom.xml`, `rss.xml`, `feed.json`). */
  feed(feed: Feed): [name: string, text: string][] {
    const { atomFeed, rssFeed, jsonFeed } = this.filters;
    return [
      [FEED_FILES.atom, atomFeed!(feed, this.index) as string],
      [FEED_FILES.rss, rssFeed!(feed, this.index) as string],
      [FEED_FILES.json, jsonFeed!(feed, this.index) as string],
    ];
  }

  /** A template under templates/ rendered with `data`, then through the layout its front matter names. */
  private page(name: string, data: Record<string, unknown>): string {
    const file = this.file(name);
    const context = { ...this.globals, ...file.data, ...data };
    const layout = file.data["layout"];
    const content = file.template.render(context);
    return typeof layout === "string" ? this.withLayouts(content, layout, { ...file.data, ...data }) : content;
  }

  /** `content` through the chain of layouts that starts at `first` (templates/layouts/). */
  private withLayouts(content: string, first: string, data: Record<string, unknown>): string {
    const chain: TemplateFile[] = [];
    for (let name: unknown = first; typeof name === "string" && name; name = chain[chain.length - 1]!.data["layout"]) chain.push(this.file(join("layouts", name)));
    // Eleventy's data cascade: the outermost layout's front matter lowest, the page's own data highest.
    const context: Record<string, unknown> = { ...this.globals };
    for (const layout of [...chain].reverse()) Object.assign(context, layout.data);
    Object.assign(context, data);
    for (const layout of chain) content = layout.template.render({ ...context, content });
    return content;
  }

  /** A template file by its path under templates/, read and compiled once. */
  private file(name: string): TemplateFile {
    let file = this.files.get(name);
    if (!file) {
      const path = join(TEMPLATES_DIR, name);
      const text = readFileSync(path, "utf8");
      const split = splitRelease(text);
      const data = split ? (parseFrontMatter(split.yaml) as Record<string, unknown>) : {};
      file = { data, template: new Template(split ? split.body : text, this.env, path, true) };
      this.files.set(name, file);
    }
    return file;
  }
}

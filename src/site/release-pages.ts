// Release pages (HTML and index.json) rendered from the site index with the release layout, outside Eleventy's per-page data cascade.
import type { CslData } from "@citation-js/core";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import nunjucks from "nunjucks";
import type { Citations } from "./citations.ts";
import type { SiteIndex } from "./collections.ts";
import { SITE_DATA_KEY, siteUrls } from "./config.ts";
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

/** A layout file: its front matter (`layout`, `pageKind`) and its compiled body. */
interface Layout {
  data: Record<string, unknown>;
  template: NunjucksTemplate;
}

/** The two files of a release page, as written under its URL. */
export interface ReleasePage {
  html: string;
  json: string;
}

/**
 * Renders release pages exactly as an Eleventy Markdown template with the release layout would: the body through
 * the site's markdown-it, then each layout of the chain (release.njk, then base.njk) with the page's data, where the
 * layout's front matter lies under the release's own. The filters are the ones Eleventy's pages get
 * (src/site/filters.ts), so the two kinds of page cannot drift apart; a filter missing here fails the page loudly.
 */
export class ReleasePageRenderer {
  private readonly env: NunjucksEnvironment;
  private readonly layouts = new Map<string, Layout>();
  private readonly md = createMarkdown();
  private readonly urls;
  private readonly globals: Record<string, unknown>;

  constructor(
    private readonly index: SiteIndex,
    citations: (item: CslData) => Citations,
  ) {
    const config = index.config;
    this.urls = siteUrls(config);
    // Eleventy's Nunjucks for these templates: includes from templates/, autoescape on (src/site/nunjucks.ts).
    this.env = new Environment(new FileSystemLoader(TEMPLATES_DIR), { autoescape: true });
    for (const [name, filter] of Object.entries(siteFilters({ config: () => config, citations }))) this.env.addFilter(name, filter);
    this.globals = { [SITE_DATA_KEY]: config, collections: { site: index, releases: index.releases } };
  }

  /** The release's page and its `index.json`. */
  render(item: ReleaseItem): ReleasePage {
    const rawInput = splitRelease(readFileSync(item.inputPath, "utf8"))?.body ?? "";
    const page = { url: item.url, inputPath: item.inputPath, rawInput };
    let content = this.md.render(rawInput);
    const chain: Layout[] = [];
    for (let name: unknown = RELEASE_LAYOUT; typeof name === "string" && name; name = chain[chain.length - 1]!.data["layout"]) chain.push(this.layout(name));
    // Eleventy's data cascade for a layout chain: the outermost layout's front matter lowest, the page's own highest.
    const data: Record<string, unknown> = { ...this.globals };
    for (const layout of [...chain].reverse()) Object.assign(data, layout.data);
    Object.assign(data, item.data, { page });
    for (const layout of chain) content = layout.template.render({ ...data, content });
    return { html: content, json: releaseJson(item, rawInput, this.urls) };
  }

  /** A layout by its name under templates/layouts/, compiled once. */
  private layout(name: string): Layout {
    let layout = this.layouts.get(name);
    if (!layout) {
      const path = join(TEMPLATES_DIR, "layouts", name);
      const text = readFileSync(path, "utf8");
      const split = splitRelease(text);
      const data = split ? (parseFrontMatter(split.yaml) as Record<string, unknown>) : {};
      layout = { data, template: new Template(split ? split.body : text, this.env, path, true) };
      this.layouts.set(name, layout);
    }
    return layout;
  }
}

// Renders a content folder into a site folder with Eleventy, programmatically, using the repository's config and templates.
import Eleventy from "@11ty/eleventy";
import { join, resolve } from "node:path";
import { releaseFiles } from "./citation-store.ts";
import { CACHE_DATA_KEY } from "./filters.ts";
import { loadSiteConfig, SITE_DATA_KEY, type SiteConfig } from "./config.ts";
import type { ProgressCounter } from "../model/progress.ts";
import { CONFIG_PATH } from "./paths.ts";
import { SOURCES_DATA_KEY } from "./site-files.ts";

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
  /** Silences Eleventy's per-file log lines. */
  quiet?: boolean;
  /** Told the number of pages once Eleventy has mapped them, then each page as it is written. */
  progress?: ProgressCounter;
}

/** The part of Eleventy's configuration API that renderSite uses before the config file runs. */
interface EarlyConfig {
  addGlobalData(key: string, value: unknown): void;
  on(event: "eleventy.contentMap", listener: (map: { inputPathToUrl: Record<string, (string | false)[]> }) => void): void;
  addTransform(name: string, transform: (content: string) => string): void;
}

/** Eleventy's event bus: a module of its own that its package does not export, reached by its file beside the entry. */
async function eleventyEventBus(): Promise<{ emit(event: string, ...args: unknown[]): unknown }> {
  const entry = import.meta.resolve("@11ty/eleventy");
  return ((await import(new URL("EventBus.js", entry).href)) as { default: { emit(event: string, ...args: unknown[]): unknown } }).default;
}

/**
 * Eleventy keeps every template file it has read in a process-wide cache by path (TemplateContent's input cache),
 * which its watch mode clears by announcing each changed file. A second build in the same process (the tests,
 * a program using this function) would otherwise render a release edited since the first from its old text.
 * Announce every release file as modified, as the watcher would (a directory listing and a map deletion a file).
 */
async function forgetReadFiles(content: string): Promise<void> {
  const bus = await eleventyEventBus();
  for (const file of releaseFiles(join(content, "releases"))) bus.emit("eleventy.resourceModified", file, [], {});
}

/** Runs one Eleventy build of `content` into `output`; rejects (with the failing file's path) when any page fails. */
export async function renderSite(options: RenderOptions): Promise<{ files: number }> {
  const site = options.config ?? loadSiteConfig();
  await forgetReadFiles(resolve(options.content));
  // The config is TypeScript: the caller must have tsx registered (bin/communique.js and `node --import tsx` do).
  const eleventy = new Eleventy(options.content, options.output, {
    configPath: CONFIG_PATH,
    quietMode: options.quiet ?? false,
    // Runs before the config file, so every plugin finds the configuration in the global data.
    config: (eleventyConfig: EarlyConfig) => {
      eleventyConfig.addGlobalData(SITE_DATA_KEY, site);
      if (options.cache) eleventyConfig.addGlobalData(CACHE_DATA_KEY, options.cache);
      if (options.sources) eleventyConfig.addGlobalData(SOURCES_DATA_KEY, options.sources);
      const progress = options.progress;
      if (progress) {
        // The content map lists every page Eleventy will write (a URL of `false` is a page it will not).
        eleventyConfig.on("eleventy.contentMap", ({ inputPathToUrl }) => progress.setTotal(Object.values(inputPathToUrl).flat().filter((url) => url !== false).length));
        // Transforms run once per page written; this one only counts it.
        eleventyConfig.addTransform("communique-progress", (content) => {
          progress.tick();
          return content;
        });
      }
    },
  });
  const results = (await eleventy.write()) as unknown;
  return { files: countResults(results) };
}

/** Eleventy 3 resolves `write()` with `[passthroughCopies, templates]`; count the written templates. */
function countResults(results: unknown): number {
  if (!Array.isArray(results)) return 0;
  const templates: unknown = results[1];
  return Array.isArray(templates) ? templates.length : 0;
}

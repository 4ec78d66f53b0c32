// Eleventy plugin: files written after the pages — the sitemap of every page, and the collected sources for download.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { globalDataOf, siteConfigOf, siteUrls } from "./config.ts";
import { inputDirectory } from "./paths.ts";
import { sitemapEntries, sitemapFiles } from "./sitemap.ts";

/** Global data key naming the folder of collected sources (set by renderSite; default `<content>/sources`). */
export const SOURCES_DATA_KEY = "sourcesDir";
/** Where sources are published: `/sources/<path under the sources folder>`. */
export const SOURCES_PATH = "/sources/";

/** Adds the after-build step: sitemap.xml (or an index of sitemaps) and a copy of the sources folder under /sources/. */
export default function siteFilesPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.on("eleventy.after", ({ results, directories }: { results: { url: string | false }[]; directories: { output: string } }) => {
    const output = directories.output;
    const urls = siteUrls(siteConfigOf(eleventyConfig));
    const pages = results.map((r) => r.url).filter((u): u is string => typeof u === "string");
    for (const [path, text] of sitemapFiles(sitemapEntries(pages), urls.absolute)) {
      mkdirSync(dirname(join(output, path)), { recursive: true });
      writeFileSync(join(output, path), text);
    }
    const given = globalDataOf(eleventyConfig)[SOURCES_DATA_KEY];
    const sources = typeof given === "string" ? given : join(inputDirectory(eleventyConfig), "sources");
    // The bytes as collected, whatever their encoding: a release page links its source here.
    if (existsSync(sources)) cpSync(sources, join(output, "sources"), { recursive: true, filter: (src) => !basename(src).startsWith(".") });
  });
}

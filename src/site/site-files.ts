// Eleventy plugin: files written after the pages — the sitemap of every page, and the collected sources for download.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { globalDataOf, siteConfigOf, siteUrls } from "./config.ts";
import { inputDirectory } from "./paths.ts";
import { sitemapEntries, sitemapFiles } from "./sitemap.ts";

/** Global data key naming the folder of collected sources (set by renderSite; default `<content>/sources`). */
export const SOURCES_DATA_KEY = "sourcesDir";
/** Where sources are published: `/sources/<path under the sources folder>`, see {@link publishedSourcePath}. */
export const SOURCES_PATH = "/sources/";

/**
 * The name a source is published under, below /sources/: its path, with `.txt` added unless it already ends so.
 * Hosts serve `.txt` as text/plain, which browsers never run; a collected `.xml`, `.rss` or `.html` file served as
 * what its name says could carry script (XHTML elements in XML run in the site's origin, outside its CSP).
 */
export function publishedSourcePath(path: string): string {
  return /\.txt$/i.test(path) ? path : `${path}.txt`;
}

/** Copies the regular files under `from` (no hidden ones, no symbolic links: those could point anywhere) to their published names. */
function publishSources(from: string, to: string): void {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = relative(from, join(entry.parentPath, entry.name)).split(sep).join("/");
    if (rel.split("/").some((part) => part.startsWith("."))) continue;
    const target = join(to, publishedSourcePath(rel));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(from, rel), target);
  }
}

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
    if (existsSync(sources)) publishSources(sources, join(output, "sources"));
  });
}

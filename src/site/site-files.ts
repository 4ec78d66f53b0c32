// Files written beside the pages: the sitemap of every page, and the collected sources for download.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { SiteUrls } from "./config.ts";
import { sitemapEntries, sitemapFiles } from "./sitemap.ts";

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
export function publishSources(from: string, to: string): void {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = relative(from, join(entry.parentPath, entry.name)).split(sep).join("/");
    if (rel.split("/").some((part) => part.startsWith("."))) continue;
    const target = join(to, publishedSourcePath(rel));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(from, rel), target);
  }
}

/** Writes sitemap.xml (or an index of sitemaps) listing the given site paths. */
export function writeSitemap(output: string, pages: readonly string[], urls: SiteUrls): void {
  for (const [path, text] of sitemapFiles(sitemapEntries(pages), urls.absolute)) {
    mkdirSync(dirname(join(output, path)), { recursive: true });
    writeFileSync(join(output, path), text);
  }
}

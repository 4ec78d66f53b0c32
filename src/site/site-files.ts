// Files written beside the pages: the sitemap of every page, and the collected sources for download.
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
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

/**
 * Copies the regular files under `from` (no hidden ones, no symbolic links: those could point anywhere) to their
 * published names under `to`. A file whose bytes equal the copy in `previous` (the live site's sources folder) is
 * hard-linked from there instead: comparing two small files costs this disk less than writing one.
 */
export function publishSources(from: string, to: string, previous?: string): void {
  const made = new Set<string>();
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = relative(from, join(entry.parentPath, entry.name)).split(sep).join("/");
    if (rel.split("/").some((part) => part.startsWith("."))) continue;
    const published = publishedSourcePath(rel);
    const target = join(to, published);
    if (!made.has(dirname(target))) {
      mkdirSync(dirname(target), { recursive: true });
      made.add(dirname(target));
    }
    const source = join(from, rel);
    if (previous === undefined || !sameBytes(source, join(previous, published)) || !linked(join(previous, published), target)) copyFileSync(source, target);
  }
}

/** Hard-links `from` at `to`; false where the file system refuses (the caller copies instead). */
function linked(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** Whether two files hold the same bytes (false when either is missing). */
function sameBytes(a: string, b: string): boolean {
  const size = statSync(b, { throwIfNoEntry: false })?.size;
  if (size === undefined || size !== statSync(a).size) return false;
  return readFileSync(a).equals(readFileSync(b));
}

/** Writes sitemap.xml (or an index of sitemaps) listing the given site paths. */
export function writeSitemap(output: string, pages: readonly string[], urls: SiteUrls): void {
  for (const [path, text] of sitemapFiles(sitemapEntries(pages), urls.absolute)) {
    mkdirSync(dirname(join(output, path)), { recursive: true });
    writeFileSync(join(output, path), text);
  }
}

// sitemap.xml of every page written, split into several sitemaps under an index beyond the protocol's 50,000 URLs.
import { xmlEscape } from "./feeds.ts";

/** The sitemaps protocol's limit of URLs per file (https://www.sitemaps.org/protocol.html). */
export const SITEMAP_LIMIT = 50_000;

/** A page in the sitemap: its site path and, for a release, its date. */
export interface SitemapEntry {
  path: string;
  lastmod: string | null;
}

/** The pages a sitemap lists: HTML pages only (not the 404 page), sorted for reproducible files. */
export function sitemapEntries(urls: readonly string[]): SitemapEntry[] {
  return urls
    .filter((u) => (u.endsWith("/") || u.endsWith(".html")) && u !== "/404.html")
    .sort()
    .map((path) => {
      const m = /^\/releases\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(path);
      return { path, lastmod: m ? `${m[1]}-${m[2]}-${m[3]}` : null };
    });
}

/** A `<urlset>` of absolute URLs. */
export function urlset(entries: readonly SitemapEntry[], absolute: (path: string) => string): string {
  const lines = [`<?xml version="1.0" encoding="utf-8"?>`, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`];
  for (const e of entries) lines.push(`  <url><loc>${xmlEscape(absolute(e.path))}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ""}</url>`);
  lines.push(`</urlset>`, "");
  return lines.join("\n");
}

/**
 * The sitemap files: `sitemap.xml` alone when the pages fit one file; otherwise `sitemap.xml` is an index of
 * `sitemaps/1.xml`, `sitemaps/2.xml`… Keys are output paths relative to the site folder.
 */
export function sitemapFiles(entries: readonly SitemapEntry[], absolute: (path: string) => string, limit = SITEMAP_LIMIT): Map<string, string> {
  const files = new Map<string, string>();
  if (entries.length <= limit) {
    files.set("sitemap.xml", urlset(entries, absolute));
    return files;
  }
  const index = [`<?xml version="1.0" encoding="utf-8"?>`, `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`];
  for (let i = 0, n = 1; i < entries.length; i += limit, n++) {
    files.set(`sitemaps/${n}.xml`, urlset(entries.slice(i, i + limit), absolute));
    index.push(`  <sitemap><loc>${xmlEscape(absolute(`/sitemaps/${n}.xml`))}</loc></sitemap>`);
  }
  index.push(`</sitemapindex>`, "");
  files.set("sitemap.xml", index.join("\n"));
  return files;
}

// Indexes a rendered site with Pagefind's Node API, writing the search bundle to `<site>/pagefind/`.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { writeManifest } from "./manifest.ts";

/** What indexing did: pages indexed, or the errors Pagefind reported. */
export interface IndexResult {
  /** Pages in the search index (release pages only: the other pages carry no `data-pagefind-body`). */
  pages: number;
  errors: string[];
}

/** The pages to index: release pages only. Home, archive and search pages list releases; they are not results. */
export const RELEASE_PAGES_GLOB = "releases/**/*.html";

/**
 * Indexes the release pages under `outputDir` and writes `outputDir/pagefind/` (one bundle, listed in its
 * `shards.json`). Within a page only the `data-pagefind-body` element is indexed (https://pagefind.app/docs/indexing/); the glob also keeps the other
 * pages out when there is no release at all, where Pagefind would otherwise fall back to indexing every page.
 * Always stops Pagefind's service process, so the caller's process can exit.
 */
export async function indexSite(outputDir: string): Promise<IndexResult> {
  try {
    // The "link to this paragraph" controls are not words of the statement.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en", excludeSelectors: [".pl"] });
    if (!index) return { pages: 0, errors };
    const added = await index.addDirectory({ path: outputDir, glob: RELEASE_PAGES_GLOB });
    if (added.errors.length > 0) return { pages: 0, errors: added.errors };
    const outputPath = join(outputDir, "pagefind");
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) return { pages: 0, errors: written.errors };
    await writeManifest(outputPath, [{ name: "all", path: "./" }]);
    // `page_count` above counts the HTML files read; the entry file counts the pages actually indexed.
    return { pages: await indexedPages(outputPath), errors: [] };
  } finally {
    await pagefind.close();
  }
}

/** Sum of the per-language page counts in `pagefind-entry.json`. */
async function indexedPages(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundleDir, "pagefind-entry.json"), "utf8")) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((sum, l) => sum + (l.page_count ?? 0), 0);
}

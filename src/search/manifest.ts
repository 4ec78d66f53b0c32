// The search bundles' manifest, `<site>/pagefind/shards.json`: which Pagefind bundles the search page merges.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";

/** File name of the manifest, in the bundle root (`_site/pagefind/`). */
export const MANIFEST_FILE = "shards.json";

/** One Pagefind bundle of the index. */
export interface BundleEntry {
  /** A short unique name (the search page filters one bundle by it), e.g. "2021". */
  name: string;
  /** The bundle's folder relative to the manifest's, ending in "/": "./" for the bundle beside it, "2021/". */
  path: string;
  /** First and last release dates (YYYY-MM-DD) in the bundle, when known: date sorts skip bundles by them. */
  from?: string;
  to?: string;
  /** Files of the bundle a first search always loads (its metadata and WebAssembly), which the search page preloads. */
  preload?: string[];
}

/**
 * Writes the manifest listing `bundles` into `bundleRoot`. The search page reads it to merge the bundles
 * (templates/assets/search-engine.js); the first bundle's `pagefind.js` is loaded. Without a manifest the page
 * searches the single bundle at the root.
 */
export async function writeManifest(bundleRoot: string, bundles: BundleEntry[]): Promise<void> {
  // On one line: every search fetches it.
  await writeFile(join(bundleRoot, MANIFEST_FILE), `${JSON.stringify({ version: 1, bundles })}\n`);
}

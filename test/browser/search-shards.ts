// Test helper: re-indexes a built site as several Pagefind bundles (one per year) listed in pagefind/shards.json, as
// a large archive's build would (it groups years into bundles of up to 3,000 pages, so the small sample gets one),
// so the search page's merging of bundles can be tested on the sample.
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { writeManifest, type BundleEntry } from "../../src/search/manifest.ts";
import { mergeBundles } from "../../src/search/merge-bundles.ts";

/**
 * Replaces `<site>/pagefind/` with one bundle per year of releases (`pagefind/y2014/`, …) and a manifest listing
 * them with their date spans (none with `spans` false: the page must then merge by the results' dates). Returns the bundles, in the manifest's order (`order`: oldest or newest year first).
 */
export async function shardByYear(site: string, order: "oldest" | "newest" = "newest", spans = true): Promise<BundleEntry[]> {
  const root = join(site, "pagefind");
  await rm(root, { recursive: true, force: true });
  let years = (await readdir(join(site, "releases"))).filter((y) => /^\d{4}$/.test(y)).sort();
  if (order === "newest") years = years.reverse();
  const bundles: BundleEntry[] = [];
  try {
    for (const year of years) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: "en", excludeSelectors: [".pl"] });
      if (!index) throw new Error(errors.join("\n"));
      const added = await index.addDirectory({ path: site, glob: `releases/${year}/**/*.html` });
      if (added.errors.length) throw new Error(added.errors.join("\n"));
      const written = await index.writeFiles({ outputPath: join(root, `y${year}`) });
      if (written.errors.length) throw new Error(written.errors.join("\n"));
      bundles.push({ name: `y${year}`, path: `y${year}/`, ...(spans ? { from: `${year}-01-01`, to: `${year}-12-31` } : {}) });
    }
  } finally {
    await pagefind.close();
  }
  await writeManifest(root, bundles);
  return bundles;
}

/**
 * Replaces `<site>/pagefind/` with one bundle per year merged into one (src/search/merge-bundles.ts) in small chunks,
 * listed alone in the manifest: what a build does with its shards, with more shards and chunks than the sample gets.
 */
export async function mergedByYear(site: string): Promise<void> {
  const years = await shardByYear(site, "oldest");
  const root = join(site, "pagefind");
  await mergeBundles(years.map((b) => join(root, b.path)), join(root, "all"), { chunkBytes: 500 });
  await writeManifest(root, [{ name: "all", path: "all/", from: years[0]!.from!, to: years.at(-1)!.to! }]);
}

// Indexes a rendered site with Pagefind's Node API: shards of consecutive years, kept outside the site in a store of bundles by their inputs, merged into the one bundle `pagefind/all/` that `pagefind/shards.json` lists.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { copyFile, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import type { ProgressCounter } from "../model/progress.ts";
import { writeManifest } from "./manifest.ts";
import { ChunkPrefetch } from "./chunk-prefetch.ts";
import { linkOrCopy } from "./bundle-format.ts";
import { CHUNK_BYTES, type EarlierMerge, firstSearchFiles, mergeBundles } from "./merge-bundles.ts";
import { closeAll, PageBudget, type PagefindApi, pagefindServices } from "./services.ts";
import { type EarlierBundle, indexedPages, type PendingPages, shardBundleDir, shardHash, writeShardBundle } from "./shard-bundle.ts";

/** What indexing did: pages indexed, or the errors Pagefind reported. */
export interface IndexResult {
  /** Pages in the search index (release pages only: the other pages carry no `data-pagefind-body`). */
  pages: number;
  /** One entry per shard, newest years first. */
  shards: Shard[];
  /**
   * Each shard's input hash (see {@link ShardInputs}), and the merged bundle's under {@link MERGED_KEY}, for the next
   * build to reuse what did not change.
   */
  inputs: ShardInputs;
  /** Keys of the shards whose bundle an earlier build had indexed (from the store) instead of indexed again. */
  reused: string[];
  /** Keys of the shards whose changed pages were indexed and spliced into an earlier build's bundle. */
  spliced: string[];
  errors: string[];
}

/**
 * Shard key → SHA-256 of everything a shard's bundle is made from: the Pagefind version, the indexing options, and
 * each release page's path and bytes, in order. Two builds with the same hash for a shard write the same bundle.
 */
export type ShardInputs = Record<string, string>;

/** The site built last, whose bundles can be reused: its folder and the input hashes it was indexed from. */
export interface PreviousIndex {
  site: string;
  inputs: ShardInputs;
}

/** How {@link indexSite} may reuse earlier bundles, and what it reports to. */
export interface IndexOptions {
  /** The live site's merged bundle, hard-linked into this site when its inputs are unchanged. */
  previous?: PreviousIndex;
  /**
   * The input hashes of the bundles already in the site's search folder, an earlier build's (src/cli/spare-site.ts):
   * a merged bundle with the same inputs is kept in place; the rest of that folder is replaced.
   */
  base?: ShardInputs;
  shardPages?: number;
  progress?: ProgressCounter;
  /**
   * The render's record (src/site/page-record.ts), which lists every page file of the site: the release pages are
   * taken from it rather than from the disk, and a page is hashed by its digest there rather than read.
   */
  pageDigests?: Readonly<Record<string, string>>;
  /**
   * A read-ahead the caller started (on the shards an earlier build indexed: {@link earlierShardBundles}), which the
   * merge uses as its own, and which is closed here.
   */
  prefetch?: ChunkPrefetch;
  /** Release pages the render may not have put in place yet, and when it will have (an edit's index started beside its render). */
  pending?: PendingPages;
}

/** One Pagefind bundle of the archive: the release pages of a block of consecutive years (see {@link groupYears}). */
export interface Shard {
  /** The first and last year of the shard's pages, `YYYY-YYYY` (`2000-2015`), or `YYYY` for one year. */
  key: string;
  /** The bundle's folder in the store (`<store>/2000-2015.<inputs>/`, see {@link shardBundleDir}). */
  dir: string;
  pages: number;
  /** First and last release date in the shard (`YYYY-MM-DD`): a date range need only search the shards it overlaps. */
  from: string;
  to: string;
}

/** Where the merged bundle, the UI files and the manifest (`shards.json`, see manifest.ts) go, inside the site. */
export const PAGEFIND_DIR = "pagefind";

/**
 * The bundle the search page loads (`pagefind/all/`): every shard merged into one (src/search/merge-bundles.ts), so
 * a first search fetches one index chunk instead of one per shard. Also its key among a build's {@link ShardInputs}
 * (no shard key is a word).
 */
export const MERGED_KEY = "all";

/** The merging code's digest: a change to it may merge the same shards differently. */
const MERGE_CODE = ["./merge-bundles.ts", "./word-chunk.ts", "./bundle-format.ts"].reduce((hash, file) => hash.update(readFileSync(new URL(file, import.meta.url))), createHash("sha256")).digest("hex");
/**
 * What made a merged bundle's bytes: the merging code and the zlib that compressed its chunks. Recorded among a
 * build's {@link ShardInputs} under {@link MERGE_MAKER_KEY}: a merge reuses the live bundle's index chunks (see
 * mergeBundles) only when the same maker wrote them, so its bytes are those a build from scratch writes.
 */
const MERGE_MAKER = createHash("sha256").update(`${MERGE_CODE}\n${process.versions.zlib}`).digest("hex");
const MERGE_MAKER_KEY = `${MERGED_KEY}.maker`;

/**
 * Release pages a shard holds at most, unless one month alone has more (a month is never split; see
 * {@link groupShards}). The search page loads
 * the merged bundle, whatever the shards, so their size weighs only on the build: Pagefind's peak memory grows with
 * the pages of an index (about 290 MiB per 1,000), its time too (about 3.6 ms a page here, whatever the size). A
 * rebuild indexes a changed shard's changed pages and splices them into its earlier bundle (0.3–0.6 s for an edit
 * in 309 pages, where indexing the whole shard took 1.8 s at 500 pages), or, failing that, indexes it whole; then the
 * merge. See docs/search.md, "Shards".
 */
export const SHARD_PAGES = 500;

/**
 * Shards indexed at once, each by its own Pagefind service (src/search/services.ts): one per core up to two, so
 * Pagefind uses both cores here (10,000 pages in shards of 1,000: 30 s against 42 s one at a time, merge included), its peak two shards' worth.
 */
const SHARD_CONCURRENCY = Math.min(2, availableParallelism());

/**
 * Pages indexed at once, across the shards: about 870 MiB of Pagefind, beside the Node process within the 1.5 GiB a
 * 10,000-release build may take. Shards of 500 pages go two at a time; a month of 3,000 pages or more (one shard,
 * since a month is never split) is indexed alone.
 */
const PAGES_AT_ONCE = 3_000;

/** The widest block of years a shard may cover: 1024 years, aligned on multiples of 1024 (so 1024–2047 holds every date of the archive). */
const WIDEST_BLOCK = 1024;

/** Pagefind's UI files, copied once to `/pagefind/` so the search page loads them from a fixed place. */
const UI_FILES = ["pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js"];

/** A release page's path below `releases/YYYY/`: `MM/DD/<slug>/index.html`. */
const RELEASE_PAGE = /^\d{2}\/\d{2}\/[^/]+\/index\.html$/;

/** Release pages by year: `releases/YYYY/MM/DD/<slug>/index.html`, sorted so every run adds them in one order. */
export async function releasePagesByYear(outputDir: string): Promise<Map<string, string[]>> {
  let years: string[];
  try {
    years = (await readdir(join(outputDir, "releases"))).filter((y) => /^\d{4}$/.test(y));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw e;
  }
  const paths: string[] = [];
  for (const year of years) for (const f of await readdir(join(outputDir, "releases", year), { recursive: true })) paths.push(`releases/${year}/${f.split("\\").join("/")}`);
  return releasePagesOf(paths);
}

/**
 * The release pages among a site's file paths (`/`-separated, relative), by year and sorted, as
 * {@link releasePagesByYear} finds them on disk: a render's record lists every page file, so the site's ten thousand
 * release folders need not be read again (about a second at 10,000 releases when they are not in the disk cache).
 */
export function releasePagesOf(paths: Iterable<string>): Map<string, string[]> {
  const byYear = new Map<string, string[]>();
  for (const path of paths) {
    const year = path.slice("releases/".length, "releases/YYYY".length);
    if (!path.startsWith("releases/") || !/^\d{4}$/.test(year) || path[13] !== "/" || !RELEASE_PAGE.test(path.slice("releases/YYYY/".length))) continue;
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year)!.push(path);
  }
  for (const files of byYear.values()) files.sort();
  return new Map([...byYear].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One shard's years (see {@link groupYears}). */
export interface YearGroup {
  /** The shard's name: its first and last year with pages, `1995-1999`, or `2024` for one. */
  key: string;
  /** The years with pages it holds, oldest first. */
  years: string[];
  /** The aligned block of years it stands for, first and last: [1984, 1999]. */
  block: [number, number];
}

/**
 * Groups years into shards: each shard is an aligned block of years — 2^k years starting at a multiple of 2^k
 * (1984–1999, 2000–2015, 2016–2023, 2024) — holding at most `maxPages` pages. Starting from the widest block, a block
 * with more pages than that is split in its two halves, down to single years (a year is never split). Returns the
 * shards' keys (first and last year with pages: `1995-1999`, or `2024`) with their years, oldest first; years
 * without pages belong to no shard.
 *
 * The blocks do not depend on each other: a year that grows (or shrinks) can change only the shard that holds it
 * (split in two, or merged with its sibling block), never the others, so a rebuild re-indexes few shards.
 * Greedy packing of consecutive years would make fewer shards but move every boundary after a year that grew.
 */
export function groupYears(pagesByYear: ReadonlyMap<string, number>, maxPages: number): YearGroup[] {
  const years = [...pagesByYear.keys()].filter((y) => (pagesByYear.get(y) ?? 0) > 0).sort();
  const starts = [...new Set(years.map((y) => Math.floor(Number(y) / WIDEST_BLOCK) * WIDEST_BLOCK))];
  return starts.flatMap((start) =>
    alignedBlocks(years.map(Number), (y) => pagesByYear.get(String(y))!, maxPages, start, WIDEST_BLOCK).map(({ units, block }) => {
      const inBlock = units.map(String);
      return { key: inBlock.length === 1 ? inBlock[0]! : `${inBlock[0]}-${inBlock.at(-1)}`, years: inBlock, block };
    }),
  );
}

/**
 * The aligned blocks of `[start, start + size)` (size a power of two) that hold `units` (sorted integers: years,
 * months): a block with more than `maxPages` pages is split in its two halves, down to single units. Oldest first.
 */
function alignedBlocks(units: readonly number[], pages: (unit: number) => number, maxPages: number, start: number, size: number): { units: number[]; block: [number, number] }[] {
  const inBlock = units.filter((u) => u >= start && u < start + size);
  if (inBlock.length === 0) return [];
  if (size === 1 || inBlock.reduce((n, u) => n + pages(u), 0) <= maxPages) return [{ units: inBlock, block: [start, start + size - 1] }];
  return [...alignedBlocks(inBlock, pages, maxPages, start, size / 2), ...alignedBlocks(inBlock, pages, maxPages, start + size / 2, size / 2)];
}

/** One shard: its name (its bundle's folder in the store, with its inputs: {@link shardBundleDir}) and its release pages, sorted. */
export interface ShardPages {
  key: string;
  files: string[];
}

/**
 * The shards of a site's release pages (by year, as {@link releasePagesByYear} gives them), oldest first: the years
 * grouped by {@link groupYears}; a year with more than `maxPages` pages is split the same way into aligned blocks of
 * months (January–August, September–December, then halves of those; a month is never split), named by the year and
 * the first and last month with pages: `2024.01-04`, `2024.09`. So a dense year is indexed by both services and an
 * edit in it re-indexes a few months, not the year.
 */
export function groupShards(byYear: ReadonlyMap<string, readonly string[]>, maxPages: number): ShardPages[] {
  return groupYears(new Map([...byYear].map(([y, files]) => [y, files.length])), maxPages).flatMap(({ key, years }) => {
    const files = years.flatMap((y) => byYear.get(y)!);
    if (years.length > 1 || files.length <= maxPages) return [{ key, files }];
    const month = (file: string) => Number(file.slice("releases/YYYY/".length, "releases/YYYY/MM".length));
    const byMonth = new Map<number, string[]>();
    for (const file of files) {
      if (!byMonth.has(month(file))) byMonth.set(month(file), []);
      byMonth.get(month(file))!.push(file);
    }
    const months = [...byMonth.keys()].sort((a, b) => a - b);
    // Months 1–12 as units 0–11 of a 16-unit block, so the halves fall on whole months.
    return alignedBlocks(months.map((m) => m - 1), (u) => byMonth.get(u + 1)!.length, maxPages, 0, 16).map(({ units }) => {
      const mm = units.map((u) => String(u + 1).padStart(2, "0"));
      return { key: `${key}.${mm.length === 1 ? mm[0] : `${mm[0]}-${mm.at(-1)}`}`, files: units.flatMap((u) => byMonth.get(u + 1)!) };
    });
  });
}

/**
 * Indexes the release pages under `outputDir` into Pagefind bundles of consecutive years or months (see
 * {@link groupShards}), so Pagefind's memory is bounded by a shard's pages rather than the archive's (one index of
 * 100,000 pages would need about 25 GB), and merges them into `pagefind/all/`, the one bundle the search page loads.
 * The shards' bundles go to `store`, outside the site (the build's `<output>.cache/search-shards/`): a shard whose
 * inputs an earlier build indexed is taken from there, and the store keeps this build's and the live site's shards. The
 * published site holds the merged bundle alone (its fragments are hard links to the shards'). Within a page only the
 * `data-pagefind-body` element is indexed (https://pagefind.app/docs/indexing/). Writes `pagefind/shards.json` and
 * copies the UI files to `pagefind/`. `shardPages` overrides {@link SHARD_PAGES} (tests use small shards). Always
 * stops Pagefind's service processes and the read-ahead thread, so the caller's process can exit.
 */
export async function indexSite(outputDir: string, store: string, options: IndexOptions = {}): Promise<IndexResult> {
  const pagefindDir = join(outputDir, PAGEFIND_DIR);
  const mergedDir = join(pagefindDir, `${MERGED_KEY}/`);
  const shards: Shard[] = [];
  const inputs: ShardInputs = {};
  const reused: string[] = [];
  const spliced: string[] = [];
  const services = await pagefindServices(SHARD_CONCURRENCY);
  const prefetch = options.prefetch ?? new ChunkPrefetch();
  try {
    const byYear = options.pageDigests ? releasePagesOf(Object.keys(options.pageDigests)) : await releasePagesByYear(outputDir);
    options.progress?.setTotal([...byYear.values()].reduce((n, files) => n + files.length, 0));
    // Newest first, as the result lists them.
    const groups = groupShards(byYear, options.shardPages ?? SHARD_PAGES).reverse();
    await clearBaseIndex(pagefindDir);
    await mkdir(store, { recursive: true });
    const failures: string[] = [];
    let next = 0;
    // Every shard's inputs first (from the render's digests, in a few milliseconds): if one must be indexed, the merge
    // will run, and the index chunks of those an earlier build indexed are read and gunzipped from the start, on
    // another thread, while Pagefind indexes or a shard is spliced (each shard indexed joins them once written).
    for (const { key, files } of groups) inputs[key] = await shardHash(outputDir, files, options.pageDigests);
    const stored = new Set(groups.filter(({ key }) => existsSync(shardBundleDir(store, key, inputs[key]!))).map(({ key }) => key));
    if (stored.size < groups.length) for (const { key } of groups) if (stored.has(key)) prefetch.bundle(shardBundleDir(store, key, inputs[key]!));
    const reuse = options.previous?.inputs[MERGE_MAKER_KEY] === MERGE_MAKER ? earlierMerge(store, options.previous) : undefined;
    // SHARD_CONCURRENCY shards at a time, within PAGES_AT_ONCE: memory stays bounded whatever the size of the archive.
    const budget = new PageBudget(PAGES_AT_ONCE);
    const worker = async (service: PagefindApi) => {
      while (next < groups.length && failures.length === 0) {
        const { key, files } = groups[next++]!;
        const bundle = shardBundleDir(store, key, inputs[key]!);
        // Indexed (or spliced) by an earlier build from the same pages: for the merge, the bundle Pagefind would write
        // again. A bundle is renamed into place only once written whole.
        if (stored.has(key)) {
          reused.push(key);
          options.progress?.tick(files.length);
          continue;
        }
        const partial = `${bundle.slice(0, -1)}.partial-${process.pid}/`;
        await rm(partial, { recursive: true, force: true });
        await budget.take(files.length);
        try {
          // The pages that changed spliced into the shard's earlier bundle, or, where that cannot be, all indexed.
          const earlier = earlierBundles(key, [options.previous?.inputs, options.base]);
          const { errors, spliced: wasSpliced } = await writeShardBundle(files, partial, { outputDir, store, pageDigests: options.pageDigests, earlier, service, progress: options.progress, pending: options.pending });
          if (wasSpliced) spliced.push(key);
          failures.push(...errors);
          if (errors.length === 0) await rename(partial, bundle);
        } finally {
          budget.give(files.length);
          await rm(partial, { recursive: true, force: true });
        }
        prefetch.bundle(bundle);
      }
    };
    await Promise.all(services.map(worker));
    if (failures.length > 0) return { pages: 0, shards: [], inputs: {}, reused: [], spliced: [], errors: failures };
    for (const { key, files } of groups) {
      const dir = shardBundleDir(store, key, inputs[key]!);
      const dates = files.map((f) => f.slice("releases/".length, "releases/YYYY/MM/DD".length).split("/").join("-"));
      shards.push({ key, dir, pages: await indexedPages(dir), from: dates[0]!, to: dates.at(-1)! });
    }
    // The merged bundle, made from the shards oldest first (their date blocks do not overlap, as merging requires).
    const oldestFirst = [...groups].reverse();
    inputs[MERGED_KEY] = createHash("sha256")
      .update(`${MERGE_CODE}\n${CHUNK_BYTES}\n`)
      .update(oldestFirst.map((g) => `${g.key} ${inputs[g.key]}\n`).join(""))
      .digest("hex");
    // Kept in place (the base's) or linked from the live site when its shards did not change, else merged anew.
    let mergedReused = options.base?.[MERGED_KEY] === inputs[MERGED_KEY] && existsSync(join(mergedDir, "pagefind-entry.json"));
    if (!mergedReused && options.previous?.inputs[MERGED_KEY] === inputs[MERGED_KEY]) {
      await rm(mergedDir, { recursive: true, force: true });
      mergedReused = await linkTree(join(options.previous.site, PAGEFIND_DIR, `${MERGED_KEY}/`), mergedDir);
    }
    inputs[MERGE_MAKER_KEY] = MERGE_MAKER;
    // Merged anew over the base's bundle, whose fragments are updated in place (most pages keep theirs); the live
    // bundle's index chunks that come out the same are linked, not compressed again.
    if (!mergedReused && oldestFirst.length === 0) await rm(mergedDir, { recursive: true, force: true });
    else if (!mergedReused) {
      // The base's bundle was merged (by this code) from the shards whose inputs it records.
      const base = options.base?.[MERGE_MAKER_KEY] === MERGE_MAKER ? options.base : {};
      const merged = new Set(oldestFirst.filter((g) => base[g.key] === inputs[g.key]).map((g) => shardBundleDir(store, g.key, inputs[g.key]!)));
      await clearAllBut(mergedDir, "fragment");
      const { chunks } = await mergeBundles(oldestFirst.map((g) => shardBundleDir(store, g.key, inputs[g.key]!)), mergedDir, { reuse, preread: await prefetch.ready(), merged });
      await writeFile(mergedChunksRecord(store, inputs[MERGED_KEY]), JSON.stringify(chunks));
    }
  } finally {
    await closeAll(services);
    await prefetch.close();
  }
  await mkdir(pagefindDir, { recursive: true });
  // The UI files come with each bundle Pagefind writes; one copy at /pagefind/ serves the site. A base's copy is
  // deleted first, as it may be a link the live site shares.
  if (shards.length > 0) {
    for (const file of UI_FILES) {
      await rm(join(pagefindDir, file), { force: true });
      await copyFile(join(shards[0]!.dir, file), join(pagefindDir, file));
    }
  }
  // The store keeps this build's shards and the live site's (an edit undone finds its shards there), and both merged
  // bundles' chunk records; the merged bundles hold their own links to the fragments.
  const used = new Set(shards.map((s) => s.dir));
  for (const [key, hash] of Object.entries(options.previous?.inputs ?? {})) if (key !== MERGED_KEY && key !== MERGE_MAKER_KEY) used.add(shardBundleDir(store, key, hash));
  for (const hash of [inputs[MERGED_KEY], options.previous?.inputs[MERGED_KEY]]) if (hash) used.add(mergedChunksRecord(store, hash));
  for (const name of await readdir(store)) if (!used.has(join(store, `${name}/`)) && !used.has(join(store, name))) await rm(join(store, name), { recursive: true, force: true });
  // The search page (templates/assets/search-engine.js) loads the bundles the manifest lists: here the merged one.
  const merged = shards.length > 0 ? [{ name: MERGED_KEY, path: `${MERGED_KEY}/`, from: shards.at(-1)!.from, to: shards[0]!.to, preload: firstSearchFiles(mergedDir) }] : [];
  await writeManifest(pagefindDir, merged);
  return { pages: shards.reduce((n, s) => n + s.pages, 0), shards, inputs, reused: reused.sort(), spliced: spliced.sort(), errors: [] };
}

/**
 * The bundles earlier builds indexed (`records`: the live site's shard inputs, then the base's) that shard `key`'s
 * changed pages may be spliced into, in the order to try them: the shard's own, then those of the shards whose span
 * of months overlaps its own. A shard's name changes with its span (a new year's first release joins the block of the
 * year before, `2024` becoming `2024-2025`; a block that grew past the limit is split): its pages are still mostly
 * in the bundle of the shard it came from.
 */
export function earlierBundles(key: string, records: readonly (ShardInputs | undefined)[]): EarlierBundle[] {
  const own = records.flatMap((inputs) => (inputs?.[key] ? [{ key, hash: inputs[key] }] : []));
  const span = monthSpan(key);
  const overlapping = records.flatMap((inputs) =>
    Object.entries(inputs ?? {}).flatMap(([other, hash]) => {
      const otherSpan = other === key ? null : monthSpan(other);
      return span && otherSpan && otherSpan[0] <= span[1] && span[0] <= otherSpan[1] ? [{ key: other, hash }] : [];
    }),
  );
  return [...own, ...overlapping];
}

/**
 * The first and last month a shard's name spans (`YYYY.MM`, comparable as text), from its form (see
 * {@link groupShards}): `1999`, `1995-1999`, `2024.09`, `2024.01-04`; null for other names (the merged bundle's).
 */
function monthSpan(key: string): [string, string] | null {
  const years = /^(\d{4})(?:-(\d{4}))?$/.exec(key);
  if (years) return [`${years[1]}.01`, `${years[2] ?? years[1]}.12`];
  const months = /^(\d{4})\.(\d{2})(?:-(\d{2}))?$/.exec(key);
  return months ? [`${months[1]}.${months[2]}`, `${months[1]}.${months[3] ?? months[2]}`] : null;
}

/**
 * The bundles of the shards the live site was indexed from, as the store holds them: those a rebuild that changed
 * a few release pages merges again, but for the shards that hold them.
 */
export function earlierShardBundles(store: string, previous: PreviousIndex): string[] {
  return Object.entries(previous.inputs)
    .filter(([key]) => key !== MERGED_KEY && key !== MERGE_MAKER_KEY)
    .map(([key, hash]) => shardBundleDir(store, key, hash))
    .filter((dir) => existsSync(dir));
}

/**
 * Where the store keeps the SHA-256 of each index chunk of the merged bundle made from `inputs` (its
 * {@link MERGED_KEY} hash): a later merge links those of its chunks that come out the same without reading them.
 */
function mergedChunksRecord(store: string, inputs: string): string {
  return join(store, `${MERGED_KEY}-chunks.${inputs.slice(0, 16)}.json`);
}

/** The live site's merged bundle and its chunk record, for a merge to link the chunks that come out the same; undefined without a record. */
function earlierMerge(store: string, previous: PreviousIndex): EarlierMerge | undefined {
  const hash = previous.inputs[MERGED_KEY];
  if (!hash) return undefined;
  try {
    return { dir: join(previous.site, PAGEFIND_DIR, `${MERGED_KEY}/`), chunks: JSON.parse(readFileSync(mergedChunksRecord(store, hash), "utf8")) as Record<string, string> };
  } catch {
    return undefined;
  }
}

/**
 * Recreates a folder's files under `to`, which must not exist, as hard links (bundles are written once, never changed
 * in place, so the new site can share them with the old one; a copy where links are not allowed). False when `from`
 * is missing.
 * Synchronous calls, each folder made once: a bundle's ~2,900 files linked in 0.07–0.14 s, against 0.4–0.8 s through
 * the thread pool with a `mkdir` per file.
 */
async function linkTree(from: string, to: string): Promise<boolean> {
  let entries;
  try {
    entries = await readdir(from, { recursive: true, withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw e;
  }
  const made = new Set<string>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, source.slice(from.length));
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    linkOrCopy(source, target);
  }
  return true;
}

/**
 * Deletes from a base's search folder (an earlier build's, see {@link IndexOptions}) everything but the UI files
 * (replaced) and the merged bundle (kept or replaced once the shards are known), the shards an older build kept
 * there included. Nothing to do in a new folder.
 */
async function clearBaseIndex(pagefindDir: string): Promise<void> {
  await clearAllBut(pagefindDir, ...UI_FILES, MERGED_KEY);
}

/** Deletes what `dir` holds (if it exists) but the entries named `keep`. */
async function clearAllBut(dir: string, ...keep: string[]): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!keep.includes(name)) await rm(join(dir, name), { recursive: true, force: true });
  }
}


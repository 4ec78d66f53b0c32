// One search shard's bundle in the store: Pagefind indexes the shard's release pages, or only those that changed, spliced into an earlier bundle of the shard; and the page list kept beside it for that.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import type { ProgressCounter } from "../model/progress.ts";
import { packageVersion } from "../site/package-version.ts";
import type { PagefindApi } from "./services.ts";
import { type ListedBundle, pageSorts, spliceBundle } from "./splice-bundle.ts";

/** Options of every index: the "link to this paragraph" controls are not words of the statement. */
const INDEX_OPTIONS = { forceLanguage: "en", excludeSelectors: [".pl"] };
/** Pagefind's version: a new one may write different bundles from the same pages. */
const PAGEFIND_VERSION = packageVersion("pagefind");
/** Pagefind's version and the indexing options, which a bundle is made from besides its pages. */
const INDEXED_WITH = `pagefind ${PAGEFIND_VERSION}\n${JSON.stringify(INDEX_OPTIONS)}\n`;

/**
 * Pages sent to Pagefind before the first of them is answered: enough to keep its service busy while the next pages
 * are read (adding a 2,932-page bundle took 7.2 s instead of 10.7 s one page at a time), few enough to hold little memory.
 */
const ADDS_IN_FLIGHT = 16;

/**
 * A shard's bundle in the store: named by its key and its inputs, so a bundle there is the one Pagefind would write
 * again for those pages, whichever build wrote it.
 */
export function shardBundleDir(store: string, key: string, inputs: string): string {
  return join(store, `${key}.${inputs.slice(0, 16)}/`);
}

/**
 * The input hash of a shard (src/search/index.ts, `ShardInputs`). A page with a digest in `pageDigests` (the render's record: the
 * hash of everything the page was rendered from, which fixes its bytes) stands for itself by that digest, so an
 * unchanged shard is known without reading its pages; any other page is read, one at a time.
 */
export async function shardHash(outputDir: string, files: readonly string[], pageDigests: Readonly<Record<string, string>> = {}): Promise<string> {
  const hash = createHash("sha256").update(INDEXED_WITH);
  for (const file of files) {
    const digest = pageDigests[file];
    if (digest !== undefined) {
      hash.update(`${file}\ndigest ${digest}\n`);
      continue;
    }
    const page = await readFile(join(outputDir, file));
    hash.update(`${file}\n${page.length}\n`).update(page);
  }
  return hash.digest("hex");
}

/**
 * Beside Pagefind's files in a shard's bundle in the store: its pages in order, with the digests they were rendered
 * from (the render's record) and their sort values, for a later build to splice the pages that changed into it
 * (src/search/splice-bundle.ts). `inputs` is what the bundle was indexed with besides its pages.
 */
const PAGE_LIST = "communique-pages.json";
interface PageList {
  inputs: string;
  files: string[];
  digests: string[];
  sorts: (string | null)[];
}

/**
 * Pages that changed, up to this share of a shard's, are spliced into its earlier bundle; more, and Pagefind indexes
 * the shard whole (a splice of one page into 309 took what indexing about 100 pages does).
 */
const MAX_SPLICED_SHARE = 0.5;

/** An earlier bundle of a shard to splice its changed pages into, and those pages. */
interface SpliceBase {
  bundle: ListedBundle;
  list: PageList;
  changed: string[];
}

/** An earlier build's bundle in the store: its shard's key and input hash (see {@link shardBundleDir}). */
export interface EarlierBundle {
  key: string;
  hash: string;
}

/**
 * The first of `earlier` (bundles earlier builds indexed, tried in turn) that the store holds with its page list,
 * when every page of the shard has a digest and at most {@link MAX_SPLICED_SHARE} of them differ from the bundle's
 * (a page it lacks differs; a page it holds that the shard does not is left out of the splice).
 */
function spliceBase(store: string, files: readonly string[], digests: Readonly<Record<string, string>> | undefined, earlier: readonly EarlierBundle[]): SpliceBase | undefined {
  if (!digests || files.some((file) => digests[file] === undefined)) return undefined;
  for (const { key, hash } of earlier) {
    const dir = shardBundleDir(store, key, hash);
    let list: PageList;
    try {
      list = JSON.parse(readFileSync(join(dir, PAGE_LIST), "utf8")) as PageList;
    } catch {
      continue;
    }
    if (list.inputs !== INDEXED_WITH) continue;
    const before = new Map(list.files.map((file, i) => [file, list.digests[i]]));
    const changed = files.filter((file) => before.get(file) !== digests[file]);
    if (changed.length > files.length * MAX_SPLICED_SHARE) continue;
    return { bundle: { dir, pages: list.files, sorts: list.sorts }, list, changed };
  }
  return undefined;
}

/**
 * Writes at `partial` the bundle of `files`: Pagefind indexes the changed pages alone, and they are spliced into the
 * earlier bundle (src/search/splice-bundle.ts). Returns Pagefind's errors, or undefined when the splice cannot give
 * what Pagefind would (the caller then indexes the shard whole).
 */
async function spliceShard(outputDir: string, files: readonly string[], base: SpliceBase, partial: string, digests: Readonly<Record<string, string>>, service: PagefindApi): Promise<string[] | undefined> {
  const deltaDir = `${partial.slice(0, -1)}.changed/`;
  try {
    const deltaSorts: (string | null)[] = [];
    if (base.changed.length > 0) {
      const errors = await indexShard(outputDir, base.changed, deltaDir, undefined, service, deltaSorts);
      if (errors.length > 0) return errors;
    }
    const delta = base.changed.length > 0 ? { dir: deltaDir, pages: base.changed, sorts: deltaSorts } : undefined;
    if (!spliceBundle(base.bundle, delta, files, partial)) return undefined;
    const changedAt = new Map(base.changed.map((file, i) => [file, i]));
    const baseAt = new Map(base.list.files.map((file, i) => [file, i]));
    const sorts = files.map((file) => (changedAt.has(file) ? deltaSorts[changedAt.get(file)!]! : base.list.sorts[baseAt.get(file)!]!));
    await writePageList(partial, files, sorts, digests);
    return [];
  } finally {
    await rm(deltaDir, { recursive: true, force: true });
  }
}

/**
 * Rewrites a shard bundle's index chunks stored in their gzip rather than compressed: only the merge reads a shard's
 * chunks (the published bundle's are its own, compressed), and inflating stored data costs next to nothing (an edit's
 * read-ahead of the 10,000-release archive's 31 shards spent 0.7 of its 0.9 s inflating them).
 */
function storeChunksUncompressed(bundleDir: string): void {
  const indexDir = join(bundleDir, "index");
  for (const name of readdirSync(indexDir)) {
    const file = join(indexDir, name);
    writeFileSync(file, gzipSync(gunzipSync(readFileSync(file)), { level: 0 }));
  }
}

/** Writes a bundle's {@link PageList}. */
async function writePageList(bundleDir: string, files: readonly string[], sorts: readonly (string | null)[], digests: Readonly<Record<string, string>>): Promise<void> {
  const list: PageList = { inputs: INDEXED_WITH, files: [...files], digests: files.map((file) => digests[file]!), sorts: [...sorts] };
  await writeFile(join(bundleDir, PAGE_LIST), JSON.stringify(list));
}

/**
 * One shard: a fresh index of `files` (paths under `outputDir`), written to `bundleDir`, then dropped. Returns
 * Pagefind's errors. `sorts`, if given, receives each page's sort values ({@link pageSorts}), in order.
 */
export async function indexShard(outputDir: string, files: readonly string[], bundleDir: string, progress?: ProgressCounter, service: PagefindApi = pagefind, sorts?: (string | null)[]): Promise<string[]> {
  const { index, errors } = await service.createIndex(INDEX_OPTIONS);
  if (!index) return errors;
  try {
    // Pages are added in sorted order: Pagefind numbers them in the order it gets them, and its own directory walk
    // follows the order files were written in (Eleventy writes in parallel), which differs from build to build.
    // Pagefind's service handles its requests one at a time in the order they arrive, so several can be in flight:
    // the next pages are read and sent while it indexes this one, and the bundle is the same bytes.
    const pending: Promise<string[]>[] = [];
    let settled = 0;
    const errors: string[] = [];
    const settle = async () => {
      errors.push(...(await pending[settled++]!));
      progress?.tick();
    };
    for (const file of files) {
      if (errors.length > 0) break;
      // Synchronous reads: a page read through the thread pool took four calls (open, stat, read, close), 2.4 s of
      // this thread's time for 10,000 pages in a profile.
      const content = searchablePart(readFileSync(join(outputDir, file), "utf8"));
      sorts?.push(pageSorts(content));
      pending.push(index.addHTMLFile({ sourcePath: file, content }).then((added) => added.errors));
      if (pending.length - settled >= ADDS_IN_FLIGHT) await settle();
    }
    while (settled < pending.length) await settle();
    if (errors.length > 0) return errors;
    const written = await index.writeFiles({ outputPath: bundleDir });
    return written.errors;
  } finally {
    await index.deleteIndex();
  }
}

/**
 * What Pagefind needs of a page: its `<html>` tag (the language) and the element marked `data-pagefind-body`, which
 * holds every word, filter, sort and meta the index takes; the rest of the page (head, header, navigation, the
 * citations after the statement: two thirds of a release page's bytes) is left out, so Pagefind parses less. The
 * bundle is the same bytes (test/search/index.test.ts checks it on the sample's pages); a 500-page shard was added in
 * 0.79 s instead of 1.0 s. A page without exactly one such element, or whose element does not close, is given whole.
 */
export function searchablePart(html: string): string {
  const marker = html.indexOf("data-pagefind-body");
  if (marker < 0 || html.indexOf("data-pagefind-body", marker + 1) >= 0) return html;
  const start = html.lastIndexOf("<", marker);
  if (start < 0) return html;
  const opening = /<([a-zA-Z][\w-]*)[\s>]/y;
  opening.lastIndex = start;
  const tag = opening.exec(html)?.[1];
  const htmlTag = /<html(?=[\s>])[^>]*>/i.exec(html);
  if (!tag || !htmlTag) return html;
  // The element ends at the close tag that balances its opening: same-named elements inside it are counted.
  const tags = new RegExp(`<(/?)${tag}[\\s>]`, "gi");
  tags.lastIndex = start;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      const end = html.indexOf(">", m.index) + 1;
      return `<!DOCTYPE html>${htmlTag[0]}<head><meta charset="utf-8"></head><body>${html.slice(start, end)}</body></html>`;
    }
  }
  return html;
}

/** Sum of the per-language page counts in a bundle's `pagefind-entry.json`. */
export async function indexedPages(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundleDir, "pagefind-entry.json"), "utf8")) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((sum, l) => sum + (l.page_count ?? 0), 0);
}

/** Where {@link writeShardBundle} gets a shard's pages and earlier bundles, and what it reports to. */
export interface ShardSource {
  /** The rendered site the pages are read from. */
  outputDir: string;
  /** The store of shard bundles (see {@link shardBundleDir}). */
  store: string;
  /** The render's record: each page's digest, by which changed pages are found. */
  pageDigests?: Readonly<Record<string, string>>;
  /** Bundles of earlier builds the shard's changed pages may be spliced into, tried in turn (src/search/index.ts, `earlierBundles`). */
  earlier: readonly EarlierBundle[];
  service: PagefindApi;
  progress?: ProgressCounter;
  /** Pages not in place yet: read only once their promise resolves. */
  pending?: PendingPages;
}

/** Release pages a render has yet to put in place (hard links from the live site), and the promise it will have. */
export interface PendingPages {
  files: ReadonlySet<string>;
  inPlace: Promise<void>;
}

/** Waits, if any of `files` is pending, until the pending pages are in place. */
async function whenInPlace(files: readonly string[], pending: PendingPages | undefined): Promise<void> {
  if (pending && files.some((file) => pending.files.has(file))) await pending.inPlace;
}

/**
 * Writes at `partial` the bundle of a shard (its release pages `files`): the pages that changed spliced into an
 * earlier bundle (`source.earlier`), or, where that cannot be, all indexed (its chunks then stored uncompressed, its page list
 * written beside it). Returns Pagefind's errors, and whether the bundle was spliced.
 */
export async function writeShardBundle(files: readonly string[], partial: string, source: ShardSource): Promise<{ errors: string[]; spliced: boolean }> {
  const { outputDir, store, pageDigests, service, progress } = source;
  const base = spliceBase(store, files, pageDigests, source.earlier);
  // Pagefind reads the pages it indexes: the changed ones to splice in, else all of them.
  if (base) await whenInPlace(base.changed, source.pending);
  const splicedErrors = base && (await spliceShard(outputDir, files, base, partial, pageDigests!, service));
  if (splicedErrors) {
    progress?.tick(files.length);
    return { errors: splicedErrors, spliced: true };
  }
  await rm(partial, { recursive: true, force: true });
  await whenInPlace(files, source.pending);
  const sorts: (string | null)[] = [];
  const errors = await indexShard(outputDir, files, partial, progress, service, sorts);
  if (errors.length === 0) storeChunksUncompressed(partial);
  if (errors.length === 0 && pageDigests) await writePageList(partial, files, sorts, pageDigests);
  return { errors, spliced: false };
}

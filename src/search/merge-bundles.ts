// Merges Pagefind bundles of consecutive, non-overlapping date blocks into one bundle, so a search fetches one index chunk instead of one per bundle.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { decode, encode } from "cborg";
import { byBytes, CHUNK_GZIP, type Entry, HashNames, linkOrCopy, pagefindFileBody, pagefindFileBytes, type Meta, type Posting, type Preread, readEntry, readMeta, readPagefindFile, renumberMetaFields, setChunkBounds, SIGNATURE, type Word } from "./bundle-format.ts";
import { readWordChunk, writeWordChunk, type MergedWord, type RawWord } from "./word-chunk.ts";

/**
 * Bytes of CBOR an index chunk of the merged bundle holds, about (a word is never split). Pagefind cuts its own chunks
 * at 20,000 word positions (about 28 KB gzip); a first search for a rare word fetches one chunk, and the metadata
 * lists every chunk (about 12 bytes gzip each), so smaller chunks cost the first search fewer bytes, up to a point:
 * see docs/search.md, "One merged bundle", for the figures this was chosen from.
 */
export const CHUNK_BYTES = 24_000;

const gzipAsync = promisify(gzip);

/** Pagefind's files that a merged bundle takes from its first bundle as they are (its JS and WASM). */
const RUNTIME_FILE = /^(pagefind\.js|pagefind-worker\.js|wasm\.[\w-]+\.pagefind)$/;

/**
 * The files of a bundle that every first search loads, whatever its words: each language's metadata and WebAssembly,
 * as the bundle's entry names them (the search page preloads them: templates/assets/search-engine.js).
 */
export function firstSearchFiles(bundleDir: string): string[] {
  return Object.values(readEntry(bundleDir).languages).flatMap((l) => [`pagefind.${l.hash}.pf_meta`, `wasm.${l.wasm}.pagefind`]);
}

/** Index chunks being compressed and written at once, on the thread pool: the merge's main thread goes on meanwhile. */
const WRITES_IN_FLIGHT = 8;

/**
 * Hex digits a merged page's name keeps at least: Pagefind names a page `<language>_<7 hex>`, and every search loads
 * the whole list of names with the metadata. Five digits save about 1.2 bytes a page after gzip (12 KB of a first
 * search at 10,000 pages), and a page whose text changed still gets a new name but once in about a million.
 */
export const PAGE_NAME_DIGITS = 5;

/**
 * Each name shortened to its shortest prefix no other name starts with, at least `minLength` (and one) long: the names
 * stay distinct, and each depends only on the set of names, not their order.
 */
export function shortNames(names: readonly string[], minLength: number): Map<string, string> {
  const sorted = [...new Set(names)].sort();
  const common = (a: string, b: string | undefined) => {
    let n = 0;
    while (b !== undefined && n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  };
  // The longest prefix a name shares with any other is the longer one it shares with its neighbours in sorted order.
  return new Map(sorted.map((name, i) => [name, name.slice(0, Math.max(minLength, common(name, sorted[i - 1]) + 1, common(name, sorted[i + 1]) + 1))]));
}

/** One source bundle's words in order, one index chunk read at a time. */
class WordCursor {
  private words: RawWord[] = [];
  private at = 0;
  private chunk = 0;
  constructor(
    private readonly dir: string,
    private readonly chunks: readonly string[],
    readonly offset: number,
    private readonly preread?: Preread,
    /** Where each of the bundle's meta fields is in the merged bundle's list, when not at the same place. */
    private readonly fieldPlaces?: readonly number[],
  ) {
    this.fill();
  }
  private fill(): void {
    while (this.at >= this.words.length && this.chunk < this.chunks.length) {
      let body = pagefindFileBody(join(this.dir, "index", `${this.chunks[this.chunk++]}.pf_index`), this.preread);
      if (this.fieldPlaces) {
        // The postings name meta fields by their place in the bundle's list (see renumberMetaFields): placed anew.
        const [words] = decode(body) as [Word[]];
        for (const [, postings, variants] of words) {
          renumberMetaFields(postings, this.fieldPlaces);
          for (const [, variantPostings] of variants) renumberMetaFields(variantPostings, this.fieldPlaces);
        }
        const encoded = encode([words]);
        body = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
      }
      this.words = readWordChunk(body);
      this.at = 0;
    }
  }
  get head(): RawWord | undefined {
    return this.words[this.at];
  }
  next(): void {
    this.at++;
    this.fill();
  }
}

/** A merged word's postings being gathered: the list, and the page number of its last posting. */
interface PostingList {
  postings: Posting[];
  last: number;
}

/** Appends one bundle's postings (delta-encoded, see {@link Posting}) to a merged list, its pages moved by `offset`. */
function appendPostings(list: PostingList, postings: readonly Posting[], offset: number): void {
  if (postings.length === 0) return;
  let page = offset;
  for (const [i, posting] of postings.entries()) {
    page += posting[0];
    list.postings.push(i === 0 ? [page - list.last, ...posting.slice(1)] : posting);
  }
  list.last = page;
}

/**
 * An earlier merge's bundle, by this code and this Node's zlib, and the SHA-256 of each of its index chunks' CBOR by
 * file name ({@link MergedBundle}'s `chunks`): a chunk that comes out with the same hash holds the same bytes, gzipped
 * alike, and is hard-linked rather than compressed and written again.
 */
export interface EarlierMerge {
  dir: string;
  chunks: Readonly<Record<string, string>>;
}

/** Hard-links an earlier merge's chunk whose CBOR hashes to `hex` at `file`; false when it has none or it cannot be linked. */
function linkEarlierChunk(earlier: EarlierMerge, name: string, hex: string, file: string): boolean {
  if (earlier.chunks[name] !== hex) return false;
  try {
    linkSync(join(earlier.dir, "index", `${name}.pf_index`), file);
    return true;
  } catch {
    return false;
  }
}

/** What {@link mergeBundles} wrote. */
export interface MergedBundle {
  pages: number;
  /** The SHA-256 of each index chunk's CBOR, by file name (for a later merge's `reuse`: {@link EarlierMerge}). */
  chunks: Record<string, string>;
}

/**
 * Merges `bundles` (Pagefind bundle folders, oldest dates first, each covering dates no other covers) into a new
 * bundle at `outDir` (which must not exist, but for the `fragment` folder of an earlier merge: see `merged` below):
 * its pages are the bundles' pages in that order, so the `date` sort is their sorts one after the other; each
 * word's postings are the bundles' postings for it with the page numbers moved; filters' values are merged; the
 * index is cut again into chunks of about {@link CHUNK_BYTES} bytes; fragments are hard-linked under shorter names
 * ({@link PAGE_NAME_DIGITS}). Reads one index chunk per bundle at a time, so memory stays small whatever the
 * archive's size. The same bundles give the same bytes. `reuse`: a bundle this code merged earlier, whose index
 * chunks are hard-linked where the new ones hold the same bytes ({@link EarlierMerge}). `preread`: index chunks of
 * the bundles already read and gunzipped, by path (src/search/chunk-prefetch.ts); the others are read here. `merged`: the
 * bundles of an earlier merge whose `fragment` folder `outDir` holds, updated in place: a page of one of those
 * bundles keeps the fragment there under its name, every other is linked anew, and one no page has is deleted.
 *
 * A kept fragment holds the page's bytes: a fragment's name is a prefix of a hash of its bytes (Pagefind's, or
 * {@link HashNames}' for a page whose hash another page took), the shortest that tells it apart from every other
 * page's hash in its merge. The page was in the earlier merge too (its bundle is the same folder, the same pages);
 * so a file there whose name is a prefix of this page's hash is this page's fragment, or one with the same bytes:
 * any other page's name would have had to be longer to tell the two apart.
 */
export async function mergeBundles(bundles: readonly string[], outDir: string, options: { chunkBytes?: number; reuse?: EarlierMerge; preread?: Preread; merged?: ReadonlySet<string> } = {}): Promise<MergedBundle> {
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  if (bundles.length === 0) throw new Error("mergeBundles: no bundles");
  const entries = bundles.map(readEntry);
  const read = bundles.map((bundle, i) => readMeta(bundle, entries[i]));
  const languages = new Set(read.map((r) => r.language));
  if (languages.size !== 1) throw new Error(`mergeBundles: bundles of one language only (found ${[...languages].join(", ")})`);
  const language = [...languages][0]!;
  const metas = read.map((r) => r.meta);
  const fragmentDir = join(outDir, "fragment");
  const earlierFragments = new Set(existsSync(fragmentDir) ? readdirSync(fragmentDir) : []);
  mkdirSync(fragmentDir, { recursive: true });
  mkdirSync(join(outDir, "index"));
  mkdirSync(join(outDir, "filter"));
  const names = new HashNames(language);

  // Pages, named by their bundle's name for them (or a new one if another bundle took it), then shortened (see
  // PAGE_NAME_DIGITS); their fragments are linked under the short names.
  const offsets: number[] = [];
  const pages: Meta[1] = [];
  const fragmentFiles: string[] = [];
  const fromMerged: boolean[] = [];
  for (const [i, meta] of metas.entries()) {
    offsets.push(pages.length);
    for (const [hash, ...rest] of meta[1]) {
      const from = join(bundles[i]!, "fragment", `${hash}.pf_fragment`);
      pages.push([names.claim(hash) ? hash : names.name(readFileSync(from), hash.length - language.length), ...rest]);
      fragmentFiles.push(from);
      fromMerged.push(options.merged?.has(bundles[i]!) ?? false);
    }
  }
  const short = shortNames(pages.map(([name]) => name), `${language}_`.length + PAGE_NAME_DIGITS);
  // Deleting every earlier fragment and linking them all again took half a second of an edit at 10,000 releases.
  for (const [i, page] of pages.entries()) {
    page[0] = short.get(page[0])!;
    const name = `${page[0]}.pf_fragment`;
    const file = join(fragmentDir, name);
    if (earlierFragments.delete(name)) {
      if (fromMerged[i]) continue;
      unlinkSync(file);
    }
    linkOrCopy(fragmentFiles[i]!, file);
  }
  for (const name of earlierFragments) unlinkSync(join(fragmentDir, name));

  // Words: every bundle's words in byte order, merged, cut into chunks.
  // Meta fields: every bundle's. A bundle that lacks one listed before some of its own (no page of it has a speaker,
  // say) has its postings' meta locations renumbered as its words are read.
  const metaFields = [...new Set(metas.flatMap((m) => m[5]))].sort(byBytes);
  const fieldPlaces = metas.map((m) => (m[5].every((field, i) => metaFields[i] === field) ? undefined : m[5].map((field) => metaFields.indexOf(field))));
  const cursors = metas.map((meta, i) => new WordCursor(bundles[i]!, meta[2].map(([, , hash]) => hash), offsets[i]!, options.preread, fieldPlaces[i]));
  const chunkMeta: [string, string, string][] = [];
  const chunkHashes: Record<string, string> = {};
  let chunk: MergedWord[] = [];
  let chunkSize = 0;
  const writes: Promise<void>[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    // Named by the hash of the CBOR, in chunk order (names do not depend on which write ends first), then compressed
    // and written on the thread pool.
    const cbor = Buffer.concat([SIGNATURE, ...writeWordChunk(chunk)]);
    const hex = createHash("sha256").update(cbor).digest("hex");
    const name = names.nameOf(hex);
    chunkHashes[name] = hex;
    chunkMeta.push([chunk[0]!.word, chunk.at(-1)!.word, name]);
    chunk = [];
    chunkSize = 0;
    const file = join(outDir, "index", `${name}.pf_index`);
    if (options.reuse && linkEarlierChunk(options.reuse, name, hex, file)) return;
    writes.push(gzipAsync(cbor, CHUNK_GZIP).then((bytes) => writeFile(file, bytes)));
    if (writes.length >= WRITES_IN_FLIGHT) await writes.shift();
  };
  for (;;) {
    let word: string | undefined;
    for (const c of cursors) if (c.head && (word === undefined || (c.head.word !== word && byBytes(c.head.word, word) < 0))) word = c.head.word;
    if (word === undefined) break;
    const merged: MergedWord = { word, parts: [], variants: [] };
    const variants = new Map<string, PostingList>();
    let size = 0;
    for (const c of cursors) {
      const head = c.head;
      if (!head || head.word !== word) continue;
      if (head.postings) merged.parts.push({ postings: head.postings, offset: c.offset });
      for (const [variant, vp] of head.variants) {
        if (!variants.has(variant)) variants.set(variant, { postings: [], last: 0 });
        appendPostings(variants.get(variant)!, vp, c.offset);
      }
      size += head.size;
      c.next();
    }
    merged.variants = [...variants].map(([variant, list]) => [variant, list.postings]);
    // A word that would take the chunk past the target starts the next one: a common word's many postings get a
    // chunk of their own instead of weighing on the rare words beside it.
    if (chunkSize > 0 && chunkSize + size > chunkBytes) await flush();
    chunk.push(merged);
    chunkSize += size;
    if (chunkSize >= chunkBytes) await flush();
  }
  await flush();
  await Promise.all(writes);
  setChunkBounds(chunkMeta);

  // Filters: each filter's values from every bundle, pages moved, values in byte order.
  const filterNames = [...new Set(metas.flatMap((m) => m[3].map(([name]) => name)))].sort(byBytes);
  const filters: [string, string][] = [];
  for (const filter of filterNames) {
    const values = new Map<string, number[]>();
    for (const [i, meta] of metas.entries()) {
      const hash = meta[3].find(([name]) => name === filter)?.[1];
      if (hash === undefined) continue;
      const [, list] = readPagefindFile<[string, [string, number[]][]]>(join(bundles[i]!, "filter", `${hash}.pf_filter`));
      for (const [value, valuePages] of list) {
        if (!values.has(value)) values.set(value, []);
        // A loop, not a spread: a value may hold most of 100,000 pages, too many arguments for one call.
        const merged = values.get(value)!;
        for (const page of valuePages) merged.push(page + offsets[i]!);
      }
    }
    const bytes = pagefindFileBytes([filter, [...values].sort(([a], [b]) => byBytes(a, b))]);
    const name = names.name(bytes);
    writeFileSync(join(outDir, "filter", `${name}.pf_filter`), bytes);
    filters.push([filter, name]);
  }

  // Sorts: the bundles' orders one after the other (their dates do not overlap, oldest bundle first).
  const sortNames = [...new Set(metas.flatMap((m) => m[4].map(([name]) => name)))].sort(byBytes);
  const sorts: [string, number[]][] = sortNames.map((sort) => {
    if (metas.some((m) => !m[4].some(([name]) => name === sort))) throw new Error(`mergeBundles: sort "${sort}" is missing from a bundle; every page must carry it`);
    return [sort, metas.flatMap((m, i) => m[4].find(([name]) => name === sort)![1].map((p) => p + offsets[i]!))];
  });
  const metaBytes = pagefindFileBytes([entries[0]!.version, pages, chunkMeta, filters, sorts, metaFields] satisfies Meta);
  const metaName = names.name(metaBytes, 10);
  writeFileSync(join(outDir, `pagefind.${metaName}.pf_meta`), metaBytes);
  const entry: Entry = { ...entries[0]!, languages: { [language]: { ...entries[0]!.languages[language]!, hash: metaName, page_count: pages.length } } };
  writeFileSync(join(outDir, "pagefind-entry.json"), JSON.stringify(entry));
  for (const file of readdirSync(bundles[0]!)) if (RUNTIME_FILE.test(file)) copyFileSync(join(bundles[0]!, file), join(outDir, file));
  return { pages: pages.length, chunks: chunkHashes };
}

// Pagefind's bundle files read and written: data files (signature, CBOR, gzip), the entry, the metadata's fields, names by content hash.
import { createHash } from "node:crypto";
import { copyFileSync, linkSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { decode, encode } from "cborg";

/** Every Pagefind data file, once gunzipped, starts with this signature; CBOR follows. */
export const SIGNATURE = Buffer.from("pagefind_dcd");

/**
 * A page's postings in a word: `[page, locations, meta locations]`, where `page` is the page number's difference from
 * the previous posting's (the first posting's is the number itself): Pagefind's encoding.
 */
export type Posting = [number, ...unknown[]];

/** A word as the index chunks hold it: text, postings, variants (each a text and its postings). */
export type Word = [string, Posting[], [string, Posting[]][]];

/**
 * Rewrites postings' meta locations for another list of meta fields: a posting's third item lists, for each meta
 * field the word is in, `-(the field's place in the bundle's list + 1)` and then the word's positions in it; field `i`
 * of the old list becomes `places[i]` of the new. A field with no place (-1) must not be referred to.
 */
export function renumberMetaFields(postings: readonly Posting[], places: readonly number[]): void {
  for (const posting of postings) {
    const locations = posting[2] as number[] | undefined;
    if (!locations) continue;
    for (let i = 0; i < locations.length; i++) {
      const field = locations[i]!;
      if (field >= 0) continue;
      const place = places[-field - 1];
      if (place === undefined || place < 0) throw new Error(`a posting refers to meta field ${-field - 1}, which has no place`);
      locations[i] = -(place + 1);
    }
  }
}

/** The metadata's fields, in Pagefind 1.6's order: version, pages, index chunks, filters, sorts, meta fields. */
export type Meta = [string, [string, ...unknown[]][], [string, string, string][], [string, string][], [string, number[]][], string[]];

/** A bundle's `pagefind-entry.json`: its languages, each with its metadata's hash and WebAssembly. */
export interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string; page_count: number }>;
  [key: string]: unknown;
}

/** Gunzipped chunks read ahead by path (src/search/chunk-prefetch.ts), taken before the disk. */
export type Preread = ReadonlyMap<string, Buffer>;

/** A bundle's entry file, `pagefind-entry.json`. */
export function readEntry(bundleDir: string): Entry {
  return JSON.parse(readFileSync(join(bundleDir, "pagefind-entry.json"), "utf8")) as Entry;
}

/** A bundle's one language (bundles of several are refused) and its metadata. */
export function readMeta(bundleDir: string, entry: Entry = readEntry(bundleDir)): { language: string; meta: Meta } {
  const languages = Object.keys(entry.languages);
  if (languages.length !== 1) throw new Error(`${bundleDir}: bundles of one language only (found ${languages.join(", ") || "none"})`);
  const language = languages[0]!;
  const meta = readPagefindFile<Meta>(join(bundleDir, `pagefind.${entry.languages[language]!.hash}.pf_meta`));
  if (meta.length !== 6 || meta[0] !== entry.version) throw new Error(`${bundleDir}: unexpected Pagefind metadata (version ${String(meta[0])})`);
  return { language, meta };
}

/** Reads a Pagefind data file: gunzip, check the signature, decode the CBOR. */
export function readPagefindFile<T>(path: string): T {
  return decode(pagefindFileBody(path)) as T;
}

/** A Pagefind data file's CBOR: gunzipped (or as read ahead), its signature checked and removed. */
export function pagefindFileBody(path: string, preread?: Preread): Buffer {
  const bytes = preread?.get(path) ?? gunzipSync(readFileSync(path));
  if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${path}: not a Pagefind data file`);
  return bytes.subarray(SIGNATURE.length);
}

/** Encodes a value as a Pagefind data file's bytes (signature, CBOR, gzip). */
export function pagefindFileBytes(value: unknown): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, encode(value)]), GZIP);
}

/** Pagefind's files are gzip; level 6 (zlib's default) was 0.2 % larger than 9 on 10,000 releases, in two thirds of the time. */
export const GZIP = { level: 6 };

/**
 * The merged bundle's word chunks are gzip level 5: on 10,000 releases, 0.6 % larger than level 6 (15.61 vs 15.51 MB
 * for 1,350 chunks, ~70 bytes a chunk) in 60 % of the time (0.87–1.09 vs 1.39–1.75 s), which every build pays for
 * every chunk whose words changed: all of them when a release dated mid-archive renumbers the pages after it.
 * Level 4 took a third of the time but was 3.8 % larger.
 */
export const CHUNK_GZIP = { level: 5 };

/** Names files by the hash of their content, `<language>_<7+ hex>`, one more digit on a collision, as Pagefind does. */
export class HashNames {
  private readonly taken = new Set<string>();
  constructor(private readonly language: string) {}
  name(content: Buffer | string, digits = 7): string {
    return this.nameOf(createHash("sha256").update(content).digest("hex"), digits);
  }
  /** The name of content whose SHA-256 is `hex`. */
  nameOf(hex: string, digits = 7): string {
    let length = digits;
    while (this.taken.has(`${this.language}_${hex.slice(0, length)}`)) length++;
    const name = `${this.language}_${hex.slice(0, length)}`;
    this.taken.add(name);
    return name;
  }
  claim(name: string): boolean {
    if (this.taken.has(name)) return false;
    this.taken.add(name);
    return true;
  }
}

/** The first `n` characters (code points) of a string. */
const firstChars = (s: string, n: number) => Array.from(s).slice(0, n).join("");

/** Pagefind's chunk bounds: the shortest prefixes that tell the last word of a chunk from the first of the next. */
function boundaryPrefixes(last: string, next: string): [string, string] {
  const a = Array.from(last);
  const b = Array.from(next);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [firstChars(last, common + 1), firstChars(next, common + 1)];
}

/** Sets each index chunk's bounds (`[from, to, name]`, first and last word) to the prefixes Pagefind gives them. */
export function setChunkBounds(chunks: [string, string, string][]): void {
  for (let i = 0; i + 1 < chunks.length; i++) {
    const [to, from] = boundaryPrefixes(chunks[i]![1], chunks[i + 1]![0]);
    chunks[i]![1] = to;
    chunks[i + 1]![0] = from;
  }
}

/** Byte order of UTF-8 strings, as Pagefind (Rust) sorts words. */
export const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Hard-links `from` at `to` (bundles share files, never written in place), or copies it where links are not allowed. */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

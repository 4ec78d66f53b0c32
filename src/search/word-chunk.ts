// Pagefind's word index chunks read and written as CBOR bytes: a word's postings are copied, not decoded, when bundles are merged.
import { decode, encode } from "cborg";

/*
 * A chunk is `[[word, word, …]]`, each word `[text, postings, variants]`, each posting `[page delta, locations,
 * meta locations]` (the page number's difference from the previous posting's), variants `[[text, postings], …]`.
 * Merging bundles changes nothing in a word's postings but the first page delta of each bundle's part, so the parts
 * are kept as byte ranges and only that number is written anew: decoding and encoding every posting (cborg, about a
 * million small arrays on 10,000 releases) took most of a merge's time. Variants (accented forms, a few words in a
 * thousand) are decoded with cborg. Pagefind writes definite lengths only; anything else is refused.
 */

/** One posting list of one bundle, as bytes: the list is `count` postings, the first of which starts with `firstDelta`. */
export interface PostingBytes {
  count: number;
  firstDelta: number;
  /** The first posting's array head. */
  firstHead: Uint8Array;
  /** Everything after the first posting's page delta, to the end of the list. */
  rest: Uint8Array;
  /** The page number of the list's last posting. */
  lastPage: number;
}

/** A word of a chunk: its text, its postings as bytes, and its variants decoded (an empty array for most words). */
export interface RawWord {
  word: string;
  postings: PostingBytes | null;
  variants: [string, [number, ...unknown[]][]][];
  /** Bytes the word takes in its chunk: the measure chunks are cut by. */
  size: number;
}

/** The major type and argument of the CBOR head {@link readHead} read last (no tuple per head: merges read millions). */
let headMajor = 0;
let headValue = 0;

/** Reads the CBOR head at `p` into `headMajor` and `headValue`; returns where the item's content starts. */
function readHead(bytes: Uint8Array, p: number): number {
  const first = bytes[p]!;
  headMajor = first >> 5;
  const info = first & 31;
  if (info < 24) {
    headValue = info;
    return p + 1;
  }
  if (info === 24) {
    headValue = bytes[p + 1]!;
    return p + 2;
  }
  if (info === 25) {
    headValue = (bytes[p + 1]! << 8) | bytes[p + 2]!;
    return p + 3;
  }
  if (info === 26) {
    headValue = ((bytes[p + 1]! << 24) >>> 0) + ((bytes[p + 2]! << 16) | (bytes[p + 3]! << 8) | bytes[p + 4]!);
    return p + 5;
  }
  throw new Error(`word chunk: unsupported CBOR head 0x${first.toString(16)} at byte ${p}`);
}

/** Reads a CBOR head at `p`: major type, argument, and where the item's content starts. */
function head(bytes: Uint8Array, p: number): [major: number, value: number, next: number] {
  const next = readHead(bytes, p);
  return [headMajor, headValue, next];
}

/** Where the CBOR item at `p` ends. */
function skip(bytes: Uint8Array, p: number): number {
  let q = readHead(bytes, p);
  const major = headMajor;
  if (major === 0 || major === 1 || major === 7) return q;
  if (major === 2 || major === 3) return q + headValue;
  const items = major === 4 ? headValue : major === 5 ? 2 * headValue : -1;
  if (items < 0) throw new Error(`word chunk: unsupported CBOR major type ${major} at byte ${p}`);
  for (let i = 0; i < items; i++) q = skip(bytes, q);
  return q;
}

/** Writes a CBOR head: the smallest that holds `value`, as Pagefind's encoder (minicbor) and cborg write it. */
export function cborHead(major: number, value: number): Uint8Array {
  const m = major << 5;
  if (value < 24) return Uint8Array.of(m | value);
  if (value < 0x100) return Uint8Array.of(m | 24, value);
  if (value < 0x10000) return Uint8Array.of(m | 25, value >> 8, value & 0xff);
  return Uint8Array.of(m | 26, (value >>> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
}

const decoder = new TextDecoder();

/** A chunk's `[[word, …]]` heads: how many words, and where the first starts. */
function wordList(bytes: Uint8Array): { count: number; start: number } {
  let [major, count, p] = head(bytes, 0);
  if (major !== 4 || count !== 1) throw new Error("word chunk: expected [[words]]");
  [major, count, p] = head(bytes, p);
  if (major !== 4) throw new Error("word chunk: expected the list of words");
  return { count, start: p };
}

/** Word `w`'s `[text, postings, …` at `p`: its text, how many postings, and where the first starts. */
function wordHead(bytes: Uint8Array, p: number, w: number): { word: string; postingCount: number; listStart: number } {
  const [wordMajor, fields, afterHead] = head(bytes, p);
  if (wordMajor !== 4 || fields !== 3) throw new Error(`word chunk: word ${w} is not [text, postings, variants]`);
  const [textMajor, length, textStart] = head(bytes, afterHead);
  if (textMajor !== 3) throw new Error(`word chunk: word ${w} has no text`);
  const word = decoder.decode(bytes.subarray(textStart, textStart + length));
  const [listMajor, postingCount, listStart] = head(bytes, textStart + length);
  if (listMajor !== 4) throw new Error(`word chunk: ${word} has no postings list`);
  return { word, postingCount, listStart };
}

/** The words of a chunk (its CBOR, the signature removed), their postings left as bytes. */
export function readWordChunk(bytes: Uint8Array): RawWord[] {
  const { count, start: first } = wordList(bytes);
  let p = first;
  const words: RawWord[] = [];
  for (let w = 0; w < count; w++) {
    const start = p;
    const { word, postingCount, listStart } = wordHead(bytes, p, w);
    const listEnd = skipPostings(bytes, listStart, postingCount);
    let postings: PostingBytes | null = null;
    if (postingCount > 0) {
      const [, , deltaStart] = head(bytes, listStart);
      const [deltaMajor, firstDelta, deltaEnd] = head(bytes, deltaStart);
      if (deltaMajor !== 0) throw new Error(`word chunk: ${word}'s first posting has no page`);
      postings = { count: postingCount, firstDelta, firstHead: bytes.subarray(listStart, deltaStart), rest: bytes.subarray(deltaEnd, listEnd.end), lastPage: listEnd.pages };
    }
    const variantsEnd = skip(bytes, listEnd.end);
    const variants = variantsEnd === listEnd.end + 1 && bytes[listEnd.end] === 0x80 ? [] : (decode(bytes.subarray(listEnd.end, variantsEnd)) as RawWord["variants"]);
    p = variantsEnd;
    words.push({ word, postings, variants, size: p - start });
  }
  return words;
}

/** Skips `count` postings from `p`: where they end, and the page number of the last (the sum of the deltas). */
function skipPostings(bytes: Uint8Array, p: number, count: number): { end: number; pages: number } {
  let pages = 0;
  let q = p;
  for (let i = 0; i < count; i++) {
    readHead(bytes, readHead(bytes, q));
    pages += headValue;
    q = skip(bytes, q);
  }
  return { end: q, pages };
}

/** A merged word: its text, each bundle's postings bytes with that bundle's page offset, and its variants. */
export interface MergedWord {
  word: string;
  parts: { postings: PostingBytes; offset: number }[];
  variants: [string, [number, ...unknown[]][]][];
}

/** Encodes a chunk of merged words: each part's first page delta rewritten to follow the part before it. */
export function writeWordChunk(words: readonly MergedWord[]): Uint8Array[] {
  const out: Uint8Array[] = [cborHead(4, 1), cborHead(4, words.length)];
  for (const { word, parts, variants } of words) {
    const text = Buffer.from(word);
    out.push(cborHead(4, 3), cborHead(3, text.length), text, cborHead(4, parts.reduce((n, { postings }) => n + postings.count, 0)));
    let last = 0;
    for (const { postings, offset } of parts) {
      out.push(postings.firstHead, cborHead(0, postings.firstDelta + offset - last), postings.rest);
      last = offset + postings.lastPage;
    }
    out.push(variants.length === 0 ? cborHead(4, 0) : encode(variants));
  }
  return out;
}

/** One posting taken apart from its list: its page number (absolute) and its other items (locations, meta locations), bytes `start` to `end` of `source`. */
export interface LoosePosting {
  page: number;
  /** The posting's items, its page included. */
  items: number;
  source: Buffer;
  start: number;
  end: number;
}

/** A word of a chunk with its postings, and its variants', taken apart (see {@link LoosePosting}). */
export interface LooseWord {
  word: string;
  postings: LoosePosting[];
  variants: [string, LoosePosting[]][];
}

/** Reads a list of `count` postings from `p`, their page deltas summed to page numbers, into `into`; returns where the list ends. */
function readLoosePostings(bytes: Buffer, p: number, count: number, into: LoosePosting[]): number {
  let page = 0;
  let q = p;
  for (let i = 0; i < count; i++) {
    const afterHead = readHead(bytes, q);
    const items = headValue;
    if (headMajor !== 4 || items < 1) throw new Error(`word chunk: posting at byte ${q} is not [page, …]`);
    const afterDelta = readHead(bytes, afterHead);
    if ((headMajor as number) !== 0) throw new Error(`word chunk: posting at byte ${q} has no page`);
    page += headValue;
    let end = afterDelta;
    for (let k = 1; k < items; k++) end = skip(bytes, end);
    into.push({ page, items, source: bytes, start: afterDelta, end });
    q = end;
  }
  return q;
}

/** The words of a chunk (its CBOR, the signature removed) with every posting taken apart. */
export function readLooseWords(bytes: Buffer): LooseWord[] {
  const { count, start } = wordList(bytes);
  let p = start;
  const words: LooseWord[] = [];
  for (let w = 0; w < count; w++) {
    const { word, postingCount, listStart } = wordHead(bytes, p, w);
    const postings: LoosePosting[] = [];
    const [variantsMajor, variantCount, variantsStart] = head(bytes, readLoosePostings(bytes, listStart, postingCount, postings));
    if (variantsMajor !== 4) throw new Error(`word chunk: ${word} has no variants list`);
    const variants: [string, LoosePosting[]][] = [];
    p = variantsStart;
    for (let v = 0; v < variantCount; v++) {
      const [pairMajor, pairItems, pairStart] = head(bytes, p);
      const [variantMajor, variantLength, variantStart] = head(bytes, pairStart);
      if (pairMajor !== 4 || pairItems !== 2 || variantMajor !== 3) throw new Error(`word chunk: ${word}'s variant ${v} is not [text, postings]`);
      const [variantListMajor, variantPostings, variantListStart] = head(bytes, variantStart + variantLength);
      if (variantListMajor !== 4) throw new Error(`word chunk: ${word}'s variant ${v} has no postings list`);
      const list: LoosePosting[] = [];
      p = readLoosePostings(bytes, variantListStart, variantPostings, list);
      variants.push([decoder.decode(bytes.subarray(variantStart, variantStart + variantLength)), list]);
    }
    words.push({ word, postings, variants });
  }
  return words;
}

/** Bytes written one after another into a buffer that grows: CBOR heads and copied ranges. */
export class ByteWriter {
  private buffer = Buffer.allocUnsafe(1 << 16);
  length = 0;
  private room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + n));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
  /** A CBOR head, the smallest that holds `value` (see {@link cborHead}). */
  head(major: number, value: number): void {
    this.room(5);
    const m = major << 5;
    const b = this.buffer;
    if (value < 24) b[this.length++] = m | value;
    else if (value < 0x100) {
      b[this.length++] = m | 24;
      b[this.length++] = value;
    } else if (value < 0x10000) {
      b[this.length++] = m | 25;
      this.length = b.writeUInt16BE(value, this.length);
    } else {
      b[this.length++] = m | 26;
      this.length = b.writeUInt32BE(value, this.length);
    }
  }
  /** Bytes `start` to `end` of `source`. */
  copy(source: Buffer, start = 0, end = source.length): void {
    this.room(end - start);
    this.length += source.copy(this.buffer, this.length, start, end);
  }
  /** What was written (a view, valid until the next write). */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

/** Writes postings in page order (sorted here), each page as its difference from the previous posting's. */
function writeLoosePostings(postings: LoosePosting[], out: ByteWriter): void {
  postings.sort((a, b) => a.page - b.page);
  out.head(4, postings.length);
  let last = 0;
  for (const { page, items, source, start, end } of postings) {
    out.head(4, items);
    out.head(0, page - last);
    out.copy(source, start, end);
    last = page;
  }
}

/** Writes a word taken apart (see {@link readLooseWords}) as the chunk item `[text, postings, variants]`. */
export function writeLooseWord({ word, postings, variants }: LooseWord, out: ByteWriter): void {
  const text = Buffer.from(word);
  out.head(4, 3);
  out.head(3, text.length);
  out.copy(text);
  writeLoosePostings(postings, out);
  out.head(4, variants.length);
  for (const [variant, list] of variants) {
    const variantText = Buffer.from(variant);
    out.head(4, 2);
    out.head(3, variantText.length);
    out.copy(variantText);
    writeLoosePostings(list, out);
  }
}

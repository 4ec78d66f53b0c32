// Splices the pages that changed into a shard's earlier bundle: the bundle Pagefind would write for the whole shard, as the merge reads it, without indexing its other pages again.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { decode, encode } from "cborg";
import { byBytes, type Entry, HashNames, linkOrCopy, type Meta, pagefindFileBody, pagefindFileBytes, type Posting, readEntry, readMeta, readPagefindFile, renumberMetaFields, setChunkBounds, SIGNATURE } from "./bundle-format.ts";
import { ByteWriter, cborHead, type LoosePosting, type LooseWord, readLooseWords, writeLooseWord } from "./word-chunk.ts";

/** A bundle and its pages' paths, in its page order (the order they were given to Pagefind, or spliced in), with each page's sort values ({@link pageSorts}). */
export interface ListedBundle {
  dir: string;
  pages: readonly string[];
  sorts: readonly (string | null)[];
}

/** A `data-pagefind-sort` attribute, with the tag it is on. */
const SORT_TAG = /<[a-zA-Z][^>]*?\sdata-pagefind-sort="([^"]*)"[^>]*>/g;
/** A value Pagefind might read as a number (and sort as one): such values are not spliced. */
const NUMBER_LIKE = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?\s*$|^\s*[+-]?(?:inf|infinity|nan)\s*$/i;

/**
 * A page's sort values (`data-pagefind-sort`), as JSON `[[name, value], …]` by name, when each is given in a form read
 * here exactly — `name:value`, or `name[attribute]` with the attribute on the same tag — and is not a number; else
 * null (a value taken from an element's text, entities, several sorts in one attribute, a name twice): Pagefind alone
 * knows that page's order, and its shard is indexed whole.
 */
export function pageSorts(html: string): string | null {
  const sorts = new Map<string, string>();
  for (const [tag, spec] of html.matchAll(SORT_TAG)) {
    const inline = /^([\w-]+):([^,&]+)$/.exec(spec!);
    const fromAttribute = /^([\w-]+)\[([\w-]+)\]$/.exec(spec!);
    const name = inline?.[1] ?? fromAttribute?.[1];
    const value = inline ? inline[2] : fromAttribute ? new RegExp(`\\s${fromAttribute[2]}="([^"&]*)"`).exec(tag)?.[1] : undefined;
    if (name === undefined || value === undefined || sorts.has(name) || NUMBER_LIKE.test(value)) return null;
    sorts.set(name, value);
  }
  return JSON.stringify([...sorts].sort(([a], [b]) => byBytes(a, b)));
}

/**
 * Pagefind's order of pages for each sort, from their sort values ({@link pageSorts}): by value in byte order, pages
 * of one value in page order. Undefined when a page's values are unknown or the pages do not all have the same sorts.
 */
export function sortOrders(sorts: readonly (string | null)[]): Meta[4] | undefined {
  const values = sorts.map((s) => (s === null ? undefined : new Map(JSON.parse(s) as [string, string][])));
  if (values.some((v) => v === undefined)) return undefined;
  const names = [...values[0]?.keys() ?? []];
  if (values.some((v) => v!.size !== names.length || names.some((name) => !v!.has(name)))) return undefined;
  return names.map((name) => [name, values.map((_, i) => i).sort((a, b) => byBytes(values[a]!.get(name)!, values[b]!.get(name)!) || a - b)]);
}

/** A page's name as Pagefind gives it when no other page of its bundle shares the first seven digits of its hash. */
const PLAIN_NAME = /^[a-z-]+_[0-9a-f]{7}$/i;

/** Bytes of CBOR a spliced bundle's index chunk holds, about: few files, as nothing searches a shard's bundle. */
const SPLICED_CHUNK_BYTES = 256 * 1024;

/**
 * Writes at `outDir` (a new folder) the bundle of `pages` (paths, sorted: the order a shard gives Pagefind), taking
 * each page from `delta` (a bundle of the pages that changed) when it lists it, else from `base` (an earlier bundle of
 * the same shard). Each page keeps everything Pagefind computed from it alone — its name (a hash of its fragment), word
 * count, fragment, word positions, filter values and meta fields — and the rest is what Pagefind builds from those: a
 * word's postings in page order, its variants in the order of the page each first appears on, each filter value's
 * pages. So the bundle holds, page for page, what Pagefind would index from the whole shard; the merge
 * (src/search/merge-bundles.ts) reads nothing else, and a merged bundle made from it is the same bytes. Its own index
 * chunks are larger than Pagefind's and stored uncompressed (the merge cuts and compresses again).
 *
 * Returns false, writing nothing useful, where a splice cannot tell what Pagefind would write: a page whose name is not
 * seven digits or shares them with another (Pagefind lengthens one of the two, which one depending on the order of
 * pages), bundles of different versions or languages, a page whose sort values are not read here exactly
 * ({@link pageSorts}), or a bundle whose sorts are not those its pages' values give. The caller then indexes the
 * shard whole.
 */
export function spliceBundle(base: ListedBundle, delta: ListedBundle | undefined, pages: readonly string[], outDir: string): boolean {
  const sources = delta ? [base, delta] : [base];
  const entries = sources.map((s) => readEntry(s.dir));
  const read = sources.map((s, i) => readMeta(s.dir, entries[i]));
  const language = read[0]!.language;
  const metas = read.map((r) => r.meta);
  if (read.some((r) => r.language !== language || r.meta[0] !== metas[0]![0])) return false;
  for (const [i, meta] of metas.entries()) if (meta[1].length !== sources[i]!.pages.length) throw new Error(`${sources[i]!.dir}: ${meta[1].length} pages, ${sources[i]!.pages.length} listed`);
  // The sorts Pagefind gave each bundle must be those its pages' values give, so the values tell the new bundle's.
  if (sources.some((source, i) => JSON.stringify(sortOrders(source.sorts) ?? null) !== JSON.stringify([...metas[i]![4]].sort(([a], [b]) => byBytes(a, b))))) return false;

  // Where each page of the new bundle comes from; `moved[s][p]` is the new number of page p of source s (or -1).
  const at = sources.map((s) => new Map(s.pages.map((file, i) => [file, i])));
  const moved = sources.map((s) => new Int32Array(s.pages.length).fill(-1));
  const from: { source: number; page: number }[] = [];
  for (const [n, file] of pages.entries()) {
    const source = delta && at[1]!.has(file) ? 1 : 0;
    const page = at[source]!.get(file);
    if (page === undefined) throw new Error(`spliceBundle: ${file} is in neither bundle`);
    moved[source]![page] = n;
    from.push({ source, page });
  }
  if (delta && moved[1]!.some((n) => n < 0)) throw new Error(`spliceBundle: ${delta.dir} holds pages the shard does not`);
  const entriesOut: Meta[1] = from.map(({ source, page }) => metas[source]![1][page]!);
  if (new Set(entriesOut.map(([name]) => name)).size !== entriesOut.length || entriesOut.some(([name]) => !PLAIN_NAME.test(name))) return false;
  const sorts = sortOrders(from.map(({ source, page }) => sources[source]!.sorts[page]!));
  if (!sorts) return false;

  mkdirSync(join(outDir, "fragment"), { recursive: true });
  mkdirSync(join(outDir, "index"));
  mkdirSync(join(outDir, "filter"));
  for (const [n, { source }] of from.entries()) {
    const name = `${entriesOut[n]![0]}.pf_fragment`;
    linkOrCopy(join(sources[source]!.dir, "fragment", name), join(outDir, "fragment", name));
  }
  const names = new HashNames(language);
  for (const [name] of entriesOut) names.claim(name);

  // A field only the base lists is kept if a page kept from it has it (its fragment says; most fields are on every page).
  const fresh = new Set(delta ? metas[1]![5] : []);
  const keptFromBase = entriesOut.filter((_, n) => from[n]!.source === 0).map(([name]) => name);
  const metaFields = metas[0]![5].filter((field) => !fresh.has(field) && keptFromBase.some((name) => field in fragmentMeta(base.dir, name)));
  metaFields.push(...fresh);
  metaFields.sort(byBytes);
  // A posting's meta locations name a field by its place in the bundle's list of fields: placed anew in this one's.
  const fieldPlaces = metas.map((meta) => meta[5].map((field) => metaFields.indexOf(field)));

  // Words: every word of both bundles, its postings of the pages kept, renumbered. Postings are taken apart from
  // their lists as bytes (decoding every location took most of a splice's time).
  const words = new Map<string, LooseWord>();
  for (const [s, meta] of metas.entries()) {
    // Renumbered only if a field kept moves (one dropped is in no kept page's postings).
    const places = fieldPlaces[s]!.every((place, i) => place === i || place < 0) ? undefined : fieldPlaces[s]!;
    for (const [, , hash] of meta[2]) {
      for (const loose of readLooseWords(pagefindFileBody(join(sources[s]!.dir, "index", `${hash}.pf_index`)))) {
        let word = words.get(loose.word);
        if (!word) words.set(loose.word, (word = { word: loose.word, postings: [], variants: [] }));
        keep(word.postings, loose.postings, moved[s]!, places);
        for (const [variant, list] of loose.variants) {
          let into = word.variants.find(([v]) => v === variant);
          if (!into) word.variants.push((into = [variant, []]));
          keep(into[1], list, moved[s]!, places);
        }
      }
    }
  }
  const chunkMeta: [string, string, string][] = [];
  const chunk = new ByteWriter();
  let first = "";
  let last = "";
  let count = 0;
  const flush = () => {
    if (count === 0) return;
    const cbor = Buffer.concat([SIGNATURE, cborHead(4, 1), cborHead(4, count), chunk.bytes()]);
    const name = names.name(cbor);
    // Stored, not compressed: the merge reads it once or twice, and nothing publishes it.
    writeFileSync(join(outDir, "index", `${name}.pf_index`), gzipSync(cbor, { level: 0 }));
    chunkMeta.push([first, last, name]);
    chunk.length = 0;
    count = 0;
  };
  for (const text of [...words.keys()].sort(byBytes)) {
    const word = words.get(text)!;
    // A variant is listed where its first page puts it (Pagefind adds variants as it meets them, page by page).
    word.variants = word.variants.filter(([, list]) => list.length > 0);
    word.variants.sort((a, b) => firstPage(a[1]) - firstPage(b[1]));
    if (word.postings.length === 0 && word.variants.length === 0) continue;
    if (count === 0) first = text;
    last = text;
    writeLooseWord(word, chunk);
    count++;
    if (chunk.length >= SPLICED_CHUNK_BYTES) flush();
  }
  flush();
  setChunkBounds(chunkMeta);

  // Filters: each value's pages kept, renumbered; a value (or filter) no page has any more is dropped.
  const filters: [string, string][] = [];
  for (const filter of [...new Set(metas.flatMap((m) => m[3].map(([name]) => name)))].sort(byBytes)) {
    const values = new Map<string, number[]>();
    for (const [s, meta] of metas.entries()) {
      const hash = meta[3].find(([name]) => name === filter)?.[1];
      if (hash === undefined) continue;
      const [, list] = readPagefindFile<[string, [string, number[]][]]>(join(sources[s]!.dir, "filter", `${hash}.pf_filter`));
      for (const [value, valuePages] of list) {
        for (const page of valuePages) {
          const n = moved[s]![page]!;
          if (n < 0) continue;
          if (!values.has(value)) values.set(value, []);
          values.get(value)!.push(n);
        }
      }
    }
    if (values.size === 0) continue;
    for (const list of values.values()) list.sort((a, b) => a - b);
    const bytes = pagefindFileBytes([filter, [...values].sort(([a], [b]) => byBytes(a, b))]);
    const name = names.name(bytes);
    writeFileSync(join(outDir, "filter", `${name}.pf_filter`), bytes);
    filters.push([filter, name]);
  }

  const metaBytes = pagefindFileBytes([metas[0]![0], entriesOut, chunkMeta, filters, sorts, metaFields] satisfies Meta);
  const metaName = names.name(metaBytes, 10);
  writeFileSync(join(outDir, `pagefind.${metaName}.pf_meta`), metaBytes);
  const newest = entries.at(-1)!;
  const entry: Entry = { ...newest, languages: { [language]: { ...newest.languages[language]!, hash: metaName, page_count: pages.length } } };
  writeFileSync(join(outDir, "pagefind-entry.json"), JSON.stringify(entry));
  // Pagefind's JS, WebAssembly and UI files, as it writes them with every bundle.
  const runtime = sources.at(-1)!.dir;
  for (const file of readdirSync(runtime, { withFileTypes: true })) if (file.isFile() && !file.name.endsWith(".pf_meta") && !file.name.endsWith(".json")) linkOrCopy(join(runtime, file.name), join(outDir, file.name));
  return true;
}

/** A fragment's meta fields (its page's `data-pagefind-meta`). */
function fragmentMeta(bundleDir: string, name: string): Record<string, unknown> {
  return (JSON.parse(pagefindFileBody(join(bundleDir, "fragment", `${name}.pf_fragment`)).toString("utf8")) as { meta?: Record<string, unknown> }).meta ?? {};
}

/** Adds the postings of the pages kept to `into`, by their new numbers, their meta fields placed anew (`places`) if need be. */
function keep(into: LoosePosting[], postings: readonly LoosePosting[], moved: Int32Array, places: readonly number[] | undefined): void {
  for (const posting of postings) {
    const page = moved[posting.page]!;
    if (page < 0) continue;
    if (!places) into.push({ ...posting, page });
    else {
      const rest = renumberedRest(posting, places);
      into.push({ page, items: posting.items, source: rest, start: 0, end: rest.length });
    }
  }
}

/** A posting's items after its page, their meta locations renumbered (see renumberMetaFields). */
function renumberedRest({ items, source, start, end }: LoosePosting, places: readonly number[]): Buffer {
  const listHead = cborHead(4, items - 1);
  const posting = [0, ...(decode(Buffer.concat([listHead, source.subarray(start, end)])) as unknown[])] as Posting;
  renumberMetaFields([posting], places);
  const bytes = encode(posting.slice(1));
  return Buffer.from(bytes.buffer, bytes.byteOffset + listHead.length, bytes.byteLength - listHead.length);
}

/** The lowest page number of postings. */
const firstPage = (postings: readonly LoosePosting[]) => postings.reduce((low, { page }) => Math.min(low, page), Infinity);

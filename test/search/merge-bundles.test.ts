// Merging Pagefind bundles: the merged bundle holds what Pagefind writes when it indexes the same pages as one bundle (words, filters, sort, pages, fragments), cut into chunks within their bounds; the same bytes every run.
import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { after, before, test } from "node:test";
import { encode } from "cborg";
import { ChunkPrefetch } from "../../src/search/chunk-prefetch.ts";
import { indexShard } from "../../src/search/shard-bundle.ts";
import fc from "fast-check";
import { pagefindFileBytes, readPagefindFile } from "../../src/search/bundle-format.ts";
import { PAGE_NAME_DIGITS, mergeBundles, shortNames } from "../../src/search/merge-bundles.ts";
import { closeAll, pagefindServices } from "../../src/search/services.ts";

const YEARS = ["1999", "2003", "2014", "2021"];
const VOCABULARY = ["security", "council", "chargé", "bogotá", "arctic", "kabul", "seoul", "ministerial", "trade", "cyber", "españa", "the", "of", "policy", "dialogue"];
const COUNTRIES = ["France", "Chile", "Japan", "Ghana"];

/** A small deterministic generator (a linear congruential one): the test's pages are the same every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/**
 * An office as a meta field, on pages after 1999 only: the 1999 bundle's meta fields lack one that sorts before
 * "title", so its postings' meta locations name the title by another place than the merged bundle's.
 */
const office = (year: string, country: string) => (year === "1999" ? "" : `<span data-pagefind-meta="office">Embassy in ${country}</span>`);

/** Release pages as the layout writes them, reduced to what Pagefind reads: title, meta, filters, sort, paragraphs with ids. */
function pages(): { path: string; html: string }[] {
  const next = random(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const out: { path: string; html: string }[] = [];
  for (const year of YEARS) {
    for (let i = 0; i < 9; i++) {
      const date = `${year}-0${1 + (i % 9)}-1${i % 10}`;
      const title = `${pick(VOCABULARY)} ${pick(VOCABULARY)} ${i}`;
      const paragraphs = Array.from({ length: 1 + Math.floor(next() * 4) }, (_, p) => `<p id="p${p + 1}" data-pagefind-title="Paragraph ${p + 1}">${Array.from({ length: 5 + Math.floor(next() * 30) }, () => pick(VOCABULARY)).join(" ")}.</p>`);
      const country = pick(COUNTRIES);
      out.push({
        path: `releases/${year}/${date.slice(5, 7)}/${date.slice(8)}/page-${i}/index.html`,
        html: `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><time data-pagefind-sort="date[datetime]" data-pagefind-meta="date[datetime]" datetime="${date}">${date}</time><span data-pagefind-filter="country">${country}</span>${office(year, country)}<span data-pagefind-filter="year">${year}</span>${paragraphs.join("")}</article></body></html>`,
      });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

type Word = [string, [number, ...unknown[]][], [string, [number, ...unknown[]][]][]];
type Meta = [string, [string, number, ...unknown[]][], [string, string, string][], [string, string][], [string, number[]][], string[]];

/** A bundle's metadata. */
async function meta(bundle: string): Promise<Meta> {
  const entry = JSON.parse(await readFile(join(bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { hash: string }> };
  return readPagefindFile<Meta>(join(bundle, `pagefind.${entry.languages["en"]!.hash}.pf_meta`));
}

/** Postings with absolute page numbers (the files hold each page's difference from the previous one). */
function absolute(postings: [number, ...unknown[]][]): string[] {
  let page = 0;
  return postings.map(([delta, ...rest]) => JSON.stringify([(page += delta), ...rest]));
}

/** Everything a bundle's index chunks say, chunking aside: word → its postings and its variants' postings, by absolute page. */
async function words(bundle: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [, , hash] of (await meta(bundle))[2]) {
    for (const [word, postings, variants] of readPagefindFile<[Word[]]>(join(bundle, "index", `${hash}.pf_index`))[0]) {
      assert.ok(!out.has(word), `${word} in one chunk only`);
      out.set(word, JSON.stringify([absolute(postings), variants.map(([v, p]) => [v, absolute(p)]).sort()]));
    }
  }
  return out;
}

/** Each filter's values with their pages. */
async function filters(bundle: string): Promise<Record<string, Record<string, number[]>>> {
  const out: Record<string, Record<string, number[]>> = {};
  for (const [name, hash] of (await meta(bundle))[3]) {
    const [filter, values] = readPagefindFile<[string, [string, number[]][]]>(join(bundle, "filter", `${hash}.pf_filter`));
    out[filter] = Object.fromEntries(values);
    assert.equal(filter, name);
  }
  return out;
}

/** Each page's fragment, in page order. */
async function fragments(bundle: string): Promise<string[]> {
  return Promise.all((await meta(bundle))[1].map(async ([hash]) => gunzipSync(await readFile(join(bundle, "fragment", `${hash}.pf_fragment`))).toString()));
}

let dir: string;
let shards: string[];
let whole: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "communique-merge-"));
  const all = pages();
  for (const { path, html } of all) {
    await mkdir(join(dir, path, ".."), { recursive: true });
    await writeFile(join(dir, path), html);
  }
  // One bundle per year, oldest first, and Pagefind's own bundle of every page in the same order.
  shards = [];
  for (const year of YEARS) {
    const bundle = join(dir, "shards", year);
    assert.deepEqual(await indexShard(dir, all.filter((p) => p.path.startsWith(`releases/${year}/`)).map((p) => p.path), bundle), []);
    shards.push(bundle);
  }
  whole = join(dir, "whole");
  assert.deepEqual(await indexShard(dir, all.map((p) => p.path), whole), []);
});

after(async () => {
  await (await import("pagefind")).close();
  await rm(dir, { recursive: true, force: true });
});

/** Every file of a folder, by relative path, with its bytes. */
async function files(folder: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.set(join(entry.parentPath, entry.name).slice(folder.length), await readFile(join(entry.parentPath, entry.name)));
  }
  return out;
}

/** Every path under a folder, sorted, with its bytes (base64; "dir" for a folder): two listings equal, two same trees. */
const listing = async (d: string) => Promise.all((await readdir(d, { recursive: true })).sort().map(async (f) => [f, (await readFile(join(d, f)).catch(() => Buffer.from("dir"))).toString("base64")]));

test("two Pagefind services index two shards at once, each into the bundle one service writes", async () => {
  const services = await pagefindServices(2);
  try {
    assert.notEqual(services[0], services[1]);
    const all = pages();
    const [a, b] = [YEARS[0]!, YEARS[3]!];
    const twice = join(dir, "two-services");
    const results = await Promise.all(
      [a, b].map((year, i) => indexShard(dir, all.filter((p) => p.path.startsWith(`releases/${year}/`)).map((p) => p.path), join(twice, year), undefined, services[i])),
    );
    assert.deepEqual(results, [[], []]);
    for (const [i, year] of [a, b].entries()) {
      const expected = await files(shards[YEARS.indexOf(year)]!);
      const got = await files(join(twice, year));
      assert.deepEqual([...got.keys()].sort(), [...expected.keys()].sort());
      for (const [name, bytes] of expected) assert.ok(got.get(name)!.equals(bytes), `${year}: ${name}`);
      assert.ok(expected.size > 0, `shard ${i} has files`);
    }
  } finally {
    await closeAll(services);
  }
});

test("Pagefind's files decode and encode again to the same bytes", async () => {
  for (const bundle of [whole, ...shards]) {
    const m = await meta(bundle);
    const files = [...m[2].map(([, , h]) => join(bundle, "index", `${h}.pf_index`)), ...m[3].map(([, h]) => join(bundle, "filter", `${h}.pf_filter`))];
    for (const file of files) {
      const raw = gunzipSync(await readFile(file));
      assert.ok(raw.equals(gunzipSync(pagefindFileBytes(readPagefindFile(file)))), file);
    }
    assert.ok(Buffer.from(encode(m)).length > 0);
  }
});

test("merged bundles hold what Pagefind writes for the same pages in one bundle", async () => {
  const merged = join(dir, "merged");
  const result = await mergeBundles(shards, merged, { chunkBytes: 40 });
  const [mine, theirs] = [await meta(merged), await meta(whole)];
  assert.equal(result.pages, theirs[1].length);
  assert.equal(mine[0], theirs[0], "version");
  assert.deepEqual(mine[1].map(([, count, ...rest]) => [count, ...rest]), theirs[1].map(([, count, ...rest]) => [count, ...rest]), "pages' word counts");
  assert.deepEqual(await fragments(merged), await fragments(whole), "fragments, page by page");
  assert.deepEqual(await words(merged), await words(whole), "every word's postings and variants");
  assert.ok((await words(merged)).has("charg"), "the test has words with accented variants");
  assert.deepEqual(await filters(merged), await filters(whole), "filters' values and pages");
  assert.deepEqual(mine[4], theirs[4], "the date sort");
  assert.deepEqual(mine[5], theirs[5], "meta fields");
  // Pages' names: the shortest prefixes of the bundles' names that tell them apart, PAGE_NAME_DIGITS digits at least.
  const pageNames = mine[1].map(([name]) => name);
  assert.deepEqual(pageNames, [...shortNames([...(await Promise.all(shards.map(meta))).flatMap((m) => m[1].map(([name]) => name))], 3 + PAGE_NAME_DIGITS).values()].sort((a, b) => pageNames.indexOf(a) - pageNames.indexOf(b)));
  assert.ok(pageNames.every((name) => /^en_[0-9a-f]+$/.test(name) && name.length >= 3 + PAGE_NAME_DIGITS));
  assert.ok(pageNames.some((name) => name.length < theirs[1][0]![0].length), "shorter than Pagefind's");
  // Chunks: many (the target is small), in byte order, each word within its chunk's bounds.
  assert.ok(mine[2].length > 5, `${mine[2].length} chunks`);
  // Each chunk's CBOR hash, by name, for a later merge to link those that come out the same.
  assert.deepEqual(Object.keys(result.chunks).sort(), mine[2].map(([, , name]) => name).sort());
  for (const [name, hex] of Object.entries(result.chunks)) assert.equal(createHash("sha256").update(gunzipSync(await readFile(join(merged, "index", `${name}.pf_index`)))).digest("hex"), hex, name);
  const bytes = (s: string) => Buffer.from(s);
  for (const [i, [from, to, hash]] of mine[2].entries()) {
    const chunk = readPagefindFile<[Word[]]>(join(merged, "index", `${hash}.pf_index`))[0];
    for (const [word] of chunk) {
      assert.ok(Buffer.compare(bytes(word), bytes(from)) >= 0 && (Buffer.compare(bytes(word), bytes(to)) <= 0 || word.startsWith(to)), `${word} in [${from}, ${to}]`);
    }
    if (i > 0) assert.ok(Buffer.compare(bytes(mine[2][i - 1]![1]), bytes(from)) < 0, "chunks in order");
  }
  // The same bytes again.
  const again = join(dir, "merged-again");
  await mergeBundles(shards, again, { chunkBytes: 40 });
  assert.deepEqual(await listing(again), await listing(merged));
  // Merged again with the first merge's bundle to reuse: the same bytes, its index chunks linked rather than written.
  const reusing = join(dir, "merged-reusing");
  await mergeBundles(shards, reusing, { chunkBytes: 40, reuse: { dir: merged, chunks: result.chunks } });
  assert.deepEqual(await listing(reusing), await listing(merged));
  const inode = async (d: string, f: string) => (await stat(join(d, "index", f))).ino;
  const chunkFiles = (await readdir(join(merged, "index"))).sort();
  for (const f of chunkFiles) assert.equal(await inode(reusing, f), await inode(merged, f), `${f} linked`);
  // An earlier chunk recorded with another hash under the same name (two hashes sharing their first digits) is not linked.
  const tampered = join(dir, "merged-tampered");
  await cp(merged, tampered, { recursive: true });
  const other = { ...result.chunks, [chunkFiles[0]!.replace(/\.pf_index$/, "")]: "0".repeat(64) };
  const redone = join(dir, "merged-redone");
  await mergeBundles(shards, redone, { chunkBytes: 40, reuse: { dir: tampered, chunks: other } });
  assert.deepEqual(await listing(redone), await listing(merged));
  assert.notEqual(await inode(redone, chunkFiles[0]!), await inode(tampered, chunkFiles[0]!));
  assert.equal(await inode(redone, chunkFiles[1]!), await inode(tampered, chunkFiles[1]!));
});

test("chunks read ahead serve the merge as the files would, within the prefetch's budget", async () => {
  const merged = join(dir, "merged-plain");
  await mergeBundles(shards, merged, { chunkBytes: 40 });
  const prefetch = new ChunkPrefetch();
  for (const bundle of [...shards, merged]) prefetch.bundle(bundle);
  const preread = await prefetch.ready();
  const chunkCount = async (d: string) => (await readdir(join(d, "index"))).length;
  assert.equal(preread.size, (await Promise.all([...shards, merged].map(chunkCount))).reduce((a, b) => a + b, 0), "every chunk read");
  for (const [file, body] of preread) assert.ok(body.equals(gunzipSync(await readFile(file))), file);
  const ahead = join(dir, "merged-ahead");
  await mergeBundles(shards, ahead, { chunkBytes: 40, preread });
  assert.deepEqual(await listing(ahead), await listing(merged));
  // What was read ahead is what the merge takes: a shard's chunk read ahead as an empty one leaves its words out.
  const [first] = [...preread.keys()].filter((f) => f.startsWith(join(shards[0]!, "index"))).sort();
  const wrong = new Map(preread);
  wrong.set(first!, Buffer.concat([Buffer.from("pagefind_dcd"), encode([[]])]));
  const emptied = join(dir, "merged-ahead-wrong");
  await mergeBundles(shards, emptied, { chunkBytes: 40, preread: wrong });
  assert.notDeepEqual(await listing(emptied), await listing(merged));
  // A budget stops the reading: the merge reads the rest itself.
  const sizes = await Promise.all(shards.map(async (b) => (await stat(join(b, "index", (await readdir(join(b, "index"))).sort()[0]!))).size));
  const small = new ChunkPrefetch(Math.max(...sizes));
  for (const bundle of shards) small.bundle(bundle);
  const readAhead = [...(await small.ready()).keys()];
  const compressed = (await Promise.all(readAhead.map(async (f) => (await stat(f)).size))).reduce((a, b) => a + b, 0);
  assert.ok(readAhead.length >= 1 && readAhead.length < preread.size && compressed <= Math.max(...sizes), `${readAhead.length} chunks, ${compressed} bytes within the budget`);
  const rest = join(dir, "merged-ahead-small");
  await mergeBundles(shards, rest, { chunkBytes: 40, preread: await small.ready() });
  assert.deepEqual(await listing(rest), await listing(merged));
  // A bundle asked for twice (the build's read-ahead, then the index's) is read once: within a budget of two
  // bundles' chunks, asking the first again leaves room for the second.
  const bytesOf = async (b: string) => (await Promise.all((await readdir(join(b, "index"))).map(async (f) => (await stat(join(b, "index", f))).size))).reduce((a, c) => a + c, 0);
  const two = new ChunkPrefetch((await bytesOf(shards[0]!)) + (await bytesOf(shards[1]!)));
  for (const bundle of [shards[0]!, shards[0]!, shards[1]!]) two.bundle(bundle);
  assert.equal((await two.ready()).size, (await chunkCount(shards[0]!)) + (await chunkCount(shards[1]!)));
});

test("merged over an earlier merge's fragments: those of its unchanged bundles kept in place, the others linked anew, stale ones gone", async () => {
  const fresh = join(dir, "merged-fresh");
  await mergeBundles(shards, fresh, { chunkBytes: 40 });
  // An earlier merge of the first three years, its fragments copied (so a kept one is told from one linked anew by
  // its inode), with a fragment no page has; all but its fragments deleted, as the build does.
  const first = join(dir, "merged-first-three");
  await mergeBundles(shards.slice(0, 3), first, { chunkBytes: 40 });
  const earlier = join(dir, "merged-earlier");
  await mkdir(earlier);
  await cp(join(first, "fragment"), join(earlier, "fragment"), { recursive: true });
  await writeFile(join(earlier, "fragment", "en_0stale.pf_fragment"), "stale");
  const inode = async (d: string, name: string) => (await stat(join(d, "fragment", name))).ino;
  const copies = new Map(await Promise.all((await readdir(join(earlier, "fragment"))).map(async (f) => [f, await inode(earlier, f)] as const)));
  // The third year's bundle counts as changed: its pages' fragments are linked again, like the fourth's.
  await mergeBundles(shards, earlier, { chunkBytes: 40, merged: new Set(shards.slice(0, 2)) });
  assert.deepEqual(await listing(earlier), await listing(fresh));
  // The merged bundle's pages are its bundles' pages in order.
  const pageCount = async (bundle: string) => (await meta(bundle))[1].length;
  const inFirstTwo = (await pageCount(shards[0]!)) + (await pageCount(shards[1]!));
  const fragments = (await meta(fresh))[1].map(([name]) => `${name}.pf_fragment`);
  const [kept, linked] = [fragments.slice(0, inFirstTwo), fragments.slice(inFirstTwo)];
  assert.ok(kept.length > 5 && linked.length > 5, `${kept.length} kept, ${linked.length} linked`);
  for (const name of kept) assert.equal(await inode(earlier, name), copies.get(name), `${name} kept in place`);
  for (const name of linked) assert.equal(await inode(earlier, name), await inode(fresh, name), `${name} linked to its shard's file`);
});

test("two bundles' pages with the same short hash get distinct fragment names", async () => {
  const merged = join(dir, "merged-twice");
  const result = await mergeBundles([shards[0]!, shards[0]!], merged);
  const m = await meta(merged);
  assert.equal(result.pages, 2 * (await meta(shards[0]!))[1].length);
  assert.equal(new Set(m[1].map(([hash]) => hash)).size, m[1].length);
  const contents = await fragments(merged);
  assert.deepEqual(contents.slice(contents.length / 2), contents.slice(0, contents.length / 2));
});

test("short names are the shortest prefixes that tell the names apart, whatever their order", () => {
  const hex = fc.stringMatching(/^[0-9a-f]{1,9}$/);
  fc.assert(
    fc.property(fc.uniqueArray(hex, { maxLength: 60 }), fc.integer({ min: 0, max: 6 }), (names, min) => {
      const short = shortNames(names, min);
      assert.equal(new Set(short.values()).size, names.length, "distinct");
      for (const name of names) {
        const s = short.get(name)!;
        assert.ok(name.startsWith(s) && s.length >= Math.min(min, name.length), `${s} is a prefix of ${name}, ${min} long at least`);
        const others = names.filter((n) => n !== name);
        // No other name starts with it unless it is the whole name; one character less, and another would.
        if (s.length < name.length) assert.ok(!others.some((n) => n.startsWith(s)), `${s} tells ${name} apart`);
        if (s.length > Math.max(min, 1)) assert.ok(others.some((n) => n.startsWith(s.slice(0, -1))), `${s} is the shortest`);
      }
      assert.deepEqual(shortNames([...names].reverse(), min), new Map([...short].sort()), "order does not matter");
    }),
  );
});

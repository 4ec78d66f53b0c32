// Citations kept by the hash of their CSL item: the same text as formatted afresh, reused from disk, prefetched by a worker.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { releaseUrl } from "../../src/emit/id.ts";
import { CITATION_CACHE_FILE, CitationStore, citationKey, readCitationCache, stored } from "../../src/site/citation-store.ts";
import { cslItem, formatCitations } from "../../src/site/citations.ts";
import { siteUrls } from "../../src/site/config.ts";
import { SAMPLE_CONFIG } from "./sample.ts";

const release = (n: number) => ({
  id: `2021-06-0${n}-remarks-${n}`,
  title: `Remarks number ${n}`,
  date: `2021-06-0${n}`,
  type: "Remarks",
  office: null,
  location: "Washington, DC",
  speakers: [{ name: "Antony J. Blinken", title: "Secretary of State" }],
});
const itemOf = (n: number) => cslItem(release(n) as never, siteUrls(SAMPLE_CONFIG).absolute(releaseUrl(release(n).id)), SAMPLE_CONFIG);

test("a stored citation is the one formatted afresh; the key follows the item", () => {
  const store = new CitationStore(null);
  assert.deepEqual(store.citations(itemOf(1)), formatCitations(itemOf(1)));
  assert.deepEqual(store.citations(itemOf(1)), formatCitations(itemOf(1)));
  assert.equal(store.formattedHere, 1);
  assert.notEqual(citationKey(itemOf(1)), citationKey(itemOf(2)));
  assert.equal(citationKey(itemOf(1)), citationKey(itemOf(1)));
});

test("the disk cache is reused by the next build and keeps only what that build used", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-citations-"));
  try {
    const file = join(dir, "cache", CITATION_CACHE_FILE);
    const first = new CitationStore(file);
    for (const n of [1, 2, 3]) first.citations(itemOf(n));
    await first.finish();
    assert.equal(readCitationCache(file).size, 3);
    const second = new CitationStore(file);
    assert.deepEqual(second.citations(itemOf(2)), formatCitations(itemOf(2)));
    assert.equal(second.formattedHere, 0);
    await second.finish();
    assert.deepEqual([...readCitationCache(file).keys()], [citationKey(itemOf(2))]);
    // A build that uses exactly what the file holds leaves it as it is (written through a rename: a new inode).
    const before = (await stat(file)).ino;
    const third = new CitationStore(file);
    third.citations(itemOf(2));
    await third.finish();
    assert.equal((await stat(file)).ino, before);
    // One that uses another entry appends it (the same file, one line more).
    const fourth = new CitationStore(file);
    fourth.citations(itemOf(2));
    fourth.citations(itemOf(3));
    await fourth.finish();
    assert.equal((await stat(file)).ino, before);
    assert.deepEqual([...readCitationCache(file).keys()], [2, 3].map((n) => citationKey(itemOf(n))));
    // A build of an archive of five releases whose pages cite two, one of them new: the file's two entries are taken
    // to serve the four others, which is more than it holds (it lacks some), so it is written whole again, with the
    // entries keepAll marks (the releases not rendered) beside those cited.
    const fifth = new CitationStore(file);
    fifth.citations(itemOf(3));
    fifth.citations(itemOf(4));
    let kept = 0;
    await fifth.finish({ items: 5, keepAll: () => void (kept++, fifth.keep(itemOf(2))) });
    assert.equal(kept, 1);
    assert.notEqual((await stat(file)).ino, before);
    assert.deepEqual([...readCitationCache(file).keys()].sort(), [2, 3, 4].map((n) => citationKey(itemOf(n))).sort());
    // An archive of four whose build cites one new item: the file's three entries serve the three others, none is
    // unused, so the new entry is appended and keepAll is not called.
    const sixth = new CitationStore(file);
    sixth.citations(itemOf(5));
    let called = false;
    const inode = (await stat(file)).ino;
    await sixth.finish({ items: 4, keepAll: () => void (called = true) });
    assert.equal(called, false);
    assert.equal((await stat(file)).ino, inode);
    assert.equal(readCitationCache(file).size, 4);
    // A torn or foreign line loses that line only.
    await writeFile(file, `not json\n${JSON.stringify([citationKey(itemOf(2)), readCitationCache(file).get(citationKey(itemOf(2)))])}\n["x"`);
    assert.equal(readCitationCache(file).size, 1);
    // The next build does not append after the torn line (the entry would be torn with it): it writes the file whole.
    const seventh = new CitationStore(file);
    seventh.citations(itemOf(3));
    await seventh.finish({ items: 2, keepAll: () => seventh.keep(itemOf(2)) });
    assert.deepEqual(readCitationCache(file).get(citationKey(itemOf(3))), stored(formatCitations(itemOf(3))));
    assert.deepEqual(readCitationCache(file).get(citationKey(itemOf(2))), stored(formatCitations(itemOf(2))));
    // A line is decoded when asked for: one torn inside is counted until then, then formatted again and the file
    // written whole without it.
    const valid = (await readFile(file, "utf8")).split("\n").find((line) => line.includes(citationKey(itemOf(3))))!;
    await writeFile(file, `["${citationKey(itemOf(2))}",{"chicago":"Torn\n${valid}\n`);
    assert.equal(readCitationCache(file).size, 2);
    const eighth = new CitationStore(file);
    assert.deepEqual(eighth.citations(itemOf(2)), formatCitations(itemOf(2)));
    assert.equal(eighth.formattedHere, 1);
    await eighth.finish({ items: 2, keepAll: () => eighth.keep(itemOf(3)) });
    assert.deepEqual(readCitationCache(file).get(citationKey(itemOf(2))), stored(formatCitations(itemOf(2))));
    assert.equal(readCitationCache(file).size, 2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("the worker formats the items' citations before the pages ask for them, those the store has excepted", { timeout: 120_000 }, async () => {
  const store = new CitationStore(null);
  store.citations(itemOf(4));
  store.prefetch({ items: [1, 2, 3, 4].map(itemOf), minItems: 1 });
  await store.prefetched();
  for (const n of [3, 1, 2, 4]) assert.deepEqual(store.citations(itemOf(n)), formatCitations(itemOf(n)));
  assert.equal(store.formattedHere, 1, "the worker formatted 1, 2 and 3; 4 was formatted here before");
  await store.finish();
  // A small archive is not worth a worker: its pages format their own citations.
  const small = new CitationStore(null);
  small.prefetch({ items: [1, 2, 3].map(itemOf) });
  await small.prefetched();
  small.citations(itemOf(1));
  assert.equal(small.formattedHere, 1);
  await small.finish();
});

test("citations formatted ahead in one batch are those formatted one by one, and only the missing are formatted", () => {
  const store = new CitationStore(null);
  store.citations(itemOf(2));
  assert.equal(store.formattedHere, 1);
  assert.equal(store.has(itemOf(1)), false);
  store.formatAhead([1, 2, 3].map(itemOf));
  assert.equal(store.formattedHere, 3, "items 1 and 3 formatted, 2 was there");
  for (const n of [1, 2, 3]) {
    assert.equal(store.has(itemOf(n)), true);
    assert.deepEqual(store.citations(itemOf(n)), formatCitations(itemOf(n)));
  }
  assert.equal(store.formattedHere, 3);
});

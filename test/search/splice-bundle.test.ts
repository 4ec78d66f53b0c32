// Splicing changed pages into a shard's earlier bundle: merged, it is the same bytes as Pagefind's bundle of the whole shard, edits, additions and removals alike, splice after splice.
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { releasePagesByYear } from "../../src/search/index.ts";
import { indexShard } from "../../src/search/shard-bundle.ts";
import { mergeBundles } from "../../src/search/merge-bundles.ts";
import { type ListedBundle, pageSorts, sortOrders, spliceBundle } from "../../src/search/splice-bundle.ts";
import { buildSample, type SampleSite } from "../site/sample.ts";

let sample: SampleSite;
let work: string;
/** The sample's release pages, path → html. */
let original: Map<string, string>;

before(async () => {
  sample = await buildSample("communique-splice-");
  work = await mkdtemp(join(tmpdir(), "communique-splice-work-"));
  original = new Map();
  for (const file of [...(await releasePagesByYear(sample.output)).values()].flat()) original.set(file, await readFile(join(sample.output, file), "utf8"));
});

after(async () => {
  await sample.remove();
  await rm(work, { recursive: true, force: true });
});

let serial = 0;

/** Writes a version of the site's release pages into a new folder; returns it and its sorted paths. */
async function site(pages: ReadonlyMap<string, string>): Promise<{ dir: string; files: string[] }> {
  const dir = join(work, `site-${serial++}`);
  for (const [file, html] of pages) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), html);
  }
  return { dir, files: [...pages.keys()].sort() };
}

/** Pagefind's bundle of `files` under `dir`, with its pages' sort values. */
async function indexed(dir: string, files: readonly string[]): Promise<ListedBundle> {
  const bundle = join(work, `bundle-${serial++}`);
  const sorts: (string | null)[] = [];
  assert.deepEqual(await indexShard(dir, files, bundle, undefined, undefined, sorts), []);
  return { dir: bundle, pages: files, sorts };
}

/** Every file of a merge of `bundle` alone, by path: what the site would publish from it. */
async function merged(bundle: string): Promise<Map<string, string>> {
  const out = join(work, `merged-${serial++}`);
  await mergeBundles([bundle], out, { chunkBytes: 2_000 });
  const files = new Map<string, string>();
  for (const f of (await readdir(out, { recursive: true })).sort()) {
    const bytes = await readFile(join(out, f)).catch(() => null);
    if (bytes) files.set(f, bytes.toString("base64"));
  }
  return files;
}

/** A page's html with words added to the start of its first paragraph. */
const amended = (html: string, words: string) => html.replace(/(<p id="p1"[^>]*>)/, `$1${words} `);

/** The pages changed from `before` to `after`: those of `after` that are new or differ. */
const changedPages = (before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>) => [...after.keys()].filter((f) => before.get(f) !== after.get(f)).sort();

/** Splices `after`'s changed pages into `base` (the bundle of `before`), checks it merges as Pagefind's whole bundle of `after` does. */
async function spliceAndCompare(base: ListedBundle, before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Promise<ListedBundle> {
  const { dir, files } = await site(after);
  const changed = changedPages(before, after);
  const delta = changed.length > 0 ? await indexed(dir, changed) : undefined;
  const out = join(work, `spliced-${serial++}`);
  assert.equal(spliceBundle(base, delta, files, out), true);
  assert.deepEqual(await merged(out), await merged((await indexed(dir, files)).dir));
  const sorts = files.map((file) => (changed.includes(file) ? delta!.sorts[changed.indexOf(file)]! : base.sorts[base.pages.indexOf(file)]!));
  return { dir: out, pages: files, sorts };
}

test("edits, additions and removals spliced into a bundle merge as a bundle indexed whole", { timeout: 300_000 }, async () => {
  const files = [...original.keys()].sort();
  assert.ok(files.length >= 20, `${files.length} release pages`);
  const v0 = await site(original);
  const base = await indexed(v0.dir, v0.files);

  // One edit, with a word that has accented variants elsewhere; one page added mid-shard, carrying a filter value and
  // a meta field no other page has.
  const v1 = new Map(original);
  v1.set(files[5]!, amended(original.get(files[5]!)!, "Amended café cafe"));
  const added = files[9]!.replace(/\/[^/]+\/index\.html$/, "/zz-added-release/index.html");
  v1.set(added, amended(original.get(files[9]!)!, "Added résumé").replace("data-pagefind-body", 'data-pagefind-body data-pagefind-filter="rare:only here" data-pagefind-meta="rare:yes"'));
  const spliced = await spliceAndCompare(base, original, v1);

  // Spliced again: the added page removed (its filter and meta field go with it), another page removed, one edited.
  const v2 = new Map(v1);
  v2.delete(added);
  v2.delete(files[0]!);
  v2.set(files.at(-1)!, amended(v1.get(files.at(-1)!)!, "Closing"));
  const again = await spliceAndCompare(spliced, v1, v2);

  // Removals only: no delta bundle at all.
  const v3 = new Map(v2);
  v3.delete(files[12]!);
  await spliceAndCompare(again, v2, v3);
});

test("a page dated out of its path's order is spliced where Pagefind sorts it", { timeout: 300_000 }, async () => {
  const files = [...original.keys()].sort();
  const v0 = await site(original);
  const late = new Map(original);
  late.set(files[2]!, original.get(files[2]!)!.replace('data-pagefind-sort="date[datetime]"', 'data-pagefind-sort="date:2999-01-01"'));
  assert.notEqual(late.get(files[2]!), original.get(files[2]!));
  await spliceAndCompare(await indexed(v0.dir, v0.files), original, late);
});

test("a page whose sort value is not read here exactly is not spliced: its shard is indexed whole", { timeout: 300_000 }, async () => {
  const files = [...original.keys()].sort();
  const v0 = await site(original);
  const base = await indexed(v0.dir, v0.files);
  // The date taken from the element's text, which only Pagefind reads as it does.
  const fromText = new Map(original);
  fromText.set(files[2]!, original.get(files[2]!)!.replace('data-pagefind-sort="date[datetime]"', 'data-pagefind-sort="date"'));
  const v1 = await site(fromText);
  assert.equal(spliceBundle(base, await indexed(v1.dir, [files[2]!]), v1.files, join(work, `refused-${serial++}`)), false);
});

test("sort values are read from a name and value, or a name and an attribute of the same tag, never guessed", () => {
  assert.equal(pageSorts('<time data-pagefind-sort="date[datetime]" datetime="2021-05-20">May 20</time>'), '[["date","2021-05-20"]]');
  assert.equal(pageSorts('<b data-pagefind-sort="zone:b"></b><i data-pagefind-sort="date:2021-05-20"></i>'), '[["date","2021-05-20"],["zone","b"]]');
  assert.equal(pageSorts("<p>no sorts</p>"), "[]");
  for (const unread of [
    '<time data-pagefind-sort="date">2021-05-20</time>',
    '<i data-pagefind-sort="weight:12"></i>',
    '<i data-pagefind-sort="weight:-0.4"></i>',
    '<i data-pagefind-sort="date:a, other:b"></i>',
    '<time data-pagefind-sort="date[datetime]">no attribute</time>',
    '<i data-pagefind-sort="date:x"></i><i data-pagefind-sort="date:y"></i>',
    '<i data-pagefind-sort="name:A&amp;B"></i>',
  ])
    assert.equal(pageSorts(unread), null, unread);
  // Pagefind's order: by value, a value's pages in page order.
  assert.deepEqual(sortOrders(['[["date","2021"]]', '[["date","2020"]]', '[["date","2021"]]', '[["date","2019"]]']), [["date", [3, 1, 0, 2]]]);
  assert.equal(sortOrders(['[["date","2021"]]', "[]"]), undefined);
  assert.equal(sortOrders(['[["date","2021"]]', null]), undefined);
});

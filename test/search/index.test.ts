// The sharded search index: Pagefind bundles of aligned blocks of years (of months in a year too large for one), a
// manifest newest first, the same bytes on every run; a year that grows changes only its own shard.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import * as pagefind from "pagefind";
import { earlierBundles, groupShards, groupYears, indexSite, releasePagesByYear, releasePagesOf } from "../../src/search/index.ts";
import { searchablePart, shardBundleDir } from "../../src/search/shard-bundle.ts";
import { buildSample } from "../site/sample.ts";
import type { BundleEntry } from "../../src/search/manifest.ts";

/** A release page as the layout writes it, reduced to what Pagefind reads. */
const releasePage = (title: string, date: string, words: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><time data-pagefind-sort="date[datetime]" datetime="${date}">${date}</time><p>${words}</p></article></body></html>`;

const PAGES: [string, string, string][] = [
  ["1999-03-04", "Kosovo Statement", "consultations on kosovo and the balkans"],
  ["1999-11-30", "Trade Ministerial", "seattle trade ministerial"],
  ["2021-05-20", "Arctic Council", "arctic council ministerial in reykjavik"],
  ["2021-06-02", "Press Briefing", "the spokesperson answered questions on the arctic"],
  ["2021-08-31", "Afghanistan", "evacuation from kabul"],
  ["2014-08-26", "Cyber Consultations", "cyber policy consultations in seoul"],
];

/** The store of shard bundles beside a test site. */
const store = (dir: string) => `${dir}.shards`;

async function site(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "communique-shards-"));
  for (const [date, title, words] of PAGES) {
    const [y, m, d] = date.split("-");
    const folder = join(dir, "releases", y!, m!, d!, title.toLowerCase().replace(/ /g, "-"));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, "index.html"), releasePage(title, date, words));
  }
  // A site page that is not a release: never indexed.
  await writeFile(join(dir, "index.html"), releasePage("Home", "2021-08-31", "arctic kabul seoul"));
  return dir;
}

async function files(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of (await readdir(dir, { recursive: true })).sort()) {
    const bytes = await readFile(join(dir, f)).catch(() => null);
    if (bytes) out.set(f, bytes.toString("base64"));
  }
  return out;
}

test("years are grouped into shards of aligned blocks, as large as the page budget allows", () => {
  // 1995–2024 with 333 releases a year, 4,000 pages a shard: 1984–1999 (five years), 2000–2007, 2008–2015 (eight
  // years each) and 2016–2031 (nine years) fit; 1984–2015 and 2000–2015 do not.
  const even = new Map(Array.from({ length: 30 }, (_, i) => [String(1995 + i), 333]));
  assert.deepEqual(
    groupYears(even, 4000).map((g) => g.key),
    ["1995-1999", "2000-2007", "2008-2015", "2016-2024"],
  );
  // A year above the budget is a shard of its own; empty years belong to none.
  assert.deepEqual(groupYears(new Map([["2019", 0], ["2020", 5000], ["2021", 10]]), 4000), [
    { key: "2020", years: ["2020"], block: [2020, 2020] },
    { key: "2021", years: ["2021"], block: [2021, 2021] },
  ]);
  assert.deepEqual(groupYears(new Map(), 4000), []);
});

const yearCounts = fc.dictionary(fc.integer({ min: 1980, max: 2030 }).map(String), fc.integer({ min: 0, max: 3000 }), { maxKeys: 40 }).map((d) => new Map(Object.entries(d)));

test("every year with pages is in exactly one shard, shards are consecutive and within the budget", () => {
  fc.assert(
    fc.property(yearCounts, fc.integer({ min: 1, max: 6000 }), (counts, budget) => {
      const groups = groupYears(counts, budget);
      const years = groups.flatMap((g) => g.years);
      assert.deepEqual(years, [...counts].filter(([, n]) => n > 0).map(([y]) => y).sort());
      for (const g of groups) {
        const pages = g.years.reduce((n, y) => n + counts.get(y)!, 0);
        assert.ok(pages <= budget || g.years.length === 1, `${g.key}: ${pages} pages`);
        assert.equal(g.key, g.years.length === 1 ? g.years[0] : `${g.years[0]}-${g.years.at(-1)}`);
      }
    }),
  );
});

test("a year that grows or shrinks changes only the shard that holds it", () => {
  fc.assert(
    fc.property(yearCounts, fc.integer({ min: 1980, max: 2030 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 500, max: 6000 }), (counts, year, pages, budget) => {
      const before = groupYears(counts, budget);
      const after = groupYears(new Map([...counts, [String(year), pages]]), budget);
      // The aligned blocks holding the year before and after are nested; the wider one bounds the change.
      const holding = [before, after].flatMap((gs) => gs.filter((g) => g.block[0] <= year && year <= g.block[1]));
      if (holding.length === 0) return assert.deepEqual(after, before);
      const [lo, hi] = holding.sort((a, b) => b.block[1] - b.block[0] - (a.block[1] - a.block[0]))[0]!.block;
      const outside = (gs: typeof before) => gs.filter((g) => g.block[1] < lo || g.block[0] > hi);
      const inside = (gs: typeof before) => gs.filter((g) => g.block[0] >= lo && g.block[1] <= hi);
      assert.deepEqual(outside(after), outside(before), "every other shard is unchanged");
      // Inside it, one side has the one shard: the year's shard was split (it grew) or merged (it shrank).
      assert.ok(inside(before).length <= 1 || inside(after).length <= 1);
      assert.equal(outside(before).length + inside(before).length, before.length);
    }),
  );
});

/** Release page paths of `year`, `counts[m - 1]` in month m. */
const monthPages = (year: string, counts: readonly number[]) =>
  counts.flatMap((n, m) => Array.from({ length: n }, (_, i) => `releases/${year}/${String(m + 1).padStart(2, "0")}/01/r${String(i).padStart(4, "0")}/index.html`));

test("a year with more pages than a shard holds is split into aligned blocks of months", () => {
  const byYear = new Map([
    ["2018", monthPages("2018", [5])],
    ["2020", monthPages("2020", Array(12).fill(100))],
    ["2021", monthPages("2021", [0, 0, 700, 10])],
  ]);
  assert.deepEqual(
    groupShards(byYear, 500).map((s) => [s.key, s.files.length]),
    [["2018", 5], ["2020.01-04", 400], ["2020.05-08", 400], ["2020.09-12", 400], ["2021.03", 700], ["2021.04", 10]],
  );
  // A year within the limit stays whole, grouped with others as groupYears does.
  assert.deepEqual(groupShards(byYear, 2000).map((s) => s.key), ["2018-2021"]);
});

test("every release page is in exactly one shard, in order, each shard within the limit or one month", () => {
  const years = fc.dictionary(fc.integer({ min: 1990, max: 2030 }).map(String), fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 12, maxLength: 12 }), { maxKeys: 6 });
  fc.assert(
    fc.property(years, fc.integer({ min: 1, max: 200 }), (counts, limit) => {
      const byYear = new Map(Object.keys(counts).sort().map((y) => [y, monthPages(y, counts[y]!)] as const).filter(([, f]) => f.length > 0));
      const shards = groupShards(byYear, limit);
      assert.deepEqual(shards.flatMap((s) => s.files), [...byYear.values()].flat());
      assert.equal(new Set(shards.map((s) => s.key)).size, shards.length);
      for (const { key, files } of shards) {
        const months = new Set(files.map((f) => f.slice(0, "releases/YYYY/MM".length)));
        // Over the limit only as a single month of a split year.
        assert.ok(files.length <= limit || (key.includes(".") && months.size === 1), `${key}: ${files.length} pages`);
        if (key.includes(".")) {
          assert.match(key, /^\d{4}\.\d{2}(-\d{2})?$/);
          // A year is split only when it alone is over the limit.
          assert.ok(byYear.get(key.slice(0, 4))!.length > limit, `${key}: its year fits`);
        }
      }
    }),
  );
});

test("shards newest first with their date spans, merged into the one bundle the manifest lists", async () => {
  const dir = await site();
  try {
    const result = await indexSite(dir, store(dir), { shardPages: 2 });
    assert.deepEqual(result.errors, []);
    assert.equal(result.pages, PAGES.length);
    assert.deepEqual(
      result.shards.map((s) => [s.key, s.dir, s.from, s.to, s.pages]),
      // 2021's three pages are more than two: its months in aligned blocks, May–June and August.
      [
        ["2021.08", shardBundleDir(store(dir), "2021.08", result.inputs["2021.08"]!), "2021-08-31", "2021-08-31", 1],
        ["2021.05-06", shardBundleDir(store(dir), "2021.05-06", result.inputs["2021.05-06"]!), "2021-05-20", "2021-06-02", 2],
        ["2014", shardBundleDir(store(dir), "2014", result.inputs["2014"]!), "2014-08-26", "2014-08-26", 1],
        ["1999", shardBundleDir(store(dir), "1999", result.inputs["1999"]!), "1999-03-04", "1999-11-30", 2],
      ],
    );
    // The shards stay out of the site: it holds the merged bundle, the UI files and the manifest.
    assert.deepEqual((await readdir(join(dir, "pagefind"))).filter((f) => !f.startsWith("pagefind-")).sort(), ["all", "shards.json"]);
    const manifest = JSON.parse(await readFile(join(dir, "pagefind/shards.json"), "utf8")) as { version: number; bundles: BundleEntry[] };
    assert.equal(manifest.version, 1);
    const entry = JSON.parse(await readFile(join(dir, "pagefind/all/pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number; hash: string }> };
    assert.equal(entry.languages["en"]?.page_count, PAGES.length);
    // The files every first search loads, named for the search page to preload them; both exist.
    const preload = [`pagefind.${entry.languages["en"]!.hash}.pf_meta`, "wasm.en.pagefind"];
    assert.deepEqual(manifest.bundles, [{ name: "all", path: "all/", from: "1999-03-04", to: "2021-08-31", preload }]);
    for (const file of preload) await readFile(join(dir, "pagefind/all", file));
    // With room for three pages, 1999 and 2014 share the block 1984–2015; 2021 (three pages) fills its own.
    const grouped = await indexSite(dir, store(dir), { shardPages: 3 });
    assert.deepEqual(
      grouped.shards.map((s) => [s.key, s.from, s.to, s.pages]),
      [
        ["2021", "2021-05-20", "2021-08-31", 3],
        ["1999-2014", "1999-03-04", "2014-08-26", 3],
      ],
    );
    // The store keeps the shards of the last indexing only, and the hashes of its merged bundle's chunks.
    const record = (inputs: Record<string, string>) => `all-chunks.${inputs["all"]!.slice(0, 16)}.json`;
    assert.deepEqual((await readdir(store(dir))).sort(), [...grouped.shards.map((s) => basename(s.dir)), record(grouped.inputs)].sort());
    // The UI files once at /pagefind/.
    await readFile(join(dir, "pagefind/pagefind-ui.js"));
    const bundle = await readdir(grouped.shards[0]!.dir);
    assert.ok(bundle.includes("pagefind.js") && bundle.includes("pagefind-entry.json"));
    // Indexed again from the same pages, every shard is taken from the store, and the site comes out the same.
    const before = await files(join(dir, "pagefind"));
    const again = await indexSite(dir, store(dir), { shardPages: 3 });
    assert.deepEqual(again.reused, ["1999-2014", "2021"]);
    assert.deepEqual(await files(join(dir, "pagefind")), before);
    // The live site's shards are kept too (an edit undone finds them), and taken when they come back.
    const other = await indexSite(dir, store(dir), { shardPages: 2, previous: { site: dir, inputs: again.inputs } });
    assert.deepEqual((await readdir(store(dir))).sort(), [...[...other.shards, ...again.shards].map((s) => basename(s.dir)), record(other.inputs), record(again.inputs)].sort());
    const back = await indexSite(dir, store(dir), { shardPages: 3, previous: { site: dir, inputs: other.inputs } });
    assert.deepEqual(back.reused, ["1999-2014", "2021"]);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(store(dir), { recursive: true, force: true });
  }
});

test("a shard whose name changed (a new year joined its block) is spliced from the bundle it grew from", { timeout: 120_000 }, async () => {
  const [dir, scratch] = [await site(), await site()];
  /** Each release page's digest, as the render records it: the index splices by these. */
  const digests = async (root: string) => {
    const out: Record<string, string> = {};
    for (const files of (await releasePagesByYear(root)).values()) for (const file of files) out[file] = createHash("sha256").update(await readFile(join(root, file))).digest("hex");
    return out;
  };
  try {
    // Room for four pages: 1999 and 2014 share a block (three pages), 2021 fills its own (three).
    const first = await indexSite(dir, store(dir), { shardPages: 4, pageDigests: await digests(dir) });
    assert.deepEqual(first.shards.map((s) => s.key), ["2021", "1999-2014"]);
    // A release of 2022 joins 2021's block: the shard is now `2021-2022`, which no earlier build indexed.
    for (const root of [dir, scratch]) {
      await mkdir(join(root, "releases/2022/01/10/new-year"), { recursive: true });
      await writeFile(join(root, "releases/2022/01/10/new-year/index.html"), releasePage("New Year", "2022-01-10", "a new year in the arctic"));
    }
    const second = await indexSite(dir, store(dir), { shardPages: 4, pageDigests: await digests(dir), previous: { site: dir, inputs: first.inputs } });
    assert.deepEqual(second.errors, []);
    assert.deepEqual(second.shards.map((s) => s.key), ["2021-2022", "1999-2014"]);
    assert.deepEqual(second.reused, ["1999-2014"]);
    assert.deepEqual(second.spliced, ["2021-2022"], "the new page spliced into the bundle of 2021");
    // What Pagefind writes for the same pages indexed from scratch, byte for byte.
    const whole = await indexSite(scratch, store(scratch), { shardPages: 4, pageDigests: await digests(scratch) });
    assert.deepEqual(whole.spliced, []);
    assert.deepEqual(await files(join(dir, "pagefind")), await files(join(scratch, "pagefind")));
    // Room for three pages: `2021-2022` is split into `2021` (as the store still holds it from the first indexing)
    // and `2022`, spliced from `2021-2022` with 2021's three pages left out.
    const third = await indexSite(dir, store(dir), { shardPages: 3, pageDigests: await digests(dir), previous: { site: dir, inputs: second.inputs } });
    assert.deepEqual(third.shards.map((s) => s.key), ["2022", "2021", "1999-2014"]);
    assert.deepEqual(third.reused, ["1999-2014", "2021"]);
    assert.deepEqual(third.spliced, ["2022"]);
    await indexSite(scratch, `${store(scratch)}-3`, { shardPages: 3, pageDigests: await digests(scratch) });
    assert.deepEqual(await files(join(dir, "pagefind")), await files(join(scratch, "pagefind")));
  } finally {
    await rm(`${store(scratch)}-3`, { recursive: true, force: true });
    for (const root of [dir, scratch, store(dir), store(scratch)]) await rm(root, { recursive: true, force: true });
  }
});

test("the earlier bundles a shard may be spliced from: its own, then those whose months overlap its own", () => {
  const live = { "2021": "a", "1999-2014": "b", "2024.01-04": "c", all: "d", "all.maker": "e" };
  const base = { "2021-2022": "f", "2024": "g" };
  assert.deepEqual(earlierBundles("2021-2022", [live, base]), [
    { key: "2021-2022", hash: "f" },
    { key: "2021", hash: "a" },
  ]);
  assert.deepEqual(earlierBundles("2024.03-04", [live, base]), [
    { key: "2024.01-04", hash: "c" },
    { key: "2024", hash: "g" },
  ]);
  assert.deepEqual(earlierBundles("2015-2020", [live, undefined]), []);
});

test("the release pages are found the same from a render's record as on disk", async () => {
  const dir = await site();
  try {
    // Beside the release pages, files a record also lists: a release's JSON, a day's list page, a feed.
    await writeFile(join(dir, "releases/2021/05/20/arctic-council/index.json"), "{}");
    await mkdir(join(dir, "releases/2021/05/20/page/2"), { recursive: true });
    await writeFile(join(dir, "releases/2021/05/20/page/2/index.html"), "<p>list</p>");
    await writeFile(join(dir, "releases/2021/index.html"), "<p>year</p>");
    const onDisk = await releasePagesByYear(dir);
    assert.deepEqual([...onDisk.keys()], ["1999", "2014", "2021"]);
    assert.equal([...onDisk.values()].flat().length, PAGES.length);
    const paths = (await readdir(dir, { recursive: true })).map((p) => p.split("\\").join("/")).reverse();
    assert.deepEqual(releasePagesOf(paths), onDisk);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("indexing the same pages twice writes the same bytes", async () => {
  const [a, b] = [await site(), await site()];
  try {
    await indexSite(a, store(a));
    await indexSite(b, store(b));
    assert.deepEqual(await files(join(a, "pagefind")), await files(join(b, "pagefind")));
  } finally {
    for (const dir of [a, b, store(a), store(b)]) await rm(dir, { recursive: true, force: true });
  }
});

test("a site without releases gets an empty manifest", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-shards-"));
  try {
    const result = await indexSite(dir, store(dir));
    assert.deepEqual([result.pages, result.shards, result.errors], [0, [], []]);
    assert.deepEqual(JSON.parse(await readFile(join(dir, "pagefind/shards.json"), "utf8")), { version: 1, bundles: [] });
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(store(dir), { recursive: true, force: true });
  }
});

test("Pagefind is given a page's html tag and its data-pagefind-body element only", () => {
  const page = `<!doctype html><html lang="fr" class="x"><head><title>T</title><script type="application/ld+json">{}</script></head><body><header>menu</header><main><article class="release" data-pagefind-body><h1>T</h1><article><p>nested</p></article><p>after</p></article><footer>cite</footer></main></body></html>`;
  assert.equal(searchablePart(page), `<!DOCTYPE html><html lang="fr" class="x"><head><meta charset="utf-8"></head><body><article class="release" data-pagefind-body><h1>T</h1><article><p>nested</p></article><p>after</p></article></body></html>`);
  // Anything else is given whole: no marker, two markers (one of them text), an element that never closes.
  for (const whole of ["<html><body><p>x</p></body></html>", page.replace("<p>after", "<p>data-pagefind-body after"), "<html><body><div data-pagefind-body><p>x</p>"]) assert.equal(searchablePart(whole), whole);
});

test("the sample's release pages give Pagefind the same bundle trimmed as whole", async () => {
  const sample = await buildSample("communique-trim-");
  try {
    const pages = [...(await releasePagesByYear(sample.output)).values()].flat().sort();
    assert.ok(pages.length >= 20);
    const bundle = async (trim: boolean) => {
      const { index } = await pagefind.createIndex({ forceLanguage: "en", excludeSelectors: [".pl"] });
      assert.ok(index);
      for (const file of pages) {
        const html = await readFile(join(sample.output, file), "utf8");
        if (trim) assert.ok(searchablePart(html).length < html.length, `${file} is trimmed`);
        await index.addHTMLFile({ sourcePath: file, content: trim ? searchablePart(html) : html });
      }
      const { files } = await index.getFiles();
      await index.deleteIndex();
      return new Map(files.map((f) => [f.path, Buffer.from(f.content).toString("base64")]));
    };
    const whole = await bundle(false);
    assert.ok(whole.size > pages.length);
    assert.deepEqual(await bundle(true), whole);
  } finally {
    await pagefind.close();
    await sample.remove();
  }
});

test("a release page the render has yet to put in place is read only once it says it has", async () => {
  const dir = await site();
  try {
    const pages = (await readdir(join(dir, "releases"), { recursive: true })).filter((f) => f.endsWith("index.html")).map((f) => `releases/${f}`);
    const pageDigests = Object.fromEntries(pages.map((path) => [path, createHash("sha256").update(path).digest("hex")]));
    // One page is not there yet (a hard link the render makes after announcing the others): Pagefind, indexing its
    // shard whole (nothing earlier to splice into), must wait for it.
    const late = pages.find((path) => path.includes("arctic-council"))!;
    await rename(join(dir, late), join(dir, `${late}.away`));
    let linked = false;
    const inPlace = delay(300).then(async () => {
      await rename(join(dir, `${late}.away`), join(dir, late));
      linked = true;
    });
    const result = await indexSite(dir, store(dir), { shardPages: 2, pageDigests, pending: { files: new Set([late]), inPlace } });
    assert.ok(linked, "waited for the page");
    assert.deepEqual(result.errors, []);
    assert.equal(result.pages, PAGES.length);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(store(dir), { recursive: true, force: true });
  }
});

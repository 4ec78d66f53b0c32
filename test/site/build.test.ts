// Building the sample archive: every kind of page exists, releases.json has its shape, and builds are reproducible.
import assert from "node:assert/strict";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { after, before, test } from "node:test";
import { build } from "../../src/cli/build.ts";
import { buildSample, SEED, type SampleSite } from "./sample.ts";
import type { BundleEntry } from "../../src/search/manifest.ts";
import { groupYears, SHARD_PAGES } from "../../src/search/index.ts";

let site: SampleSite;
before(async () => {
  site = await buildSample();
});
after(async () => {
  await site?.remove();
});

const page = (path: string) => readFile(join(site.output, path), "utf8");

/** Every file under `dir` with its bytes, keyed by relative path. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    out.set(relative(dir, full), await readFile(full));
  }
  return out;
}

test("the sample builds cleanly", () => {
  assert.deepEqual(site.result, { ok: true, built: true }, site.log.join("\n"));
  assert.ok(site.log.some((l) => l.startsWith(`Site written to ${site.output}/`)), site.log.join("\n"));
});

test("home lists the latest releases, with the site chrome on every page", async () => {
  const home = await page("index.html");
  assert.match(home, /<html lang="en">/);
  assert.match(home, /<a class="skip-link" href="#main">/);
  assert.match(home, /<main id="main"/);
  assert.match(home, /<nav class="site-nav" aria-label="Main">/);
  assert.match(home, /<form class="site-search" role="search" action="\/search\/" method="get">/);
  assert.match(home, /name="q"/);
  assert.match(home, /<h1>Latest releases<\/h1>/);
  assert.match(home, /<time datetime="2021-06-03">June 3, 2021<\/time>/);
  assert.doesNotMatch(home, /<script>/, "no inline scripts");
});

test("a release page has its statement, numbered paragraphs and Pagefind attributes", async () => {
  const html = await page(join(SEED.url, "index.html"));
  assert.match(html, new RegExp(`<h1 data-pagefind-meta="title">${SEED.title}</h1>`));
  assert.match(html, /<article class="release" data-pagefind-body>/);
  assert.match(html, /<p id="p1" data-pagefind-title="Paragraph 1">The Governments of the United States/);
  assert.match(html, /<dd data-pagefind-filter="day:2014-08-26"><a href="[^"]+" data-pagefind-filter="month:2014-08"><time datetime="2014-08-26" data-pagefind-sort="date\[datetime\]" data-pagefind-meta="date\[datetime\]" data-pagefind-filter="year:2014">August 26, 2014<\/time><\/a><\/dd>/);
  assert.match(html, /<dd data-pagefind-filter="type" data-pagefind-meta="type"><a href="\/types\/media-note\/">Media Note<\/a><\/dd>/);
  assert.match(html, /<dd data-pagefind-filter="office" data-pagefind-meta="office"><a href="\/offices\/office-of-the-spokesperson\/">Office of the Spokesperson<\/a><\/dd>/);
  assert.match(html, /<dt>Place<\/dt>\s*<dd>Washington, DC<\/dd>/);
  assert.match(html, /<p class="release__preamble" id="preamble">The text of the following statement/);
});

test("a transcript shows speakers and styled turns", async () => {
  const html = await page("releases/2021/06/02/department-press-briefing-june-2-2021/index.html");
  assert.match(html, /<a class="person__name" data-pagefind-filter="speaker" href="\/speakers\/jalina-porter\/">Jalina Porter<\/a>, <span class="person__title">Principal Deputy Spokesperson<\/span>/);
  assert.match(html, /<p id="p(\d+)" data-pagefind-title="Paragraph \1" class="turn"><strong class="speaker">MS PORTER:<\/strong>/);
});

test("archive index, year and month pages list releases with counts", async () => {
  const index = await page("archive/index.html");
  assert.match(index, /<a href="\/archive\/2014\/">2014<\/a> <span class="count">\(1 release\)<\/span>/);
  assert.match(index, /<a href="\/archive\/2014\/08\/">August 2014<\/a>/);
  const year = await page("archive/2021/index.html");
  assert.match(year, /<h1>Releases of 2021<\/h1>/);
  assert.ok(year.indexOf("June 2021") < year.indexOf("May 2021"), "months newest first");
  const month = await page("archive/2014/08/index.html");
  assert.match(month, /<h1>Releases of August 2014<\/h1>/);
  assert.match(month, /1 release, newest first/);
  assert.ok(month.includes(`href="${SEED.url}"`));
});

test("site pages are not indexed; search page loads Pagefind from files", async () => {
  for (const path of ["index.html", "archive/index.html", "archive/2021/index.html", "topics/index.html", "topics/cybersecurity/index.html", "search/index.html", "404.html"]) {
    assert.doesNotMatch(await page(path), /data-pagefind-body/, path);
  }
  const search = await page("search/index.html");
  assert.match(search, /<script src="\/assets\/search-boot.js" data-bundle="\/pagefind\/" defer><\/script>/);
  assert.match(search, /<div id="search-app" class="search" data-base-url="\/" data-bundle="\/pagefind\/">/);
  assert.match(search, /<script type="module" src="\/assets\/search.js" async><\/script>\s*<\/main>/, "the search script ends the page's main content");
  assert.match(await page("404.html"), /<h1>Page not found<\/h1>/);
  for (const file of ["pagefind/pagefind-ui.js", "pagefind/shards.json", "assets/site.css", "assets/search.js", "assets/search-boot.js"]) {
    await readFile(join(site.output, file));
  }
  // Shards of years as src/search/index.ts groups them, each counting its years' release pages, merged into the one
  // bundle the manifest lists.
  const manifest = JSON.parse(await page("pagefind/shards.json")) as { bundles: BundleEntry[] };
  const releases = JSON.parse(await page("releases.json")) as { date: string }[];
  const perYear = new Map<string, number>();
  for (const r of releases) perYear.set(r.date.slice(0, 4), (perYear.get(r.date.slice(0, 4)) ?? 0) + 1);
  const groups = groupYears(perYear, SHARD_PAGES);
  assert.ok(groups.length > 0);
  const entryCount = async (file: string) => (JSON.parse(await readFile(file, "utf8")) as { languages: Record<string, { page_count: number }> }).languages["en"]?.page_count;
  const pageCount = (bundle: string) => entryCount(join(site.output, `pagefind/${bundle}pagefind-entry.json`));
  // The shards are kept beside the site (src/cli/build.ts), not published: each under its key and inputs, with the
  // record of the merged bundle's chunks.
  const store = `${site.output}.cache/search-shards`;
  const stored = await readdir(store);
  assert.deepEqual(stored.map((name) => name.replace(/\.[0-9a-f]{16}$/, "")).sort(), [...groups.map((g) => g.key), ...stored.filter((n) => /^all-chunks\.[0-9a-f]{16}\.json$/.test(n))].sort());
  assert.equal(stored.filter((n) => n.startsWith("all-chunks.")).length, 1);
  assert.ok(!(await readdir(join(site.output, "pagefind"))).includes("shards"), "no shards in the published site");
  for (const group of groups) {
    const inYears = releases.filter((r) => group.years.includes(r.date.slice(0, 4)));
    const name = stored.find((n) => n.startsWith(`${group.key}.`))!;
    assert.equal(await entryCount(join(store, name, "pagefind-entry.json")), inYears.length, `shard ${group.key} indexes its years' release pages`);
  }
  const dates = releases.map((r) => r.date).sort();
  const meta = `pagefind.${(JSON.parse(await page("pagefind/all/pagefind-entry.json")) as { languages: Record<string, { hash: string }> }).languages["en"]!.hash}.pf_meta`;
  assert.deepEqual(manifest.bundles, [{ name: "all", path: "all/", from: dates[0], to: dates.at(-1), preload: [meta, "wasm.en.pagefind"] }]);
  const indexed = await pageCount("all/");
  assert.equal(indexed, releases.length, "exactly the release pages are indexed");
});

test("releases.json lists every release, newest first then by id", async () => {
  const records = JSON.parse(await page("releases.json")) as Record<string, unknown>[];
  const files = (await readdir(join(site.content, "releases"), { recursive: true })).filter((f) => f.endsWith(".md"));
  assert.equal(records.length, files.length);
  for (const r of records) {
    assert.deepEqual(Object.keys(r).slice(0, 7), ["id", "url", "title", "date", "type", "office", "speakers"]);
    assert.ok("source" in r && "topics" in r && "people" in r && "delegations" in r);
    assert.equal((r["source"] as { path: string }).path.length > 0, true);
  }
  const seed = records.find((r) => r["url"] === SEED.url);
  assert.equal(seed?.["title"], SEED.title);
  const keys = records.map((r) => ({ date: r["date"] as string, id: r["id"] as string }));
  const sorted = [...keys].sort((a, b) => (a.date !== b.date ? (a.date > b.date ? -1 : 1) : a.id < b.id ? -1 : 1));
  assert.deepEqual(keys, sorted);
});

test("building the same content twice gives byte-identical sites", async () => {
  const again = join(site.dir, "site-again");
  const result = await build({ sources: site.sources, content: site.content, output: again, config: site.config, log: () => {} });
  assert.equal(result.ok, true);
  const [a, b] = [await tree(site.output), await tree(again)];
  assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
  for (const [path, bytes] of a) assert.ok(bytes.equals(b.get(path)!), `${path} differs between builds`);
});

test("a bad hand edit fails the build with its path and keeps the previous site", async () => {
  const output = join(site.dir, "site-kept");
  assert.equal((await build({ sources: site.sources, content: site.content, output, config: site.config, log: () => {} })).built, true);
  const before = await readFile(join(output, "index.html"));
  const bad = join(site.content, "releases/2020/01/2020-01-01-hand-edited.md");
  await mkdir(join(bad, ".."), { recursive: true });
  await writeFile(bad, "---\nid: 2020-01-01-hand-edited\ntitle: Hand edited\ndate: 2020-01-01\ntitel: typo\n---\n\nText.\n");
  const log: string[] = [];
  try {
    const result = await build({ sources: site.sources, content: site.content, output, config: site.config, log: (l) => log.push(l) });
    assert.deepEqual(result, { ok: false, built: false });
    const failure = log.find((l) => l.startsWith("Build failed:")) ?? "";
    assert.match(failure, /2020-01-01-hand-edited\.md: invalid release front matter/);
    assert.match(failure, /Unrecognized key: "titel"/);
    assert.ok((await readFile(join(output, "index.html"))).equals(before), "previous site untouched");
    // `site-kept.cache/` is the build cache (citations, search-input hashes), kept on purpose beside the site.
    const siblings = (await readdir(site.dir)).filter((f) => f.startsWith("site-kept.") && f !== "site-kept.cache");
    assert.deepEqual(siblings, [], "no temporary folder left behind");
  } finally {
    await rm(bad);
  }
});

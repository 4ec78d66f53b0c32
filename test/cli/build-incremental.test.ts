// A rebuild after adding or editing one release gives exactly the site a build from scratch gives, byte for byte.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { build } from "../../src/cli/build.ts";
import { sparePath } from "../../src/cli/spare-site.ts";
import { parseSiteConfig } from "../../src/site/config.ts";
import { ASSETS_DIR } from "../../src/site/paths.ts";
import { corpusFiles, generateRelease, releaseText } from "../../scripts/corpus-generator.ts";

const config = parseSiteConfig({ baseUrl: "https://communique.example.org" });
const taxonomy = join(import.meta.dirname, "../../content/taxonomy");
/** Search shards of two release pages at most: the 16 or 17 releases make several, so reuse can be counted. */
const SHARD_PAGES = 2;
const quiet = { log: () => {}, shardPages: SHARD_PAGES };

/** Every file under `dir` with its bytes, by relative path. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.set(join(entry.parentPath, entry.name).slice(dir.length + 1), await readFile(join(entry.parentPath, entry.name)));
  }
  return out;
}

/** Builds `sources` from scratch (empty content folder, no previous site) into `<dir>/<name>`. */
async function fromScratch(dir: string, sources: string, name: string): Promise<string> {
  const content = join(dir, `${name}-content`);
  await cp(taxonomy, join(content, "taxonomy"), { recursive: true });
  const output = join(dir, name);
  const result = await build({ sources, content, output, config, ...quiet });
  assert.equal(result.ok, true);
  return output;
}

/**
 * Builds a copy of the content folder `content` (its release files and ids as they stand) into a new site
 * `<dir>/<name>`: the build from scratch a rebuild that kept ids (a retitled release) must equal.
 */
async function fromSameContent(dir: string, sources: string, content: string, name: string): Promise<string> {
  const again = join(dir, `${name}-content`);
  await cp(content, again, { recursive: true });
  const output = join(dir, name);
  assert.equal((await build({ sources, content: again, output, config, ...quiet })).ok, true);
  return output;
}

/**
 * Builds with the log kept; returns how many page files and search shards the build took from the previous site, and
 * into how many shards' earlier bundles it spliced changed pages.
 */
async function rebuildCounting(options: { sources: string; content: string; output: string }): Promise<{ pages: number; files: number; shards: number; spliced: number }> {
  const lines: string[] = [];
  assert.equal((await build({ ...options, config, shardPages: SHARD_PAGES, log: (line) => lines.push(line) })).ok, true);
  const log = lines.join("\n");
  const shards = /\((\d+) unchanged search shards reused[,)]/.exec(log);
  const pages = /: (\d+) files \((\d+) unchanged, kept from earlier builds\)/.exec(log);
  const spliced = /(\d+) with changed pages spliced in\)/.exec(log);
  return { shards: shards ? Number(shards[1]) : 0, spliced: spliced ? Number(spliced[1]) : 0, files: pages ? Number(pages[1]) : 0, pages: pages ? Number(pages[2]) : 0 };
}

/**
 * The keys of the search shards of a built site (blocks of years), kept beside it in its cache folder as
 * `<key>.<inputs>` (the site it replaced may have left a shard's earlier bundle there too), beside the merged bundles'
 * chunk records.
 */
async function shards(site: string): Promise<string[]> {
  const bundles = (await readdir(`${site}.cache/search-shards`)).filter((name) => /^\d{4}/.test(name));
  return [...new Set(bundles.map((name) => name.replace(/\.[0-9a-f]{16}$/, "")))].sort();
}

/** What each page file of the live site in `output` was rendered from (src/site/page-record.ts). */
async function pageRecord(output: string): Promise<Record<string, string>> {
  return (JSON.parse(await readFile(`${output}.cache/pages.json`, "utf8")) as { pages: Record<string, string> }).pages;
}

/**
 * Eleventy's own pages (home, archive, search, 404, robots, datapackage.json) and the minified scripts and styles
 * (src/site/pages.ts): rendered every build.
 */
const ELEVENTY_PAGES = 6 + readdirSync(ASSETS_DIR).filter((f) => /\.(?:js|css)$/.test(f)).length;

/** Every folder under `dir`, relative: a folder left empty by a deleted page would be one too many. */
async function folders(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

function assertSameTree(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
  for (const [path, bytes] of expected) assert.ok(actual.get(path)!.equals(bytes), `${path} differs from a build from scratch`);
}

/** A generated archive in a temporary folder, built once (with the release `added` among its sources, or not yet). */
interface Archive {
  dir: string;
  sources: string;
  content: string;
  output: string;
  added: ReturnType<typeof generateRelease>;
}

/** Writes 16 generated sources (and `added` when `withAdded`), builds them, runs `check`, then removes the folder. */
async function withBuiltArchive(withAdded: boolean, check: (archive: Archive) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "communique-incremental-"));
  try {
    const sources = join(dir, "sources");
    await mkdir(sources);
    for (const f of corpusFiles(16, 5, "mixed")) await writeFile(join(sources, f.path), f.text);
    const content = join(dir, "content");
    await cp(taxonomy, join(content, "taxonomy"), { recursive: true });
    const output = join(dir, "site");
    const added = generateRelease(5, 16);
    if (withAdded) await writeFile(join(sources, `${added.pageId}.txt`), releaseText(added));
    assert.equal((await build({ sources, content, output, config, ...quiet })).ok, true);
    await check({ dir, sources, content, output, added });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test("adding one release and rebuilding equals a build from scratch", { timeout: 600_000 }, () =>
  withBuiltArchive(false, async ({ dir, sources, content, output, added }) => {
    // The archive as it stands, built once; then one new release arrives and the same folders are rebuilt.
    await writeFile(join(sources, `${added.pageId}.txt`), releaseText(added));
    const reused = (await rebuildCounting({ sources, content, output })).shards;
    assertSameTree(await tree(output), await tree(await fromScratch(dir, sources, "scratch-added")));
    // Only the new release's shard and those of its neighbours (whose "previous" and "next" links change) are
    // indexed again.
    const all = (await shards(output)).length;
    assert.ok(all >= 4, `${all} shards: enough to count reuse`);
    assert.ok(reused >= all - 3 && reused < all, `${reused} of ${all} shards reused`);
  }));

// This once failed: Eleventy kept the files it read in a process-wide cache, so a second build in the same process
// rendered the edited release from its old text (and indexed it so); release pages are now read by src/site/releases.ts.
test("editing one release and rebuilding equals a build from scratch", { timeout: 600_000 }, () =>
  withBuiltArchive(true, async ({ dir, sources, content, output, added }) => {
    // An edit of one release's text: a word of its first paragraph changes.
    const edited = releaseText({ ...added, paragraphs: [`Amended: ${added.paragraphs[0]!}`, ...added.paragraphs.slice(1)] });
    await writeFile(join(sources, `${added.pageId}.txt`), edited);
    const before = await pageRecord(output);
    const counts = await rebuildCounting({ sources, content, output });
    const reused = counts.shards;
    assertSameTree(await tree(output), await tree(await fromScratch(dir, sources, "scratch-edited")));
    // A body edit changes the release's page, its JSON, the feeds that summarise it and the data files (its row
    // holds its source's hash); every list page is reused.
    const after = await pageRecord(output);
    const changedSources = Object.keys(after).filter((path) => path.startsWith("sources/") && after[path] !== before[path]);
    assert.deepEqual(changedSources, [`sources/${added.pageId}.txt`], "the record holds the hash of each published source");
    const changed = Object.keys(after).filter((path) => !path.startsWith("sources/") && after[path] !== before[path]);
    assert.ok(changed.some((path) => path.endsWith("index.json")), "the release's JSON was rendered again");
    for (const path of changed) assert.match(path, /^releases\/.*\/index\.(?:html|json)$|(?:^|\/)(?:atom\.xml|rss\.xml|feed\.json)$|^releases\.(?:json|csv)$/, `${path} was rendered again`);
    assert.equal(counts.files - counts.pages, changed.length + ELEVENTY_PAGES, `${counts.files - counts.pages} of ${counts.files} page files rendered again`);
    // The edit changes its own page only: every other shard is taken from the previous site, and the page is spliced
    // into its shard's bundle (the comparison above holds the search index too).
    const all = (await shards(output)).length;
    assert.ok(all >= 4, `${all} shards: enough to count reuse`);
    assert.equal(reused, all - 1);
    assert.equal(counts.spliced, 1);
  }));

// A release page shows its neighbours' titles ("Previous", "Next"): retitling one release must render those pages
// again, though their own files did not change, while every page that does not show the title is reused. The release
// keeps its id (ingest never moves one), which a build from scratch would derive from the new title: so the
// comparison is with a build of the same content folder into a new site.
test("retitling one release rebuilds its neighbours' pages and equals a build from scratch", { timeout: 600_000 }, () =>
  withBuiltArchive(true, async ({ dir, sources, content, output, added }) => {
    const title = "A Retitled Statement on Neighbourly Links";
    await writeFile(join(sources, `${added.pageId}.txt`), releaseText({ ...added, title }));
    const counts = await rebuildCounting({ sources, content, output });
    const site = await tree(output);
    const scratch = await fromSameContent(dir, sources, content, "scratch-retitled");
    assertSameTree(site, await tree(scratch));
    // The new title is on the release's own page and on a neighbour's, and most pages were still reused.
    const showing = [...site].filter(([path, bytes]) => path.startsWith("releases/") && path.endsWith(".html") && bytes.includes(title)).length;
    assert.ok(showing >= 2, `${showing} release pages show the new title`);
    assert.ok(counts.pages > counts.files / 2, `${counts.pages} of ${counts.files} page files reused`);
  }));

// The site a build replaces is kept beside the output (`<output>.spare`) with the record of what it was built from,
// and the build after that updates it in place: it must end as a new tree would, delete what is gone (pages, their
// folders, sources), and never write into the live site through the hard links the two share.
test("a rebuild that updates the spare site equals a build from scratch and leaves the replaced site as it was", { timeout: 600_000 }, () =>
  withBuiltArchive(false, async ({ dir, sources, content, output, added }) => {
    const releasesFolder = (await stat(join(output, "releases"))).ino;
    // Second build: a new tree (pages linked from the first site), which becomes the spare.
    await writeFile(join(sources, `${added.pageId}.txt`), releaseText(added));
    await rebuildCounting({ sources, content, output });
    assert.equal((await stat(join(sparePath(output), "releases"))).ino, releasesFolder, "the first site is kept as the spare");
    // Third build: one release edited, one source (and its release) removed, the new one retitled.
    const live = await tree(output);
    const texts = (await readdir(sources)).filter((f) => f.endsWith(".txt") && f !== `${added.pageId}.txt`).sort();
    await rm(join(sources, texts[0]!));
    const edited = join(sources, texts[1]!);
    await writeFile(edited, (await readFile(edited, "utf8")).replace(/\n\n([A-Z])/, "\n\nAmended. $1"));
    await writeFile(join(sources, `${added.pageId}.txt`), releaseText({ ...added, title: "A Retitled Statement on Spare Sites" }));
    const counts = await rebuildCounting({ sources, content, output });
    assert.equal((await stat(join(output, "releases"))).ino, releasesFolder, "the spare was updated in place");
    assert.ok(counts.pages > counts.files / 2, `${counts.pages} of ${counts.files} page files kept`);
    const scratch = await fromSameContent(dir, sources, content, "scratch-spare");
    assertSameTree(await tree(output), await tree(scratch));
    assert.deepEqual(await folders(output), await folders(scratch));
    // The site it replaced is the new spare, byte for byte as it was live.
    assertSameTree(await tree(sparePath(output)), live);
    // Fourth build, nothing changed: the second site, now the spare, is brought up to date in turn.
    const third = await tree(output);
    const mergedEntry = async () => (await stat(join(output, "pagefind/all/pagefind-entry.json"))).ino;
    const merged = await mergedEntry();
    await rebuildCounting({ sources, content, output });
    assertSameTree(await tree(output), third);
    assert.equal(await mergedEntry(), merged, "no shard changed: the merged search bundle is linked, not merged again");
    assert.deepEqual(await folders(output), await folders(scratch));
    assertSameTree(await tree(sparePath(output)), third);
  }));

// The first rebuild after a build from scratch has no spare: it links every unchanged page from the live site into a
// new tree. A page whose file went missing from the live site meanwhile is rendered again, and the live site is left
// as it was.
test("a page missing from the live site is rendered again by the next build, which equals a build from scratch", { timeout: 600_000 }, () =>
  withBuiltArchive(true, async ({ dir, sources, content, output }) => {
    const record = await pageRecord(output);
    const releasePages = Object.keys(record).filter((path) => /^releases\/.*\/index\.html$/.test(path)).sort();
    const listings = Object.keys(record).filter((path) => /^(?:people|countries|topics)\/.+\/index\.html$/.test(path)).sort();
    // Missing: two release pages, a release's JSON, a listing page.
    const gone = [releasePages[0]!, releasePages.at(-1)!, releasePages[3]!.replace(/index\.html$/, "index.json"), listings[0]!];
    for (const path of gone) await rm(join(output, path));
    const live = await tree(output);
    const counts = await rebuildCounting({ sources, content, output });
    assert.ok(counts.pages > counts.files / 2, `${counts.pages} of ${counts.files} page files linked`);
    const scratch = await fromSameContent(dir, sources, content, "scratch-missing");
    assertSameTree(await tree(output), await tree(scratch));
    assertSameTree(await tree(sparePath(output)), live);
  }));

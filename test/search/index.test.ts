// The sharded search index: one Pagefind bundle per year, a manifest newest first, the same bytes on every run.
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { indexSite } from "../../src/search/index.ts";
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

test("one bundle per year, listed newest first with its date span", async () => {
  const dir = await site();
  try {
    const result = await indexSite(dir);
    assert.deepEqual(result.errors, []);
    assert.equal(result.pages, PAGES.length);
    const manifest = JSON.parse(await readFile(join(dir, "pagefind/shards.json"), "utf8")) as { version: number; bundles: BundleEntry[] };
    assert.equal(manifest.version, 1);
    assert.deepEqual(
      manifest.bundles.map((b) => [b.name, b.path, b.from, b.to]),
      [
        ["2021", "shards/2021/", "2021-05-20", "2021-08-31"],
        ["2014", "shards/2014/", "2014-08-26", "2014-08-26"],
        ["1999", "shards/1999/", "1999-03-04", "1999-11-30"],
      ],
    );
    assert.deepEqual(result.shards.map((s) => s.pages), [3, 1, 2]);
    // The UI files once at /pagefind/, each bundle keeps only what a search needs.
    await readFile(join(dir, "pagefind/pagefind-ui.js"));
    const bundle = await readdir(join(dir, "pagefind/shards/2021"));
    assert.ok(bundle.includes("pagefind.js") && bundle.includes("pagefind-entry.json"));
    assert.ok(!bundle.includes("pagefind-ui.js"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("indexing the same pages twice writes the same bytes", async () => {
  const [a, b] = [await site(), await site()];
  try {
    await indexSite(a);
    await indexSite(b);
    assert.deepEqual(await files(join(a, "pagefind")), await files(join(b, "pagefind")));
  } finally {
    await rm(a, { recursive: true, force: true });
    await rm(b, { recursive: true, force: true });
  }
});

test("a site without releases gets an empty manifest", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-shards-"));
  try {
    const result = await indexSite(dir);
    assert.deepEqual([result.pages, result.shards, result.errors], [0, [], []]);
    assert.deepEqual(JSON.parse(await readFile(join(dir, "pagefind/shards.json"), "utf8")), { version: 1, bundles: [] });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

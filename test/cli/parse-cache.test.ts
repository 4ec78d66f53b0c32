// The parse cache: an ingest that takes unchanged sources from it writes exactly what parsing everything writes.
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { types } from "node:util";
import { ingest } from "../../src/cli/ingest.ts";
import { PARSE_CACHE_FILE, ParseCache } from "../../src/cli/parse-cache.ts";
import { parseSources } from "../../src/cli/parse-pool.ts";
import { bodyDigest } from "../../src/ingest/lazy-body.ts";
import { bytesDigest } from "../../src/site/site-files.ts";

const repoSources = join(import.meta.dirname, "../../content/sources");
const taxonomy = join(import.meta.dirname, "../../content/taxonomy");
const quiet = { log: () => {} };
/** A job's key in `cache`, as ingest computes it. */
const keyOf = (cache: ParseCache, job: { path: string; bytes: Uint8Array }) => cache.key(job.path, bytesDigest(job.bytes));

/** Every file under `dir` with its text, by relative path. */
async function texts(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) out.set(join(e.parentPath, e.name).slice(dir.length), await readFile(join(e.parentPath, e.name), "utf8"));
  return out;
}

test("a cached result is the parse result; another path, other bytes or another taxonomy miss", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-parse-cache-"));
  try {
    const file = join(dir, PARSE_CACHE_FILE);
    const tax = { text: await readFile(join(taxonomy, "topics.yaml"), "utf8"), path: "taxonomy/topics.yaml" };
    const job = { path: "seed.txt", bytes: await readFile(join(repoSources, "000_0399d071038372ee.txt")) };
    const [parsed] = await parseSources([job], tax);
    const cache = await ParseCache.open(file, tax);
    assert.equal(cache.get(keyOf(cache, job)), undefined);
    cache.set(keyOf(cache, job), parsed!);
    await cache.save();

    const again = await ParseCache.open(file, tax);
    const hit = again.get(keyOf(again, job))!;
    // Its body comes back lazily (made when read: src/ingest/lazy-body.ts), and reads as the parsed one.
    assert.ok(types.isProxy(hit.items[0]!.release!.body));
    assert.equal(bodyDigest(hit.items[0]!.release!.body), bodyDigest(parsed!.items[0]!.release!.body));
    assert.deepEqual(hit, parsed);
    // Bodies are read from the file when first used, so not once the cache is closed.
    const unread = again.get(keyOf(again, job))!;
    again.close();
    assert.throws(() => unread.items[0]!.release!.body.length, /after the parse cache was closed/);
    assert.equal(again.get(keyOf(again, { ...job, path: "other.txt" })), undefined);
    assert.equal(again.get(keyOf(again, { ...job, bytes: Buffer.concat([job.bytes, Buffer.from(" ")]) })), undefined);
    const otherTaxonomy = await ParseCache.open(file, { ...tax, text: `${tax.text}\n# edited\n` });
    assert.equal(otherTaxonomy.get(keyOf(otherTaxonomy, job)), undefined);

    // A damaged file is an empty cache, not an error.
    await writeFile(file, "not a cache");
    const damaged = await ParseCache.open(file, tax);
    assert.equal(damaged.get(keyOf(damaged, job)), undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("ingests with the cache write what ingests without it write, through an edit of one source", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-parse-cache-"));
  try {
    const sources = join(dir, "sources");
    await cp(repoSources, sources, { recursive: true });
    const cached = join(dir, "cached");
    const plain = join(dir, "plain");
    for (const content of [cached, plain]) await cp(taxonomy, join(content, "taxonomy"), { recursive: true });
    const cacheDir = join(dir, "cache");

    const first = await ingest({ sources, content: cached, cache: cacheDir, ...quiet });
    await ingest({ sources, content: plain, ...quiet });
    const sourceCount = (await readdir(sources)).length;
    assert.ok(first.written > 0);
    assert.equal(first.fromCache, 0);
    assert.deepEqual(await texts(cached), await texts(plain));
    // Every source is in the cache: a second run takes them all from it and writes nothing.
    const second = await ingest({ sources, content: cached, cache: cacheDir, ...quiet });
    assert.equal(second.fromCache, sourceCount);
    assert.equal(second.written + second.removed, 0);

    // An edited source is parsed again: the cache never hands back the old text.
    const seed = join(sources, "000_0399d071038372ee.txt");
    await writeFile(seed, (await readFile(seed, "utf8")).replace("Both sides reaffirmed", "Both sides firmly reaffirmed"));
    const third = await ingest({ sources, content: cached, cache: cacheDir, ...quiet });
    await ingest({ sources, content: plain, ...quiet });
    assert.equal(third.written, 1);
    assert.equal(third.fromCache, sourceCount - 1);
    assert.deepEqual(await texts(cached), await texts(plain));
    assert.match([...(await texts(cached)).values()].join("\n"), /Both sides firmly reaffirmed/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a save appends what was parsed; stale entries past a quarter, or a damaged end, make it write the file whole", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-parse-cache-"));
  try {
    const file = join(dir, PARSE_CACHE_FILE);
    const tax = { text: await readFile(join(taxonomy, "topics.yaml"), "utf8"), path: "taxonomy/topics.yaml" };
    const seed = await readFile(join(repoSources, "000_0399d071038372ee.txt"));
    const jobs = Array.from({ length: 8 }, (_, i) => ({ path: `s${i}.txt`, bytes: seed }));
    const parsed = await parseSources(jobs, tax);
    /** One ingest's use of the cache: the jobs it holds are got, the others set; returns the keys it had. */
    const use = async (some: typeof jobs) => {
      const cache = await ParseCache.open(file, tax);
      const got = some.map((j) => [j, cache.get(keyOf(cache, j))] as const).filter(([, hit]) => hit !== undefined);
      for (const j of some) if (!got.some(([g]) => g === j)) cache.set(keyOf(cache, j), parsed[jobs.indexOf(j)]!);
      // Half the bodies read before the save, half after it (which may have replaced the file): all read as parsed.
      const half = got.length >> 1;
      for (const [j, hit] of got.slice(0, half)) assert.deepEqual(hit, parsed[jobs.indexOf(j)]);
      await cache.save();
      for (const [j, hit] of got.slice(half)) assert.deepEqual(hit, parsed[jobs.indexOf(j)]);
      cache.close();
      return got.map(([j]) => j.path);
    };
    assert.deepEqual(await use(jobs.slice(0, 6)), []);
    const whole = (await readFile(file)).length;
    // Two more sources: appended, the first six untouched.
    assert.deepEqual(await use(jobs), jobs.slice(0, 6).map((j) => j.path));
    const appended = await readFile(file);
    assert.ok(appended.length > whole && appended.length < whole * 1.5, "only the new entries were added");
    assert.deepEqual(await use(jobs), jobs.map((j) => j.path));
    assert.equal((await readFile(file)).length, appended.length, "nothing parsed, nothing written");
    // Two of eight gone: a quarter, kept as garbage; three gone: the file is written whole with the five used.
    await use(jobs.slice(0, 6));
    assert.equal((await readFile(file)).length, appended.length);
    assert.deepEqual(await use(jobs.slice(0, 5)), jobs.slice(0, 5).map((j) => j.path));
    const rewritten = await readFile(file);
    assert.ok(rewritten.length < whole, "the file holds only the five entries used");
    // An append killed half way: the frames before it still serve, and the next save writes the file whole.
    await writeFile(file, Buffer.concat([rewritten, rewritten.subarray(0, rewritten.length >> 1)]));
    assert.deepEqual(await use(jobs.slice(0, 6)), jobs.slice(0, 5).map((j) => j.path));
    const repaired = await readFile(file);
    assert.deepEqual(await use(jobs.slice(0, 6)), jobs.slice(0, 6).map((j) => j.path));
    assert.equal((await readFile(file)).length, repaired.length);
    assert.ok(repaired.length < rewritten.length * 1.5);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// File stats: a file known unchanged by its stats is not read again, and no way of changing a file escapes them.
import assert from "node:assert/strict";
import fs from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { test } from "node:test";
import { FILE_STATS_FILE, FileStats } from "../../src/cli/file-stats.ts";
import { ingest } from "../../src/cli/ingest.ts";

const repoSources = join(import.meta.dirname, "../../content/sources");
const taxonomy = join(import.meta.dirname, "../../content/taxonomy");
const quiet = { log: () => {} };

/** Runs `run` counting the files under `dir` that `fs.readFileSync` reads meanwhile (ingest reads sources and releases so). */
async function readsUnder<T>(dir: string, run: () => Promise<T>): Promise<{ result: T; reads: string[] }> {
  const original = fs.readFileSync;
  const reads: string[] = [];
  fs.readFileSync = ((path: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (typeof path === "string" && path.startsWith(dir)) reads.push(path.slice(dir.length + 1));
    return (original as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  syncBuiltinESMExports();
  try {
    return { result: await run(), reads };
  } finally {
    fs.readFileSync = original;
    syncBuiltinESMExports();
  }
}

test("a recorded file is known by its stats until it changes; a file modified in the record's tick is not trusted", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-file-stats-"));
  try {
    const record = join(dir, FILE_STATS_FILE);
    const [a, b, c] = ["a.txt", "b.txt", "c.txt"].map((f) => join(dir, f)) as [string, string, string];
    // Whole seconds, which utimes sets exactly (a time read back in ms would not put back a time in ns).
    const past = Math.floor(Date.now() / 1000) - 60;
    for (const f of [a, b, c]) {
      await writeFile(f, "twelve bytes");
      await utimes(f, past, past);
    }
    // c's modification time is in the future: as if written in the tick the record is saved in, or after.
    const future = new Date(Date.now() + 3_600_000);
    await utimes(c, future, future);
    await delay(20);
    const first = FileStats.open(record);
    for (const f of [a, b, c]) {
      assert.equal(first.digest(f, FileStats.stat(f)), undefined, "nothing recorded yet");
      first.note(f, FileStats.stat(f), `digest of ${f}`);
    }
    await first.save();

    // b rewritten with as many bytes and its times set back: its change time still moved.
    await writeFile(b, "twelve BYTES");
    await utimes(b, past, past);
    const second = FileStats.open(record);
    assert.equal(second.digest(a, FileStats.stat(a)), `digest of ${a}`);
    assert.equal(second.digest(b, FileStats.stat(b)), undefined, "a rewrite with the same size and times is seen");
    assert.equal(second.digest(c, FileStats.stat(c)), undefined, "a file modified no earlier than the record is read again");
    // Only what this run recorded is kept: a, as it was found unchanged.
    await second.save();
    assert.deepEqual(JSON.parse(await readFile(record, "utf8")).files.map((f: string[]) => f[0]), [a]);
    // A file replaced by another with the same size and times is read again.
    await rm(a);
    await writeFile(join(dir, "other"), "x");
    await writeFile(a, "twelve bytes");
    await utimes(a, past, past);
    assert.equal(FileStats.open(record).digest(a, FileStats.stat(a)), undefined);
    assert.equal(FileStats.none().digest(a, FileStats.stat(a)), undefined, "without a cache folder every file is read");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("an ingest with a cache folder reads only the files changed since the last one, and misses no change", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-file-stats-"));
  try {
    const sources = join(dir, "sources");
    await cp(repoSources, sources, { recursive: true });
    const seed = join(sources, "000_0399d071038372ee.txt");
    // Whole seconds, which utimes can set back exactly.
    const past = Math.floor(Date.now() / 1000) - 60;
    await utimes(seed, past, past);
    const content = join(dir, "content");
    await cp(taxonomy, join(content, "taxonomy"), { recursive: true });
    const cache = join(dir, "cache");
    const sourceCount = (await readdir(sources)).length;

    const first = await readsUnder(dir, () => ingest({ sources, content, cache, ...quiet }));
    assert.ok(first.result.written > 0);
    assert.equal(first.reads.filter((r) => r.startsWith("sources/")).length, sourceCount, "the first ingest reads every source");
    // Nothing changed: no source is read (their stats say so). Release files written in the clock tick the record
    // was saved in may be read once more (see FileStats); after that, none is.
    await delay(20);
    const second = await readsUnder(dir, () => ingest({ sources, content, cache, ...quiet }));
    assert.equal(second.result.written + second.result.removed, 0);
    assert.deepEqual(second.reads.filter((r) => r.startsWith("sources/")), []);
    await delay(20);
    const again = await readsUnder(dir, () => ingest({ sources, content, cache, ...quiet }));
    assert.equal(again.result.written + again.result.removed, 0);
    assert.deepEqual(again.reads.filter((r) => r.startsWith("sources/") || r.startsWith("content/releases/")), []);

    // One source edited in place to as many bytes, its modification time set back: read, parsed, written.
    const text = await readFile(seed, "utf8");
    assert.match(text, /Both sides reaffirmed/);
    await writeFile(seed, text.replace("Both sides reaffirmed", "Both sides REAFFIRMED"));
    await utimes(seed, past, past);
    const third = await readsUnder(dir, () => ingest({ sources, content, cache, ...quiet }));
    assert.equal(third.result.written, 1);
    assert.deepEqual(third.reads.filter((r) => r.startsWith("sources/")), ["sources/000_0399d071038372ee.txt"]);
    const releases = await readdir(join(content, "releases"), { recursive: true });
    const texts = await Promise.all(releases.filter((f) => f.endsWith(".md")).map((f) => readFile(join(content, "releases", f), "utf8")));
    assert.ok(texts.some((t) => t.includes("Both sides REAFFIRMED")));

    // A release file edited by hand is read again, and put back as its source gives it.
    await delay(20);
    const edited = join(content, "releases", releases.find((f) => f.endsWith(".md"))!);
    const original = await readFile(edited, "utf8");
    await writeFile(edited, `${original}\nAn added line.\n`);
    const fourth = await ingest({ sources, content, cache, ...quiet });
    assert.equal(fourth.written, 1);
    assert.equal(await readFile(edited, "utf8"), original);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

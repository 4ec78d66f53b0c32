// Release files read for the site: front matter kept by the hash of the file reads back the same, and a bad edit still fails.
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, stat, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { FRONT_MATTER_CACHE_FILE, loadReleases } from "../../src/site/releases.ts";

const CONTENT = join(import.meta.dirname, "../../content");

/** Runs `check` on a copy of the sample's release files, with a front-matter cache file beside them; then removes both. */
async function withContentCopy(check: (content: string, cache: { file: string; version: string }) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "communique-releases-"));
  try {
    const content = join(dir, "content");
    await cp(join(CONTENT, "releases"), join(content, "releases"), { recursive: true });
    await check(content, { file: join(dir, FRONT_MATTER_CACHE_FILE), version: "v1" });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test("front matter taken from the cache equals front matter parsed from the files", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-releases-"));
  try {
    const cache = { file: join(dir, FRONT_MATTER_CACHE_FILE), version: "v1" };
    const parsed = loadReleases(CONTENT);
    assert.ok(parsed.length > 0);
    assert.deepEqual(loadReleases(CONTENT, cache), parsed);
    // The second read takes every release from the cache file the first one wrote.
    assert.equal((await readFile(cache.file, "utf8")).trim().split("\n").length, parsed.length + 1);
    const written = (await stat(cache.file)).ino;
    assert.deepEqual(loadReleases(CONTENT, cache), parsed);
    // Nothing changed: the file is left as it is (a rewrite goes through a rename, so a new inode).
    assert.equal((await stat(cache.file)).ino, written);
    // Another version of the code that parses and checks (a schema change) ignores the file.
    assert.deepEqual(loadReleases(CONTENT, { ...cache, version: "v2" }), parsed);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a release file edited into invalid front matter fails with its path, whatever the cache holds", () =>
  withContentCopy(async (content, cache) => {
    const [first] = loadReleases(content, cache);
    const text = await readFile(first!.inputPath, "utf8");
    await writeFile(first!.inputPath, text.replace(/^date: .*$/m, "date: someday"));
    assert.throws(() => loadReleases(content, cache), (e: Error) => e.message.startsWith(`${first!.inputPath}: invalid release front matter: date`));
  }));

/** Retitles a release file in place (a valid edit: its front matter changes, its id does not). */
async function retitle(path: string, title: string): Promise<void> {
  await writeFile(path, (await readFile(path, "utf8")).replace(/^title: .*$/m, `title: ${title}`));
}

test("a file whose hash the caller gives is not read again; one it does not give is read", () =>
  withContentCopy(async (content, cache) => {
    const before = loadReleases(content, cache);
    const [first, second, third] = before.map((r) => r.inputPath);
    await retitle(first!, "Edited Since");
    await retitle(second!, "Edited Behind The Caller's Back");
    await unlink(third!);
    // The caller (ingest) read every file but the first and the third after their change, and vouches for the second.
    const digests = new Map(before.slice(1).map((r) => [r.inputPath, r.digest]));
    const loaded = loadReleases(content, cache, { digests });
    const fresh = loadReleases(content);
    assert.equal(loaded.length, fresh.length);
    assert.deepEqual(loaded[0], fresh[0], "a file without a given hash is read");
    // The second keeps what its given hash stands for: the caller vouches for the hashes it gives.
    assert.deepEqual(loaded[1], before[1]);
    assert.notDeepEqual(loaded[1], fresh[1]);
    assert.deepEqual(loaded.slice(2), fresh.slice(2));
  }));

test("the front-matter cache is appended to, and written anew once a quarter of its entries are unused", () =>
  withContentCopy(async (content, cache) => {
    const items = loadReleases(content, cache);
    const lines = async () => (await readFile(cache.file, "utf8")).trim().split("\n").length;
    const inode = async () => (await stat(cache.file)).ino;
    const written = await inode();
    await retitle(items[0]!.inputPath, "A First Edit");
    assert.deepEqual(loadReleases(content, cache), loadReleases(content));
    assert.equal(await lines(), items.length + 2, "the edited file's entry appended");
    assert.equal(await inode(), written, "appended, not written anew");
    assert.deepEqual(loadReleases(content, cache), loadReleases(content), "the appended entry reads back");
    // Edits of a quarter of the files leave more than a quarter of the entries unused: the file is written anew.
    for (const item of items.slice(0, Math.ceil(items.length / 4))) await retitle(item.inputPath, "A Later Edit");
    assert.deepEqual(loadReleases(content, cache), loadReleases(content));
    assert.equal(await lines(), items.length + 1, "only the entries of today's files");
    assert.notEqual(await inode(), written);
  }));

test("a front-matter cache ending in a torn line is written whole, not appended to after it", () =>
  withContentCopy(async (content, cache) => {
    const items = loadReleases(content, cache);
    const whole = await readFile(cache.file, "utf8");
    // A build killed while appending: half of an entry, no newline.
    const torn = whole.split("\n")[1]!.slice(0, 40);
    await writeFile(cache.file, `${whole}${torn}`);
    await retitle(items[0]!.inputPath, "An Edit After A Torn Line");
    assert.deepEqual(loadReleases(content, cache), loadReleases(content));
    const lines = (await readFile(cache.file, "utf8")).split("\n");
    assert.equal(lines.pop(), "", "ends with a whole line");
    assert.equal(lines.length, items.length + 1, "the version line and one entry a file: the torn one dropped, the edit's entry kept");
    for (const line of lines) JSON.parse(line);
    // Nothing changed since: the file, whole again, is left as it is.
    const written = (await stat(cache.file)).ino;
    assert.deepEqual(loadReleases(content, cache), loadReleases(content));
    assert.equal((await stat(cache.file)).ino, written);
  }));

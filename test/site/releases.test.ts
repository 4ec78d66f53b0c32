// Release files read for the site: front matter kept by the hash of the file reads back the same, and a bad edit still fails.
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { FRONT_MATTER_CACHE_FILE, loadReleases } from "../../src/site/releases.ts";

const CONTENT = join(import.meta.dirname, "../../content");

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

test("a release file edited into invalid front matter fails with its path, whatever the cache holds", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-releases-"));
  try {
    const content = join(dir, "content");
    await cp(join(CONTENT, "releases"), join(content, "releases"), { recursive: true });
    const cache = { file: join(dir, FRONT_MATTER_CACHE_FILE), version: "v1" };
    const [first] = loadReleases(content, cache);
    const text = await readFile(first!.inputPath, "utf8");
    await writeFile(first!.inputPath, text.replace(/^date: .*$/m, "date: someday"));
    assert.throws(() => loadReleases(content, cache), (e: Error) => e.message.startsWith(`${first!.inputPath}: invalid release front matter: date`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

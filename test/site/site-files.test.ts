// Publishing the collected sources (each file recorded by the hash of its bytes; a copy kept, linked or written by it, never through a link the live site shares), the ASCII JSON of the caches, and a folder's files listed.
import assert from "node:assert/strict";
import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { asciiJson, bytesDigest, filesUnder, publishSources } from "../../src/site/site-files.ts";

const digest = (text: string) => bytesDigest(Buffer.from(text));

test("sources are kept, linked from the live site or copied by their hash, and the record gives each hash", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-sources-"));
  try {
    const [from, live, base] = [join(dir, "from"), join(dir, "live"), join(dir, "base")] as const;
    await mkdir(join(from, "feeds"), { recursive: true });
    await mkdir(live);
    await mkdir(base);
    const texts = { "a.txt": "kept from the base", "b.txt": "linked from the live site", "feeds/c.xml": "<rss>edited</rss>", ".hidden": "never published" };
    for (const [rel, text] of Object.entries(texts)) await writeFile(join(from, rel), text);
    // The live site holds b.txt as it is now, and c.xml before its edit; the base (an earlier build) shares c.xml's
    // copy with the live site through a hard link, and holds a.txt as it is now and a source since removed.
    await writeFile(join(live, "b.txt"), texts["b.txt"]);
    await mkdir(join(live, "feeds"));
    await writeFile(join(live, "feeds/c.xml.txt"), "<rss>before</rss>");
    await writeFile(join(base, "a.txt"), texts["a.txt"]);
    await mkdir(join(base, "feeds"));
    await link(join(live, "feeds/c.xml.txt"), join(base, "feeds/c.xml.txt"));
    await mkdir(join(base, "gone"));
    await writeFile(join(base, "gone/d.txt"), "removed since");
    const keptInode = (await stat(join(base, "a.txt"))).ino;
    const liveRecord = { "sources/b.txt": digest(texts["b.txt"]), "sources/feeds/c.xml.txt": digest("<rss>before</rss>") };
    const baseRecord = { "sources/a.txt": digest(texts["a.txt"]), "sources/feeds/c.xml.txt": digest("<rss>before</rss>"), "sources/gone/d.txt": digest("removed since") };

    // The hashes ingest read: one source's is not given, and is read.
    const digests = new Map(Object.entries(texts).filter(([rel]) => rel !== "b.txt").map(([rel, text]) => [rel, digest(text)]));
    const record = publishSources(from, base, { digests, base: baseRecord, previous: { dir: live, record: liveRecord } });

    assert.deepEqual(record, { "sources/a.txt": digest(texts["a.txt"]), "sources/b.txt": digest(texts["b.txt"]), "sources/feeds/c.xml.txt": digest(texts["feeds/c.xml"]) });
    assert.deepEqual((await readdir(base, { recursive: true })).sort(), ["a.txt", "b.txt", "feeds", "feeds/c.xml.txt"]);
    assert.equal((await stat(join(base, "a.txt"))).ino, keptInode, "a copy the base's record vouches for stays");
    assert.equal((await stat(join(base, "b.txt"))).ino, (await stat(join(live, "b.txt"))).ino, "an unchanged source is linked from the live site");
    assert.equal(await readFile(join(base, "feeds/c.xml.txt"), "utf8"), texts["feeds/c.xml"]);
    assert.equal(await readFile(join(live, "feeds/c.xml.txt"), "utf8"), "<rss>before</rss>", "never written through the live site's link");
    // Without the hashes read ahead, the same record comes from the files.
    assert.deepEqual(publishSources(from, join(dir, "fresh")), record);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("with copies queued (the render's writing thread), stale files go first and a name published twice is copied, never linked", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-sources-"));
  try {
    const [from, live, base] = [join(dir, "from"), join(dir, "live"), join(dir, "base")] as const;
    await mkdir(join(from, "d"), { recursive: true });
    await mkdir(join(live, "d"), { recursive: true });
    await mkdir(join(base, "old"), { recursive: true });
    // "d/a" and "d/a.txt" both publish as d/a.txt; the live site holds the later one's bytes under that name.
    await writeFile(join(from, "d/a"), "first");
    await writeFile(join(from, "d/a.txt"), "second");
    await writeFile(join(live, "d/a.txt"), "second");
    await writeFile(join(base, "old/gone.txt"), "removed since");
    const queued: [string, string][] = [];
    const record = publishSources(from, base, { previous: { dir: live, record: { "sources/d/a.txt": digest("second") } }, copy: (source, target) => queued.push([source, target]) });
    assert.deepEqual(record, { "sources/d/a.txt": digest("second") });
    assert.deepEqual(queued, [
      [join(from, "d/a"), join(base, "d/a.txt")],
      [join(from, "d/a.txt"), join(base, "d/a.txt")],
    ]);
    assert.deepEqual((await readdir(base, { recursive: true })).sort(), ["d"], "the stale file and its folder are gone before any copy; nothing linked");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("asciiJson: any value's JSON in ASCII alone, which parses back to the same value", () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.string({ unit: "binary" }), (value, text) => {
      for (const v of [value, text, [text, { text }]]) {
        const json = asciiJson(v);
        assert.match(json, /^[\x00-\x7e]*$/);
        assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(v)));
      }
    }),
  );
});

test("filesUnder lists the regular files below a folder, as relative '/' paths, not folders, links to folders or a missing folder's", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-files-"));
  try {
    await mkdir(join(dir, "site/a/b/c"), { recursive: true });
    await mkdir(join(dir, "site/empty"));
    await mkdir(join(dir, "elsewhere"));
    for (const f of ["index.html", "a/x.json", "a/b/c/index.html", "a/b/y z.txt"]) await writeFile(join(dir, "site", f), f);
    await writeFile(join(dir, "elsewhere/outside.html"), "");
    await symlink(join(dir, "elsewhere"), join(dir, "site/a/linked"));
    assert.deepEqual(filesUnder(join(dir, "site")).sort(), ["a/b/c/index.html", "a/b/y z.txt", "a/x.json", "index.html"]);
    assert.deepEqual(filesUnder(join(dir, "missing")), []);
    assert.throws(() => filesUnder(join(dir, "missing"), { mustExist: true }), /ENOENT/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

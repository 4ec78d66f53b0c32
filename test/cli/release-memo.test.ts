// The release memo: an ingest that skips emitting and reading unchanged releases writes exactly what one without it writes.
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ingest } from "../../src/cli/ingest.ts";
import { RELEASE_MEMO_FILE } from "../../src/cli/release-memo.ts";
import { readReleaseKey } from "../../src/emit/front-matter.ts";
import { bytesDigest } from "../../src/site/site-files.ts";

const repoSources = join(import.meta.dirname, "../../content/sources");
const taxonomy = join(import.meta.dirname, "../../content/taxonomy");
const quiet = { log: () => {} };

/** Every file under `dir` with its text, by relative path. */
async function texts(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) out.set(join(e.parentPath, e.name).slice(dir.length), await readFile(join(e.parentPath, e.name), "utf8"));
  return out;
}

test("with the memo, a hand-edited or damaged release file is written again and the rest is left alone", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-release-memo-"));
  try {
    const sources = join(dir, "sources");
    await cp(repoSources, sources, { recursive: true });
    const content = join(dir, "content");
    const plain = join(dir, "plain");
    for (const c of [content, plain]) await cp(taxonomy, join(c, "taxonomy"), { recursive: true });
    const cache = join(dir, "cache");
    const memoFile = join(cache, RELEASE_MEMO_FILE);

    await ingest({ sources, content, cache, ...quiet });
    await ingest({ sources, content: plain, ...quiet });
    const expected = await texts(plain);
    assert.deepEqual(await texts(content), expected);
    const memo = JSON.parse(await readFile(memoFile, "utf8")) as { emitted: unknown[]; keys: [string, unknown][] };
    assert.ok(memo.emitted.length > 0, "the memo holds what was emitted");
    // And the key of every file it wrote, taken from the front matter: what reading the file gives.
    const written = [...expected].filter(([file]) => file.startsWith("/releases/"));
    const keys = new Map(memo.keys);
    assert.equal(keys.size, written.length);
    for (const [file, text] of written) assert.deepEqual(keys.get(bytesDigest(text)), readReleaseKey(text), file);

    // Nothing changed: nothing written. The second run learns the files' keys; after it the memo is not written again.
    for (let run = 0; run < 2; run++) {
      const memoTime = (await stat(memoFile)).mtimeMs;
      const again = await ingest({ sources, content, cache, ...quiet });
      assert.equal(again.written + again.removed, 0);
      if (run === 1) assert.equal((await stat(memoFile)).mtimeMs, memoTime);
    }

    // A release file edited by hand no longer hashes as remembered: it is emitted again and restored.
    const releases = [...expected.keys()].filter((f) => f.startsWith("/releases/")).sort();
    const edited = join(content, releases[0]!);
    await writeFile(edited, `${await readFile(edited, "utf8")}\nA line added by hand.\n`);
    const restored = await ingest({ sources, content, cache, ...quiet });
    assert.equal(restored.written, 1);
    assert.deepEqual(await texts(content), expected);

    // A damaged memo is an empty one.
    await writeFile(memoFile, "{ not json");
    const damaged = await ingest({ sources, content, cache, ...quiet });
    assert.equal(damaged.written + damaged.removed, 0);
    assert.deepEqual(await texts(content), expected);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

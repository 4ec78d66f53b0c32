// Ingest with feeds on disk: a text file and a feed item of one release make one file; snapshots never move ids.
import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ingest } from "../../src/cli/ingest.ts";
import { listFiles } from "../../src/cli/files.ts";

const repoSources = join(import.meta.dirname, "../../content/sources");
const snapshot = "state-press-releases-2021-05-23T15-41-11-00-00-46e6074.rss";
const yemen = "releases/2021/05/2021-05-22-yemen-national-day.md";

test("a text file and the feed item of the same release become one release listing both sources", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-feeds-"));
  try {
    const sources = join(dir, "sources");
    const content = join(dir, "content");
    await mkdir(sources, { recursive: true });
    const quiet = { log: () => {} };
    // First the text file alone, then its feed snapshot (saved without an extension: content decides).
    await copyFile(join(repoSources, "245633.txt"), join(sources, "245633.txt"));
    const first = await ingest({ sources, content, ...quiet });
    assert.equal(first.written, 1);
    await copyFile(join(repoSources, snapshot), join(sources, "snapshot-1"));
    const lines: string[] = [];
    const second = await ingest({ sources, content, log: (l) => lines.push(l) });
    assert.deepEqual([second.itemsRead, second.distinctReleases, second.duplicatesMerged, second.reported], [11, 10, 1, 0]);
    assert.match(lines.at(-1)!, /11 items read, 10 distinct releases, 1 duplicates merged/);
    const files = await listFiles(join(content, "releases"));
    assert.equal(files.length, 10);
    const md = await readFile(join(content, yemen), "utf8");
    assert.match(md, /^source:\n {2}format: rss\n {2}path: snapshot-1\n/m);
    assert.match(md, /^otherSources:\n {2}- format: text\n {4}path: 245633.txt\n/m);
    const report = JSON.parse(await readFile(join(content, "ingest-report.json"), "utf8"));
    assert.deepEqual(report.counts, { itemsRead: 11, distinctReleases: 10, duplicatesMerged: 1 });
    assert.equal(report.outcomes.find((o: { path: string }) => o.path === "245633.txt").status, "merged");

    // The same snapshot saved again, and a broken copy: nothing moves, the broken items are reported by item.
    await copyFile(join(repoSources, snapshot), join(sources, "snapshot-2.rss"));
    const text = await readFile(join(repoSources, snapshot), "utf8");
    await writeFile(join(sources, "snapshot-3.xml"), text.replace("<title>Yemen National Day</title>", "<title> </title>").slice(0, text.indexOf("</channel>") - 2000));
    const out: string[] = [];
    const third = await ingest({ sources, content, log: (l) => out.push(l) });
    assert.equal(third.distinctReleases, 10);
    assert.deepEqual(await listFiles(join(content, "releases")), files);
    assert.ok(out.some((l) => l.includes("snapshot-3.xml:") && l.includes("item 2 without a title") && l.endsWith("[FEED_ITEM_WITHOUT_TITLE]")), out.join("\n"));
    assert.ok(out.some((l) => l.includes("snapshot-3.xml:") && l.endsWith("[MALFORMED_FEED]")), out.join("\n"));
    assert.ok(third.reported >= 2);
    await ingest({ sources, content, ...quiet });
    const again = await ingest({ sources, content, ...quiet });
    assert.equal(again.written, 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

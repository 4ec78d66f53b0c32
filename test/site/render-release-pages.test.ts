// A render of few release pages renders them first and says so once they are in place (those to link from the previous site listed as pending, then announced), before the rest of the site: the build indexes them meanwhile.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { ingest } from "../../src/cli/ingest.ts";
import { type PageRecord, RELEASE_PAGES_FIRST } from "../../src/site/page-record.ts";
import { type RenderOptions, renderSite } from "../../src/site/render.ts";
import { SAMPLE_CONFIG, copySample } from "./sample.ts";

/** Renders the ingested sample (`content`, `sources`) into `output`, quietly, with `options` besides. */
const renderSample = (content: string, sources: string, output: string, options: Partial<RenderOptions> = {}) => renderSite({ content, output, sources, config: SAMPLE_CONFIG, quiet: true, ...options });

test("the release pages are in place, with their final bytes, when the render announces them, and nothing else is yet", async () => {
  const { dir, sources, content } = await copySample("communique-release-pages-");
  try {
    await ingest({ sources, content, log: () => {} });
    const output = join(dir, "site");
    const announced: { record: PageRecord; bytes: Map<string, string>; files: string[] }[] = [];
    const result = await renderSample(content, sources, output, {
      onReleasePages: (record, pending) => {
        assert.deepEqual(pending, [], "no previous site: nothing to link");
        const bytes = new Map(Object.keys(record).map((path) => [path, readFileSync(join(output, path), "utf8")]));
        const files = readdirSync(output, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(output.length + 1));
        announced.push({ record, bytes, files });
      },
    });
    const releasePages = Object.keys(result.record).filter((path) => /^releases\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.(html|json)$/.test(path));
    assert.ok(releasePages.length > 0 && releasePages.length <= 2 * RELEASE_PAGES_FIRST, "the sample renders few release pages");
    assert.equal(announced.length, 1, "announced once");
    const [{ record, bytes, files }] = announced as [(typeof announced)[0]];
    assert.deepEqual(Object.keys(record).sort(), releasePages.sort(), "every release page, and only those");
    for (const path of releasePages) {
      assert.equal(record[path], result.record[path], `${path}: its digest`);
      assert.equal(bytes.get(path), readFileSync(join(output, path), "utf8"), `${path}: its final bytes`);
    }
    // Then, besides them, nothing yet: no collected source (copied after), list page, feed or site page.
    assert.deepEqual(files.sort(), releasePages.sort());
    assert.ok(Object.keys(result.record).some((path) => !path.startsWith("sources/") && !releasePages.includes(path)), "the rest came after");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("with the previous site, the changed release pages are announced first and the pages linked from it after", async () => {
  const { dir, sources, content } = await copySample("communique-release-pages-linked-");
  try {
    await ingest({ sources, content, log: () => {} });
    const first = join(dir, "first");
    const before = await renderSample(content, sources, first);
    // One release's body edited: its page and JSON change, and no other release page.
    const releaseFiles = readdirSync(join(content, "releases"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".md"));
    const edited = join(releaseFiles[0]!.parentPath, releaseFiles[0]!.name);
    writeFileSync(edited, `${readFileSync(edited, "utf8").trimEnd()}\n\nA sentence added by an edit.\n`);
    const output = join(dir, "second");
    const seen: { pending: string[]; atAnnouncement: Map<string, string | null>; atLinked: Map<string, string | null> | null } = { pending: [], atAnnouncement: new Map(), atLinked: null };
    const read = (paths: string[]) => new Map(paths.map((path) => [path, existsSync(join(output, path)) ? readFileSync(join(output, path), "utf8") : null]));
    let releasePaths: string[] = [];
    const result = await renderSample(content, sources, output, {
      previous: { site: first, record: before.record },
      onReleasePages: (record, pending) => {
        releasePaths = Object.keys(record);
        seen.pending = pending;
        seen.atAnnouncement = read(releasePaths);
      },
      onReleasePagesLinked: () => {
        seen.atLinked = read(releasePaths);
      },
    });
    const changed = releasePaths.filter((path) => result.record[path] !== before.record[path]);
    assert.equal(changed.length, 2, "the edited release's page and JSON");
    assert.deepEqual([...seen.pending].sort(), releasePaths.filter((path) => !changed.includes(path)).sort(), "every unchanged release page is linked after");
    for (const path of changed) assert.equal(seen.atAnnouncement.get(path), readFileSync(join(output, path), "utf8"), `${path}: in place, final, when announced`);
    for (const path of seen.pending) assert.equal(seen.atAnnouncement.get(path), null, `${path}: not yet linked when announced`);
    assert.ok(seen.atLinked, "the links announced");
    for (const path of releasePaths) assert.equal(seen.atLinked.get(path), readFileSync(join(output, path), "utf8"), `${path}: in place, final, once linked`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

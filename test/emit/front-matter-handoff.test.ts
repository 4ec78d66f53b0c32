// The front matter ingest hands the render (src/site/releases.ts) is exactly what the render would parse from the Markdown ingest wrote.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { ingest } from "../../src/cli/ingest.ts";
import { frontMatterOf, releaseMarkdown } from "../../src/emit/markdown.ts";
import { parseRelease } from "../../src/ingest/parse-release.ts";
import { parseFrontMatter } from "../../src/site/front-matter.ts";
import { splitRelease } from "../../src/site/releases.ts";
import { bytesDigest } from "../../src/site/site-files.ts";
import { SAMPLE_SOURCES } from "../site/sample.ts";

const CORPUS = join(import.meta.dirname, "../../../shared/corpus");
const parsedBack = (markdown: string) => parseFrontMatter(splitRelease(markdown)!.yaml);

test("every release of the real corpus (text files and feed snapshots): the front matter handed over equals the file's, parsed", { skip: !existsSync(CORPUS) && "../shared/corpus is absent" }, async () => {
  const content = mkdtempSync(join(tmpdir(), "handoff-"));
  try {
    const summary = await ingest({ sources: CORPUS, content, log: () => {}, workers: 1 });
    assert.ok(summary.plan.writes.length > 500, "the corpus's releases are written");
    assert.equal(summary.writtenFrontMatter.size, summary.plan.writes.length);
    for (const w of summary.plan.writes) {
      const bytes = readFileSync(join(content, w.file));
      assert.deepStrictEqual(summary.writtenFrontMatter.get(bytesDigest(bytes)), parsedBack(bytes.toString("utf8")), w.file);
    }
  } finally {
    rmSync(content, { recursive: true, force: true });
  }
});

test("front matter with arbitrary text in every free-text field parses back to itself (property)", async () => {
  const path = "000_0399d071038372ee.txt";
  const { release } = parseRelease(readFileSync(join(SAMPLE_SOURCES, path)), { path });
  assert.ok(release);
  // Text that YAML must quote, escape or fold: indicators, numbers, booleans, dates, breaks, controls, non-Latin.
  const tricky = fc.constantFrom("-", "- x", "? x", ": x", "a: b", "#x", "a #b", "---", "...", "'q'", '"q"', "true", "null", "~", "1", "0x1F", "1e3", ".5", "2021-06-04", "a\nb", "a\tb", "\u0007", "é", "日本", "[x]", "{x}", "*x", "&x", "!x", "|", ">", "@x", "`x", " x ", "\u00a0");
  const text = fc.oneof(tricky, fc.string({ minLength: 1, maxLength: 20 }), fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 }));
  fc.assert(
    fc.property(text, fc.option(text, { nil: null }), fc.array(fc.record({ name: text, title: fc.option(text, { nil: null }) }), { maxLength: 3 }), fc.array(text, { maxLength: 3 }), (title, location, speakers, places) => {
      // Plain objects, as ingest makes them (fast-check draws records without a prototype).
      const changed = { ...release, title, location, speakers: speakers.map((s) => ({ ...s })), places, organizations: places };
      assert.deepStrictEqual(parsedBack(releaseMarkdown(changed)), frontMatterOf(changed));
    }),
    { numRuns: 300 },
  );
});

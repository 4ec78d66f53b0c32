// Reading front matter back never throws, whatever the text or bytes of a release file: it is a record or an error.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { readFrontMatter, readReleaseKey, splitFrontMatter } from "../../src/emit/front-matter.ts";

const frontMatterish = fc
  .array(fc.oneof(fc.constantFrom("---", "id: 2021-01-01-x", "title: T", "date: 2021-01-01", "source: {path: p}", "&a [1]", "*a", "!!js/function x", "<<: *a", "? k", "- - -", "'", '"', "\t"), fc.string({ maxLength: 20 })), { maxLength: 20 })
  .map((lines) => lines.join("\n"));

function check(text: string): void {
  const t = performance.now();
  splitFrontMatter(text);
  const fm = readFrontMatter(text);
  assert.ok(fm.ok || typeof fm.error === "string");
  const key = readReleaseKey(text);
  assert.ok(key.ok || typeof key.error === "string");
  assert.ok(performance.now() - t < 5000, "bounded time");
}

test("front-matter-like text, arbitrary strings and bytes never make the readers throw (property)", () => {
  fc.assert(fc.property(frontMatterish, check), { numRuns: 1000 });
  fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => check(`---\n${s}\n---\n`)), { numRuns: 500 });
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => check(Buffer.from(b).toString("utf8"))), { numRuns: 500 });
});

test("the fast path of readReleaseKey (id, source path and guid lines) never throws on what those lines hold (property)", () => {
  const line = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("[", "{", "*a", "&a", '"', "'", "!!binary x", "2021-01-01-x"));
  fc.assert(
    fc.property(line, line, line, (id, path, guid) => check(`---\nid: ${id}\nsource:\n  path: ${path}\n  guid: ${guid}\notherSources: []\n---\n`)),
    { numRuns: 1000 },
  );
});

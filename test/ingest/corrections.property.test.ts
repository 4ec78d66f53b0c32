// A curator correction, whatever its text or bytes, either corrects the release or is one BAD_CORRECTION: never a throw.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { applyCorrection } from "../../src/ingest/corrections.ts";
import { parseRelease } from "../../src/ingest/parse-release.ts";
import { readTaxonomy } from "../../src/ingest/taxonomy.ts";

const seed = parseRelease("A Title\n\nMedia Note\n\nOffice of the Spokesperson\n\nAugust 26, 2014\n\nA body.\n", { path: "s.txt" }).release!;

const correctionish = fc
  .array(fc.oneof(fc.constantFrom("id: other", "title: New", "date: 2021-02-30", "type: null", "topics: [a, b]", "topics: [BAD]", "speakers: x", "&a x", "*a", "a: &a [*a, *a, *a]", "b: [*a, *a, *a, *a]", "- x", "? x", "'", "---", "..."), fc.string({ maxLength: 20 })), { maxLength: 15 })
  .map((lines) => lines.join("\n"));

function check(text: string): void {
  const t = performance.now();
  const result = applyCorrection(seed, { id: seed.id, path: "corrections/x.yaml", text });
  if ("error" in result) assert.equal(result.error.code, "BAD_CORRECTION");
  else assert.equal(result.release.id, seed.id, "the id never changes");
  assert.ok(performance.now() - t < 5000, "bounded time");
}

test("correction-like YAML, arbitrary strings and bytes never make a correction throw (property)", () => {
  assert.ok(seed);
  fc.assert(fc.property(correctionish, check), { numRuns: 1000 });
  fc.assert(fc.property(fc.string({ maxLength: 300 }), check), { numRuns: 500 });
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => check(Buffer.from(b).toString("latin1"))), { numRuns: 500 });
});

test("the topic taxonomy, whatever its text, is read or is one BAD_TAXONOMY: never a throw (property)", () => {
  fc.assert(
    fc.property(fc.oneof(correctionish, fc.string({ maxLength: 300 })), (text) => {
      const result = readTaxonomy(text, "taxonomy/topics.yaml");
      if ("error" in result) assert.equal(result.error.code, "BAD_TAXONOMY");
    }),
    { numRuns: 1000 },
  );
});

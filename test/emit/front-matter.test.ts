// Front matter written with the yaml library reads back to the same record (property), in schema key order.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { readFrontMatter, readReleaseKey, splitFrontMatter } from "../../src/emit/front-matter.ts";
import { frontMatterOf, releaseMarkdown } from "../../src/emit/markdown.ts";
import { FRONT_MATTER_KEYS, type Release } from "../../src/model/release.ts";

const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.length > 0);
const person = fc.record({ name: text, title: fc.option(text, { nil: null }) });
const date = fc.date({ min: new Date("1990-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const code = fc.constantFrom("US", "KR", "FR", "EU");
const source = fc.record({
  format: fc.constantFrom("text" as const, "rss" as const, "atom" as const),
  path: text,
  sha256: fc.constant("a".repeat(64)),
  guid: fc.option(text, { nil: null }),
  link: fc.option(text, { nil: null }),
  collectedOn: fc.option(date, { nil: null }),
  collection: fc.option(text, { nil: null }),
  origin: fc.option(text, { nil: null }),
});
const release: fc.Arbitrary<Release> = fc.record({
  id: fc.tuple(date, fc.constantFrom("a", "joint-statement", "x-2")).map(([d, s]) => `${d}-${s}`),
  title: text,
  date,
  type: fc.option(text, { nil: null }),
  office: fc.option(text, { nil: null }),
  speakers: fc.array(person, { maxLength: 3 }),
  transcriptSpeakers: fc.array(text, { maxLength: 3 }),
  location: fc.option(text, { nil: null }),
  preamble: fc.option(text, { nil: null }),
  delegations: fc.array(
    fc.record({ country: text, countryCode: fc.option(code, { nil: null }), heads: fc.array(person, { maxLength: 2 }), members: fc.array(text, { maxLength: 3 }), participants: fc.array(person, { maxLength: 2 }) }),
    { maxLength: 2 },
  ),
  countries: fc.array(code, { maxLength: 3 }),
  people: fc.array(fc.record({ id: fc.constantFrom("antony-blinken", "choi-sung-joo"), name: text, title: fc.option(text, { nil: null }) }), { maxLength: 3 }),
  organizations: fc.array(text, { maxLength: 3 }),
  places: fc.array(text, { maxLength: 3 }),
  events: fc.array(text, { maxLength: 3 }),
  topics: fc.array(fc.constantFrom("cybersecurity", "human-rights", "arms-control"), { maxLength: 3 }),
  source,
  otherSources: fc.array(source, { maxLength: 2 }),
  revisions: fc.array(fc.record({ date, changes: text }), { maxLength: 2 }),
  corrected: fc.option(fc.record({ on: fc.option(date, { nil: null }), fields: fc.array(fc.constantFrom("title", "type", "topics"), { minLength: 1, maxLength: 3 }) }), { nil: null }),
  body: fc.array(fc.record({ kind: fc.constant("paragraph" as const), text }), { maxLength: 3 }),
});

test("emit then read front matter round-trips (property)", () => {
  fc.assert(
    fc.property(release, (r) => {
      const back = readFrontMatter(releaseMarkdown(r));
      assert.ok(back.ok, back.ok ? "" : back.error);
      assert.deepEqual(back.value, JSON.parse(JSON.stringify(frontMatterOf(r))));
      assert.deepEqual(Object.keys(back.value), FRONT_MATTER_KEYS);
      // The fast key reader agrees with the full parse on every emitted file.
      const keys = [r.source, ...r.otherSources].map((s) => s.guid ?? s.path);
      assert.deepEqual(readReleaseKey(releaseMarkdown(r)), { ok: true, id: r.id, sourcePath: r.source.path, keys });
    }),
    { numRuns: 500 },
  );
});

test("a bad front matter is rejected with the field's path", () => {
  const bad = readFrontMatter("---\nid: nope\ntitle: x\n---\n");
  assert.equal(bad.ok, false);
  assert.match(bad.ok ? "" : bad.error, /^id: /);
});

test("a value holding --- does not end the front matter (found by the round-trip property)", () => {
  const md = "---\nid: 1990-01-01-a\ncollection: --- x\n---\n\nBody ---\n";
  const split = splitFrontMatter(md);
  assert.deepEqual(split, { yaml: "id: 1990-01-01-a\ncollection: --- x", body: "\nBody ---\n" });
});

// Citations filled in from a shape's template equal citeproc's own, on the real corpus's releases and on generated items; fields citeproc changes are never shaped.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { frontMatterOf } from "../../src/emit/markdown.ts";
import { parseRelease } from "../../src/ingest/parse-release.ts";
import type { FrontMatter } from "../../src/model/release.ts";
import { shapeOf } from "../../src/site/citation-shapes.ts";
import { cslItem, formatCitationBatch } from "../../src/site/citations.ts";
import { SAMPLE_CONFIG } from "./sample.ts";

const CORPUS = join(import.meta.dirname, "../../../shared/corpus/text");

/** A release's front matter, as far as its citation reads it. */
function frontMatter(fields: { id: string; title: string; date: string; type?: string | null; office?: string | null; location?: string | null; speakers?: string[] }): FrontMatter {
  return { type: null, office: null, location: null, ...fields, speakers: (fields.speakers ?? []).map((name) => ({ name, title: null })) } as unknown as FrontMatter;
}

test("the real corpus's citations come out the same by shape as from citeproc alone, most of them by shape", () => {
  // Each release as ingest parses it: its title, date, type, office or speakers, place.
  const items = readdirSync(CORPUS)
    .sort()
    .flatMap((file) => {
      const { release } = parseRelease(readFileSync(join(CORPUS, file)), { path: file });
      return release ? [cslItem(frontMatterOf(release), `https://example.org/releases/${file.replace(".txt", "")}/`, SAMPLE_CONFIG)] : [];
    });
  assert.ok(items.length > 550, `${items.length} releases`);
  // In batches, as the worker formats them: shapes are learnt in one batch and used in the next.
  const batches = (byShape: boolean) => Array.from({ length: Math.ceil(items.length / 64) }, (_, b) => formatCitationBatch(items.slice(b * 64, b * 64 + 64), { byShape })).flat();
  assert.deepEqual(batches(true), batches(false));
  const shaped = items.filter((item) => shapeOf(item, false)).length;
  assert.ok(shaped > items.length * 0.9, `${shaped} of ${items.length} shaped`);
  // Speakers' names are shaped (Chicago, MLA), and titles with quotes (turned into single quotes inside a quoted
  // title) are formatted by citeproc.
  assert.ok(items.filter((item) => (item.author as Record<string, string>[] | undefined)?.some((a) => "given" in a) && shapeOf(item, false)).length > 100);
  assert.ok(items.some((item) => /[“"]/.test(String(item.title)) && !shapeOf(item, false)));
});

const plainWord = fc.stringMatching(/^[A-Z][a-zé]{1,8}$/);
/** Words, most of letters, some numbers, some of the characters near the edges of what a shape takes: punctuation, quotes, `&`, doubled spaces. */
const word = fc.oneof({ arbitrary: plainWord, weight: 6 }, { arbitrary: fc.stringMatching(/^[0-9]{1,4}$/), weight: 1 }, { arbitrary: fc.stringMatching(/^[A-Za-zÀ-ÿ0-9’.?!,:;()\-–"'&<$%#®+/ ]{1,12}$/), weight: 1 });
const text = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(" "));

test("an item formatted by shape is formatted as citeproc formats it, whatever its fields (property)", () => {
  const date = fc.tuple(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  const name = fc.oneof(
    fc.tuple(plainWord, plainWord).map(([given, family]) => `${given} ${family}`),
    fc.tuple(plainWord, fc.constantFrom("A.", "J.", "M.-L."), plainWord).map(([given, initial, family]) => `${given} ${initial} ${family}`),
    fc.tuple(plainWord, plainWord, fc.constantFrom("Jr.", "III")).map(([given, family, suffix]) => `${given} ${family}, ${suffix}`),
    fc.tuple(plainWord, fc.constantFrom("van", "de", "Le", "de la", "al-"), plainWord).map(([given, particle, family]) => `${given} ${particle} ${family}`),
    fc.tuple(fc.constantFrom("Jean-Yves", "Mary Ann", "J. R.", "Zoë"), fc.constantFrom("O’Brien", "Smith-Jones", "McKeon", "D’Souza")).map(([given, family]) => `${given} ${family}`),
    text,
  );
  const release = fc.record({
    title: text,
    date,
    type: fc.option(fc.constantFrom("Press Statement", "Remarks", "Media Note", "Remarks?"), { nil: null }),
    office: fc.option(fc.oneof(text, fc.constant("Office of the Spokesperson")), { nil: null }),
    location: fc.option(fc.oneof(text, fc.constant("Washington, DC")), { nil: null }),
    speakers: fc.array(name, { maxLength: 4 }),
  });
  let shaped = 0;
  fc.assert(
    fc.property(fc.array(release, { minLength: 1, maxLength: 6 }), (releases) => {
      const items = releases.map((r, i) => cslItem(frontMatter({ ...r, id: `${r.date}-${i}` }), `https://example.org/r/${i}/`, SAMPLE_CONFIG));
      shaped += items.filter((item) => shapeOf(item, false)).length;
      assert.deepEqual(formatCitationBatch(items), formatCitationBatch(items, { byShape: false }));
    }),
    { numRuns: 150 },
  );
  // Not vacuous: many items were filled in from templates.
  assert.ok(shaped > 100, `${shaped} items shaped`);
});

test("fields citeproc would change are not shaped", () => {
  const base = cslItem(frontMatter({ id: "2021-06-03-a", title: "Statement on Peace", date: "2021-06-03", office: "Office of the Spokesperson" }), "https://example.org/r/a/", SAMPLE_CONFIG);
  assert.ok(shapeOf(base, false));
  for (const title of ["On “Quotes”", "Q&A", "A <b>bold</b> word", "Two  spaces", "It's", " Leading space", "[Bracketed]", "Footnote¹"]) assert.equal(shapeOf({ ...base, title }, false), null, title);
  // A title ending in punctuation is shaped with it: citeproc merges it with what follows.
  assert.notEqual(shapeOf({ ...base, title: "What Next?" }, false)?.key, shapeOf(base, false)?.key);
  // Given names become initials in a style that initializes them: never shaped there.
  const person = { ...base, author: [{ given: "Antony J.", family: "Blinken" }] };
  assert.ok(shapeOf(person, false));
  assert.equal(shapeOf(person, true), null);
  // A field the shape does not know, or a URL with a query, is not shaped.
  assert.equal(shapeOf({ ...base, note: "x" }, false), null);
  assert.equal(shapeOf({ ...base, URL: "https://example.org/r/?a=1&b=2" }, false), null);
});

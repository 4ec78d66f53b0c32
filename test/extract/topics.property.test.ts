// The trie-walking topic matcher scores every text exactly as the straightforward word-by-word matcher it replaced.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import fc from "fast-check";
import { parse } from "yaml";
import { compileTaxonomy, rankTopics, topicScores } from "../../src/extract/topics.ts";
import * as reference from "./reference/topics.ts";
import type { Taxonomy } from "../../src/model/taxonomy.ts";

const curated = parse(readFileSync(new URL("../../content/taxonomy/topics.yaml", import.meta.url), "utf8")) as Taxonomy;

/** Pieces texts are made of: the curated phrases' words in several cases, and the characters that part or join words. */
const WORDS = [...new Set(curated.topics.flatMap((t) => t.phrases.flatMap((p) => p.replace(/\*$/, "").split(/[\s-]+/))))];
const PIECES = [
  ...WORDS,
  ...WORDS.map((w) => w.toUpperCase()),
  ...WORDS.map((w) => w[0]!.toUpperCase() + w.slice(1)),
  ..." \n\t-'’‘+_.,;()0123456789aeséÉĀāſƀßẞKÅİıΣσ\u0307😀\ud83dxyz",
  "s",
  "ing",
  "women’s",
  "'s",
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(""));

test("the curated taxonomy scores arbitrary texts as the reference does", () => {
  const mine = compileTaxonomy(curated);
  const theirs = reference.compileTaxonomy(curated);
  fc.assert(
    fc.property(text, text, (title, body) => {
      assert.deepEqual(topicScores(title, body, mine), reference.topicScores(title, body, theirs));
      assert.deepEqual(rankTopics(title, body, mine), reference.rankTopics(title, body, theirs));
    }),
    { numRuns: 3000 },
  );
});

/** Small taxonomies over a few letters, so phrases share prefixes, nest, repeat and end in wildcards. */
const letters = fc.string({ unit: fc.constantFrom("a", "b", "c", "é", "'", "’"), minLength: 1, maxLength: 4 });
const phrase = fc
  .tuple(fc.array(letters, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean())
  .map(([w, wildcard, upper]) => (upper ? w.join(" ").toUpperCase() : w.join(" ")) + (wildcard ? "*" : ""));
const taxonomy = fc
  .array(fc.array(phrase, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 })
  .map((topics): Taxonomy => ({ topics: topics.map((phrases, i) => ({ slug: `t${i}`, label: `T${i}`, phrases })) }));
const smallText = fc.array(fc.constantFrom("a", "b", "c", "A", "B", "é", "É", "'", "’", " ", "-", "+", "İ", "\n", "x"), { maxLength: 30 }).map((p) => p.join(""));

test("arbitrary taxonomies score arbitrary texts as the reference does", () => {
  fc.assert(
    fc.property(taxonomy, smallText, smallText, (t, title, body) => {
      assert.deepEqual(topicScores(title, body, compileTaxonomy(t)), reference.topicScores(title, body, reference.compileTaxonomy(t)));
    }),
    { numRuns: 3000 },
  );
});

test("every UTF-16 code unit parts or joins words as lower-casing the text does", () => {
  const mine = compileTaxonomy(curated);
  const theirs = reference.compileTaxonomy(curated);
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    const body = `cyber${ch}attack human${ch}rights women${ch}s ${ch}ransomware${ch} nuclear weapon${ch}s`;
    assert.deepEqual(topicScores("", body, mine), reference.topicScores("", body, theirs), `U+${c.toString(16)}`);
  }
});

test("only U+0130 lower-cases to more than one code unit (the matcher lower-cases such texts whole)", () => {
  const longer: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (String.fromCharCode(c).toLowerCase().length !== 1) longer.push(c);
  assert.deepEqual(longer, [0x130]);
});

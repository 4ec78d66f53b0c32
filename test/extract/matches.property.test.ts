// allMatches gives exactly the matches String#matchAll gives, empty matches and surrogate pairs included.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { allMatches } from "../../src/extract/matches.ts";

const PATTERNS = [/[A-Z][a-z.]*/g, /\b\w*/g, /x*/g, /(?:)/gu, /(?:)/g, /.?/gu, /([.!?])\s+(?=[A-Z])/g, /(a)|(b)/g, /\p{Lu}*/gu];
const text = fc.string({ unit: fc.constantFrom("a", "b", "x", "A", "Z", ".", " ", "!", "é", "😀", "\ud83d", "\n"), maxLength: 30 });

test("allMatches equals matchAll, and leaves the pattern rewound", () => {
  fc.assert(
    fc.property(fc.constantFrom(...PATTERNS), text, (re, s) => {
      const mine = allMatches(re, s).map((m) => [m.index, [...m]]);
      const theirs = [...s.matchAll(re)].map((m) => [m.index, [...m]]);
      assert.deepEqual(mine, theirs);
      assert.equal(re.lastIndex, 0);
    }),
    { numRuns: 2000 },
  );
});

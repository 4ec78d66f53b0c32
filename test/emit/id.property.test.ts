// The slug's fast path for plain-ASCII titles gives exactly what @sindresorhus/slugify gives.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import slugify from "@sindresorhus/slugify";
import { ASCII_SLUG_OPTIONS, titleSlug } from "../../src/emit/id.ts";

const OPTIONS = { decamelize: false, separator: "-" } as const;

/** ASCII strings made of the characters that matter to a slug: words, digits, apostrophes, `&`, `^`, `` ` ``, dashes, controls. */
const asciiTitle = fc
  .array(fc.oneof(fc.constantFrom("U.S.", "Secretary", "Blinken's", "DON'T", "it's", "it'sa", "R&D", "A & B", "^", "`", "-", "--", "'", "\\", "_", "2022", "Q1", "e^x", "`x`", " ", "\t", "\n", "\u0000", "\u007f"), fc.string({ unit: "binary-ascii", maxLength: 8 })), { maxLength: 12 })
  .map((parts) => parts.join(""));

test("on ASCII strings without ^ and `, slugify without transliteration equals slugify with it (property)", () => {
  const fast = (s: string) => slugify(s.replace(/[\^`]/g, ""), ASCII_SLUG_OPTIONS);
  fc.assert(fc.property(fc.string({ unit: "binary-ascii", maxLength: 60 }), (s) => assert.equal(fast(s), slugify(s, OPTIONS))), { numRuns: 3000 });
  fc.assert(fc.property(asciiTitle, (s) => assert.equal(fast(s), slugify(s, OPTIONS))), { numRuns: 3000 });
});

/** titleSlug as it was before the fast path: the library on every title. */
function titleSlugByLibrary(title: string): string {
  const full = slugify(title.replace(/['’]/g, "").replace(/\b(\p{L})\.(?=\p{L}\b)/gu, "$1"), OPTIONS);
  if (full.length === 0) return "release";
  if (full.length <= 100) return full;
  const cut = full.slice(0, 101);
  const at = cut.lastIndexOf("-");
  return at > 20 ? cut.slice(0, at) : full.slice(0, 100);
}

test("titleSlug equals the library's slug on any title, ASCII or not (property)", () => {
  const mixed = fc.array(fc.oneof(asciiTitle, fc.constantFrom("é", "Ø", "ß", "’", "–", "—", "🦄", "♥", "Ю", "ü", "ﬁ", "Ⅻ"), fc.string({ maxLength: 6 })), { maxLength: 20 }).map((p) => p.join(""));
  fc.assert(fc.property(fc.oneof(asciiTitle, mixed, fc.string({ unit: "grapheme", maxLength: 140 })), (t) => assert.equal(titleSlug(t), titleSlugByLibrary(t))), { numRuns: 3000 });
});

// The character-scanning country finder finds exactly what the regex-driven finder it replaced found.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { findCountries } from "../../src/extract/countries.ts";
import * as reference from "./reference/countries.ts";

/** Names, parts of names, look-alikes and the characters that part, join or hide them. */
const PIECES = [
  "United", "States", "United States", "Kingdom", "Arab", "Emirates", "Korea", "Republic", "of", "the", "Congo",
  "Guinea", "Guinea-Bissau", "Bissau", "U.S.", "U.S", "U.K.", "R.O.K.", "ROK", "DPRK", "PRC", "Iraq", "Iraq’s", "Iraq's",
  "Côte", "d’Ivoire", "d'Ivoire", "Côte d’Ivoire", "Timor-Leste", "East", "Timor", "Latin", "American", "New", "Mexico",
  "Papua", "Gulf", "Sea", "Indian", "Ocean", "South", "Sudan", "Africa", "North", "Macedonia", "Central", "Israel",
  "Israeli", "Israelis", "Syrians", "iPhone", "Holy See", "Viet Nam", "Burkina Faso", "Saint", "Lucia", "St.", "The",
  "Gambia", "Bosnia", "and", "Herzegovina", "States.", "States's", "America", "Korea.", "of America", "Hong Kong", "Estonian", "Ukraine", "Ukraine-Russia", "U.S.-ROK",
  ..." \n\t\u00a0\u2003\ufeff-.'’‘,;()0123456789aéÉĀāſ\u0301😀\ud83dxyzZ",
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(""));
const spaced = fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((p) => p.join(" "));
/** Few words, so multi-word names ("United States of America") come up with periods, possessives and hyphens inside. */
const NAME_WORDS = ["United", "States", "States.", "States's", "States’s", "States-", "of", "America", "Republic", "Korea", "the", "Congo", "Democratic", "People's", "People’s", "Arab", "Emirates"];
const names = fc.array(fc.constantFrom(...NAME_WORDS), { maxLength: 12 }).map((p) => p.join(" "));

test("findCountries equals the reference on arbitrary texts", () => {
  fc.assert(
    fc.property(fc.oneof(text, spaced, names, fc.string(), fc.string({ unit: "binary" })), (s) => {
      assert.deepEqual(findCountries(s), reference.findCountries(s));
    }),
    { numRuns: 5000 },
  );
});

test("every UTF-16 code unit parts or joins words as the reference reads it", () => {
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    const s = `United${ch}States ${ch}Iraq${ch}s Côte${ch}d’Ivoire U.S.${ch}ROK New${ch}Mexico${ch} Korea${ch}`;
    assert.deepEqual(findCountries(s), reference.findCountries(s), `U+${c.toString(16)}`);
  }
});

// The sentence split, findPeople, findOrganisationsInSentence and dedupe, tuned for speed, equal their first versions on arbitrary text.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { sentences } from "../../src/extract/sentences.ts";
import { findPeople } from "../../src/extract/people.ts";
import { dedupe, findOrganisationsInSentence } from "../../src/extract/organizations.ts";
import * as reference from "./reference/straightforward.ts";
import * as referenceOrganisations from "./reference/organizations.ts";

/** Words and marks the readers react to: titles, honorifics, initials, particles, organisation heads and tails, acronyms. */
const WORDS = [
  "Secretary", "of", "State", "Antony", "J.", "Blinken", "Minister", "Foreign", "Mr.", "Dr.", "Ms", "HE", "H.E.", "Jr.", "de", "van",
  "the", "The", "and", "met", "with", "Ambassador", "Chargé", "d’Affaires", "minister", "Deputy", "Assistant", "Affairs", "Defense",
  "Ministry", "Ministries", "Departments", "Department", "Agency", "Office", "Council", "Bureau", "Union", "Homeland", "Security",
  "U.S.", "U.N.", "NATO", "NATO’s", "EU", "DoD", "ROK", "USAID", "UNSC", "A.", "e.g.", "Jan.", "No.", "St.", "a.m.", "etc.",
  "O’Neil", "Ōta", "Édouard", "Ålesund", "X", "y", "2024", "(", ")", "“", "”", "\"", "’s", ",", ";", ":", ".", "!", "?", "-",
];
const SEPARATORS = [" ", " ", " ", "  ", "\u00a0", "\t", ". ", ", ", "\n", ""];
const prose = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 30 })
  .map((parts) => parts.map(([w, s]) => w + s).join(""));
const anyText = fc.oneof(prose, fc.string({ maxLength: 40 }), fc.string({ unit: fc.constantFrom("a", "A", "J", ".", " ", "’", "(", "“", "ß", "İ", "\u0300"), maxLength: 30 }));

test("sentences equals the first version", () => {
  fc.assert(fc.property(anyText, (s) => assert.deepEqual(sentences(s), reference.sentences(s))), { numRuns: 5000 });
});

test("findPeople equals the first version", () => {
  fc.assert(fc.property(anyText, (s) => assert.deepEqual(findPeople(s), reference.findPeople(s))), { numRuns: 5000 });
});

test("findOrganisationsInSentence equals the first version", () => {
  fc.assert(fc.property(anyText, (s) => assert.deepEqual(findOrganisationsInSentence(s), referenceOrganisations.findOrganisationsInSentence(s))), { numRuns: 5000 });
});

test("dedupe equals the first version", () => {
  const name = fc.array(fc.constantFrom("Ministry", "of", "Science", ",", ", ICT", "Agency", "A", "B"), { maxLength: 5 }).map((w) => w.join(" ").replace(/ ,/g, ","));
  fc.assert(fc.property(fc.array(name, { maxLength: 8 }), (names) => assert.deepEqual(dedupe(names), reference.dedupe(names))), { numRuns: 5000 });
});

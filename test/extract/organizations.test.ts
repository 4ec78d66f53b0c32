// Organisations named in a sentence: where one name ends and the next begins, and what is not an organisation.
import assert from "node:assert/strict";
import { test } from "node:test";
import { findOrganisationsInSentence } from "../../src/extract/organizations.ts";

const cases: [sentence: string, expected: string[]][] = [
  ["They met officials of the Ministry of Finance and the Ministry of Defense.", ["Ministry of Finance", "Ministry of Defense"]],
  ["The Department of State and the European External Action Service held talks.", ["Department of State", "European External Action Service"]],
  ["I thank my friend Tony and the State Department for their work.", ["State Department"]],
  ["Jordan and the GCC Interconnection Authority signed the deal.", ["GCC Interconnection Authority", "Gulf Cooperation Council"]],
  ["The Department of Defense and Department of State agreed.", ["Department of Defense", "Department of State"]],
  ["The Ethiopian Human Rights Commission and the UN Human Rights Council reported.", ["Ethiopian Human Rights Commission", "UN Human Rights Council", "United Nations"]],
  // A plain "and" stays inside a name.
  ["The Ministry of Science and Technology hosted the meeting.", ["Ministry of Science and Technology"]],
  ["The Cybersecurity and Infrastructure Security Agency issued guidance.", ["Cybersecurity and Infrastructure Security Agency"]],
  // An article opens a name: the words before it are not part of it.
  ["Did the State Department comment?", ["State Department"]],
  ["Kari Johnstone of the Office of Religious Freedom spoke.", ["Office of Religious Freedom"]],
  // A place that ends in a tail word.
  ["Violence in Israel and the West Bank must stop.", []],
  ["Settlements in the West Bank were discussed.", []],
];

for (const [sentence, expected] of cases) {
  test(`organisations in “${sentence}”`, () => {
    assert.deepEqual(findOrganisationsInSentence(sentence), expected);
  });
}

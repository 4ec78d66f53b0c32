// Speaker lines: one or several "Name, Title" pairs, titles with commas, title-first names, honorifics.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readSpeakerLine } from "../../src/extract/speakers.ts";
import { isOfficeLine, readReleaseType } from "../../src/extract/vocabulary.ts";

test("speaker lines", () => {
  const cases: [string, { name: string; title: string }[] | null][] = [
    ["Antony J. Blinken, Secretary of State", [{ name: "Antony J. Blinken", title: "Secretary of State" }]],
    ["Ned Price, Department Spokesperson", [{ name: "Ned Price", title: "Department Spokesperson" }]],
    [
      "Antony J. Blinken, Secretary of State, Dmytro Kuleba, Ukrainian Foreign Minister",
      [
        { name: "Antony J. Blinken", title: "Secretary of State" },
        { name: "Dmytro Kuleba", title: "Ukrainian Foreign Minister" },
      ],
    ],
    [
      "Brian P. McKeon, Deputy Secretary of State for Management and Resources, Mark Feierstein, Principal Advisor to the Administrator, U.S. Agency for International Development (USAID)",
      [
        { name: "Brian P. McKeon", title: "Deputy Secretary of State for Management and Resources" },
        { name: "Mark Feierstein", title: "Principal Advisor to the Administrator, U.S. Agency for International Development (USAID)" },
      ],
    ],
    [
      "Antony J. Blinken, Secretary of State, German Chancellor Angela Merkel",
      [
        { name: "Antony J. Blinken", title: "Secretary of State" },
        { name: "Angela Merkel", title: "German Chancellor" },
      ],
    ],
    ["Surangel Whipps, Jr., President of Palau", [{ name: "Surangel Whipps, Jr.", title: "President of Palau" }]],
    ["Antony J. Blinken, Secretary of State, Dr. Subrahmanyam Jaishankar, Indian Minister of External Affairs", [
      { name: "Antony J. Blinken", title: "Secretary of State" },
      { name: "Subrahmanyam Jaishankar", title: "Indian Minister of External Affairs" },
    ]],
    ["Washington, DC", null],
    ["New York, New York", null],
    ["United Nations Headquarters", null],
    ["Office of the Spokesperson", null],
  ];
  for (const [line, expected] of cases) assert.deepEqual(readSpeakerLine(line), expected, line);
});

test("release types and office lines", () => {
  assert.equal(readReleaseType("Media Note"), "Media Note");
  assert.equal(readReleaseType("press statement"), "Press Statement");
  assert.equal(readReleaseType("Joint Press Statement"), "Joint Press Statement");
  assert.equal(readReleaseType("Washington, DC"), null);
  assert.equal(readReleaseType("Secretary Blinken's Statement on the Anniversary of the Coup"), null);
  assert.ok(isOfficeLine("Office of the Spokesperson"));
  assert.ok(isOfficeLine("Bureau of Consular Affairs"));
  assert.ok(isOfficeLine("U.S. Department of State"));
  assert.ok(!isOfficeLine("Washington, DC"));
  assert.ok(!isOfficeLine("Antony J. Blinken, Secretary of State"));
});

// Curator corrections override front-matter fields, are checked by the schema, and point at the bad line.
import assert from "node:assert/strict";
import { test } from "node:test";
import { applyCorrection } from "../../src/ingest/corrections.ts";
import { parseRelease } from "../../src/ingest/parse-release.ts";

const { release } = parseRelease("A Title\n\nOffice of the Spokesperson\n\nMay 21, 2021\n\nText.\n", { path: "a.txt" });
const file = (text: string) => ({ id: release!.id, path: "corrections/x.yaml", text });

test("a correction replaces the fields it names and nothing else", () => {
  const out = applyCorrection(release!, file("type: Press Statement\ntopics:\n  - cybersecurity\n"));
  assert.ok("release" in out);
  assert.equal(out.release.type, "Press Statement");
  assert.deepEqual(out.release.topics, ["cybersecurity"]);
  assert.equal(out.release.title, "A Title");
  assert.deepEqual(out.release.body, release!.body);
  assert.deepEqual(out.release.corrected, { on: null, fields: ["type", "topics"] });
});

test("a dated correction records its date, which is not a field of the release", () => {
  const out = applyCorrection(release!, file("correctedOn: 2026-11-27\ntitle: A Better Title\n"));
  assert.ok("release" in out);
  assert.equal(out.release.title, "A Better Title");
  assert.deepEqual(out.release.corrected, { on: "2026-11-27", fields: ["title"] });
  assert.equal("correctedOn" in out.release, false);
});

test("an empty correction changes nothing", () => {
  const out = applyCorrection(release!, file(""));
  assert.ok("release" in out);
  assert.deepEqual(out.release, release);
});

test("bad corrections are errors that name the file and line", () => {
  const cases: [string, RegExp, number][] = [
    ["type: Remarks\ndate: 2021-13-45x\n", /date/, 2],
    ["title: [unclosed\n", /YAML/, 2],
    ["type: Remarks\nnotAField: 1\n", /notAField/, 2],
    ["id: 2021-01-01-other\n", /id cannot be corrected/, 1],
    ["type: Remarks\ncorrected: null\n", /corrected cannot be corrected/, 2],
    ["type: Remarks\ncorrectedOn: 2026-02-30\n", /correctedOn value, expected a YYYY-MM-DD date/, 2],
    ["correctedOn: yesterday\ntype: Remarks\n", /correctedOn value/, 1],
    ["- a list\n", /mapping/, 1],
  ];
  for (const [text, reason, line] of cases) {
    const out = applyCorrection(release!, file(text));
    assert.ok("error" in out, text);
    assert.equal(out.error.code, "BAD_CORRECTION");
    assert.equal(out.error.path, "corrections/x.yaml");
    assert.match(out.error.reason, reason);
    assert.equal(out.error.start.line, line, text);
  }
});

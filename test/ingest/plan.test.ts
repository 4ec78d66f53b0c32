// Ingest planning: ids never move once given, collisions get -2, unchanged files are not rewritten, gone sources are removed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseRelease } from "../../src/ingest/parse-release.ts";
import { planIngest } from "../../src/ingest/plan.ts";
import { onDisk } from "./existing.ts";

const source = (title: string, body = "Text.") => `${title}\n\nOffice of the Spokesperson\n\nMay 21, 2021\n\n${body}\n`;
const parse = (path: string, text: string) => ({ path, ...parseRelease(text, { path }) });

test("same date and title: the second gets -2, and adding a release never renames an existing one", () => {
  const first = planIngest([parse("b.txt", source("Readout"))], []);
  assert.deepEqual(first.outcomes.map((o) => o.id), ["2021-05-21-readout"]);
  const existing = first.writes.map((w) => ({ file: w.file, id: "2021-05-21-readout", sourcePath: "b.txt", ...onDisk(w.markdown) }));
  // a.txt sorts before b.txt, yet b.txt keeps its id because it already had one.
  const second = planIngest([parse("a.txt", source("Readout", "Other.")), parse("b.txt", source("Readout"))], existing);
  const ids = Object.fromEntries(second.outcomes.map((o) => [o.path, o.id]));
  assert.deepEqual(ids, { "a.txt": "2021-05-21-readout-2", "b.txt": "2021-05-21-readout" });
  assert.deepEqual(second.outcomes.map((o) => o.status), ["written", "unchanged"]);
  assert.deepEqual(second.writes.map((w) => w.file), ["releases/2021/05/2021-05-21-readout-2.md"]);
});

test("each write is told as soon as it is planned, the plan's writes in the same order; an unchanged release is not", () => {
  const told: string[] = [];
  const first = planIngest([parse("a.txt", source("One")), parse("b.txt", source("Two"))], [], [], undefined, (w) => told.push(w.file));
  assert.deepEqual(told, first.writes.map((w) => w.file));
  assert.equal(told.length, 2);
  const existing = first.outcomes.map((o, i) => ({ file: o.file!, id: o.id!, sourcePath: o.path, ...onDisk(first.writes[i]!.markdown) }));
  told.length = 0;
  const next = planIngest([parse("a.txt", source("One")), parse("b.txt", source("Two", "Changed."))], existing, [], undefined, (w) => told.push(w.file));
  assert.deepEqual(told, [first.writes[1]!.file]);
  assert.deepEqual(next.writes.map((w) => w.file), told);
});

test("from scratch, collisions are numbered in a stable order", () => {
  const a = planIngest([parse("b.txt", source("Readout", "B.")), parse("a.txt", source("Readout", "A."))], []);
  const b = planIngest([parse("a.txt", source("Readout", "A.")), parse("b.txt", source("Readout", "B."))], []);
  const ids = (p: typeof a) => Object.fromEntries(p.outcomes.map((o) => [o.path, o.id]));
  assert.deepEqual(ids(a), ids(b));
  assert.deepEqual(ids(a), { "a.txt": "2021-05-21-readout", "b.txt": "2021-05-21-readout-2" });
});

test("a removed source removes its release; a source that now fails keeps its last good release", () => {
  const first = planIngest([parse("a.txt", source("One")), parse("b.txt", source("Two"))], []);
  const existing = first.outcomes.map((o, i) => ({ file: o.file!, id: o.id!, sourcePath: o.path, ...onDisk(first.writes[i]!.markdown) }));
  const next = planIngest([parse("b.txt", "")], existing);
  assert.deepEqual(next.removals.map((r) => r.sourcePath), ["a.txt"]);
  assert.equal(next.outcomes[0]!.status, "reported");
  assert.equal(next.writes.length, 0);
});

// parseRelease on the seed and on a 2021 speaker release gives exactly the record the archive promises.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseRelease } from "../../src/ingest/parse-release.ts";

const shared = join(import.meta.dirname, "../../../shared");
const seedPath = join(import.meta.dirname, "../fixtures/seed/000_0399d071038372ee.txt");

test("the seed becomes exactly the promised record", () => {
  const { release, diagnostics } = parseRelease(readFileSync(seedPath), { path: "000_0399d071038372ee.txt" });
  assert.deepEqual(diagnostics, []);
  assert.ok(release);
  assert.equal(release.title, "Joint Statement on United States-Republic of Korea Bilateral Cyber Policy Consultations");
  assert.equal(release.date, "2014-08-26");
  assert.equal(release.type, "Media Note");
  assert.equal(release.office, "Office of the Spokesperson");
  assert.equal(release.location, "Washington, DC");
  assert.deepEqual(release.speakers, []);
  assert.equal(
    release.preamble,
    "The text of the following statement was issued jointly by the Governments of the United States of America and the Republic of Korea on the occasion of the United States-Republic of Korea Bilateral Cyber Policy Consultations on August 26, 2014.",
  );
  assert.equal(release.body.length, 3);
  assert.ok(release.body.every((b) => b.kind === "paragraph"));
  const texts = release.body.map((b) => (b.kind === "paragraph" ? b.text : ""));
  assert.ok(texts[0]!.startsWith("The Governments of the United States and the Republic of Korea held the third bilateral"));
  assert.ok(texts[2]!.endsWith("in Washington, DC in 2015."));
  assert.equal(release.source.collectedOn, "2014-08-26");
  assert.equal(release.source.collection, "Collected Department Releases");
  assert.equal(release.source.origin, "Dept. Of State – Releases");
  assert.equal(release.source.format, "text");
  assert.match(release.source.sha256, /^[0-9a-f]{64}$/);
  for (const field of ["delegations", "countries", "people", "organizations", "topics"] as const) assert.ok(Array.isArray(release[field]));
  const all = JSON.stringify(release);
  for (const chrome of ["Begin Text", "Office of Website Management", "External links", "Aucun commentaire", "Enregistrer un commentaire"]) {
    assert.ok(!texts.join(" ").includes(chrome), `body holds chrome: ${chrome}`);
  }
  assert.ok(!all.includes("\ufffd"));
});

test("a 2021 release with a speaker line has the speaker and no office", () => {
  const { release } = parseRelease(readFileSync(join(shared, "corpus/text/245633.txt")), { path: "245633.txt" });
  assert.ok(release);
  assert.deepEqual(release.speakers, [{ name: "Antony J. Blinken", title: "Secretary of State" }]);
  assert.equal(release.office, null);
  assert.equal(release.type, null);
  assert.equal(release.date, "2021-05-22");
});

test("a source without a title or date is reported, not made into a release", () => {
  for (const text of ["", "Just one line", "Title\n\nOffice of the Spokesperson\n\nNo date here.\n"]) {
    const { release, diagnostics } = parseRelease(text, { path: "x.txt" });
    assert.equal(release, null, JSON.stringify(text));
    assert.ok(diagnostics.some((d) => d.severity === "error"));
  }
});

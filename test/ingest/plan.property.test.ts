// Whatever their titles, dates and source paths, releases get distinct files inside releases/ and never overwrite each other.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { releaseFilePath, releaseId, releaseUrl } from "../../src/emit/id.ts";
import { parseRelease } from "../../src/ingest/parse-release.ts";
import { planIngest } from "../../src/ingest/plan.ts";

const seed = parseRelease("A Title\n\nMedia Note\n\nOffice of the Spokesperson\n\nAugust 26, 2014\n\nA body.\n", { path: "s.txt" }).release!;
const title = fc.oneof(fc.string({ minLength: 1, maxLength: 120 }), fc.constantFrom("../../etc/passwd", "..", "/", "C:\\Windows", "a/../../b", "%2e%2e%2f", "\u0000", "日米韓", "---", "<script>", "CON", "a".repeat(400)));
const date = fc.date({ min: new Date("1900-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const path = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom("../x.txt", "/etc/passwd", "a/b/../../c.rss"));

test("every id is a safe file name under releases/YYYY/MM and a page under /releases/ (property)", () => {
  fc.assert(
    fc.property(date, title, (d, t) => {
      const id = releaseId(d, t);
      assert.match(id, /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/);
      assert.ok(id.length <= 111);
      assert.equal(releaseFilePath(id), `releases/${d.slice(0, 4)}/${d.slice(5, 7)}/${id}.md`);
      assert.match(releaseUrl(id), /^\/releases\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/);
    }),
    { numRuns: 2000 },
  );
});

test("different releases never share a file, whatever their titles, dates and paths (property)", () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.tuple(path, title, date), { selector: (e) => e[0], minLength: 1, maxLength: 25 }), (entries) => {
      const parsed = entries.map(([p, t, d]) => ({ path: p, release: { ...seed, id: releaseId(d, t), title: t, date: d, source: { ...seed.source, path: p } }, diagnostics: [] }));
      const plan = planIngest(parsed, []);
      const files = plan.writes.map((w) => w.file);
      assert.equal(files.length, entries.length, "one write per release");
      assert.equal(new Set(files).size, files.length, "no two releases share a file");
      for (const f of files) assert.match(f, /^releases\/\d{4}\/\d{2}\/[a-z0-9-]+\.md$/);
    }),
    { numRuns: 300 },
  );
});

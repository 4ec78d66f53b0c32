// The synthetic corpus: deterministic for a seed, stable per release whatever the count, and ingested without a single diagnostic.
import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ingest } from "../../src/cli/ingest.ts";
import { listFiles } from "../../src/cli/files.ts";
import { readFrontMatter } from "../../src/emit/front-matter.ts";
import { corpusFiles, generateRelease } from "../../scripts/corpus-generator.ts";

const taxonomy = join(import.meta.dirname, "../../content/taxonomy/topics.yaml");

test("the same seed gives the same files, another seed other files", () => {
  const a = [...corpusFiles(40, 3, "mixed")];
  const b = [...corpusFiles(40, 3, "mixed")];
  const c = [...corpusFiles(40, 4, "mixed")];
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.map((f) => f.text), c.map((f) => f.text));
  assert.ok(a.some((f) => f.path.endsWith(".rss")) && a.some((f) => f.path.endsWith(".txt")), "mixed holds both formats");
});

test("release i is the same whatever the corpus size, so a bigger corpus adds releases", () => {
  const small = [...corpusFiles(20, 9, "text")];
  const big = [...corpusFiles(25, 9, "text")];
  assert.deepEqual(big.slice(0, 20), small);
});

test("a generated corpus is realistic in size and spread", () => {
  const releases = Array.from({ length: 400 }, (_, i) => generateRelease(1, i));
  const words = releases.map((r) => r.paragraphs.join(" ").split(/\s+/).length);
  const mean = words.reduce((a, b) => a + b, 0) / words.length;
  assert.ok(mean > 450 && mean < 900, `about 600 words per release on average, got ${mean.toFixed(0)}`);
  const years = new Set(releases.map((r) => r.date.slice(0, 4)));
  assert.ok(years.size >= 25, `dates over decades, got ${years.size} years`);
  assert.ok(new Set(releases.map((r) => r.title)).size > 390, "titles vary");
  assert.ok(releases.some((r) => r.paragraphs.some((p) => p.startsWith("QUESTION: "))), "briefings carry questions");
});

for (const format of ["text", "feed", "mixed"] as const) {
  test(`${format} sources ingest with zero diagnostics, one release per generated release`, async () => {
    const dir = await mkdtemp(join(tmpdir(), "communique-generated-"));
    try {
      const sources = join(dir, "sources");
      const content = join(dir, "content");
      await mkdir(sources, { recursive: true });
      await mkdir(join(content, "taxonomy"), { recursive: true });
      await copyFile(taxonomy, join(content, "taxonomy/topics.yaml"));
      const n = 60;
      for (const f of corpusFiles(n, 11, format)) await writeFile(join(sources, f.path), f.text);
      const summary = await ingest({ sources, content, log: () => {} });
      assert.equal(summary.reported, 0);
      assert.equal(summary.distinctReleases, n);
      const report = JSON.parse(await readFile(join(content, "ingest-report.json"), "utf8")) as { outcomes: { path: string; diagnostics: unknown[] }[] };
      const noisy = report.outcomes.filter((o) => o.diagnostics.length > 0);
      assert.deepEqual(noisy, [], "no diagnostic at all, not even an info");

      // Nothing lost: every generated title and date, type and creator is read back as generated.
      const expected = Array.from({ length: n }, (_, i) => generateRelease(11, i));
      const files = await listFiles(join(content, "releases"));
      const read = await Promise.all(
        files.map(async (f) => {
          const fm = readFrontMatter(await readFile(join(content, "releases", f), "utf8"));
          assert.ok(fm.ok);
          return fm.value;
        }),
      );
      const key = (date: string, title: string) => `${date} ${title}`;
      assert.deepEqual(read.map((r) => key(r.date, r.title)).sort(), expected.map((g) => key(g.date, g.title)).sort());
      for (const g of expected) {
        const r = read.find((x) => x.date === g.date && x.title === g.title)!;
        if (/^(?:Office|Bureau) /.test(g.creatorLines[0]!)) assert.equal(r.office, g.creatorLines[0]);
        else assert.equal(r.speakers[0]?.name, g.creatorLines[0]!.split(",")[0]);
        if (format === "text") assert.equal(r.type, g.type);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

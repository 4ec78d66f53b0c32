// releases.json and releases.csv from rows kept between builds: the same bytes as made whole, whatever was kept.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import type { FrontMatter } from "../../src/model/release.ts";
import type { ReleaseItem } from "../../src/site/collections.ts";
import { siteUrls } from "../../src/site/config.ts";
import { releasesCsv, releasesJson } from "../../src/site/data-files.ts";
import { DataRows } from "../../src/site/data-rows.ts";

/** Text with what CSV must quote and JSON must escape: commas, quotes, line breaks, non-ASCII. */
const text = fc.array(fc.constantFrom("a", "Z", " ", ",", '"', "'", "\r", "\n", "’", "é", "€", "😀"), { minLength: 1, maxLength: 12 }).map((chars) => chars.join(""));
const person = fc.record({ name: text, title: fc.option(text, { nil: null }) });

const release = fc
  .record({
    slug: fc.stringMatching(/^[a-z]{1,8}$/),
    date: fc.date({ min: new Date("1995-01-01"), max: new Date("2024-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    title: text,
    office: fc.option(text, { nil: null }),
    speakers: fc.array(person, { maxLength: 2 }),
    organizations: fc.array(text, { maxLength: 3 }),
    countries: fc.array(fc.constantFrom("US", "KR", "FR"), { maxLength: 2 }),
    revisions: fc.array(fc.record({ date: fc.constant("2024-01-02"), changes: text }), { maxLength: 1 }),
    sha: fc.stringMatching(/^[0-9a-f]{64}$/),
  })
  .map(({ slug, date, title, office, speakers, organizations, countries, revisions, sha }): ReleaseItem => {
    const id = `${date}-${slug}`;
    const data: FrontMatter = {
      id,
      title,
      date,
      type: "Press Statement",
      office,
      speakers,
      transcriptSpeakers: [],
      location: null,
      preamble: null,
      delegations: [],
      countries,
      people: [],
      organizations,
      places: [],
      events: [],
      topics: [],
      source: { format: "text", path: `${slug}.txt`, sha256: sha, guid: null, link: null, collectedOn: null, collection: null, origin: null },
      otherSources: [],
      revisions,
      corrected: null,
    };
    // The digest stands for the file's bytes: here, for everything the rows are made from.
    return { url: `/releases/${date.replaceAll("-", "/")}/${slug}/`, inputPath: `${id}.md`, data, digest: JSON.stringify(data) };
  });

/** Runs `run` with the path of a rows file, not yet written, in a new temporary folder, then removes the folder. */
async function withRowsFile(run: (file: string, dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "communique-rows-"));
  try {
    await run(join(dir, "rows.bin"), dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test("the rows kept by one build and read by the next give the files made whole, whatever changed between them", () =>
  withRowsFile(async (file) => {
    await fc.assert(
      fc.asyncProperty(fc.array(release, { maxLength: 6 }), fc.array(release, { maxLength: 6 }), fc.constantFrom("/", "/prefix/"), async (before, after, pathPrefix) => {
        const urls = siteUrls({ baseUrl: "https://example.org", pathPrefix });
        await rm(file, { force: true });
        const first = DataRows.read(file, "v1");
        const made = first.files(before, urls);
        // Compared as the files' bytes (UTF-8), which is what a build writes either way.
        assert.deepEqual(made.json, Buffer.from(releasesJson(before, urls)));
        assert.deepEqual(made.csv, Buffer.from(releasesCsv(before, urls)));
        first.save(file);
        // The next builds: some releases kept, others new or changed, in another order; each saves its rows
        // (appended or written whole) for the one after.
        for (const next of [[...after, ...before.slice(0, 3)], [...before, ...after.slice(1)]]) {
          const rows = DataRows.read(file, "v1");
          const kept = rows.files(next, urls);
          assert.deepEqual(kept.json, Buffer.from(releasesJson(next, urls)));
          assert.deepEqual(kept.csv, Buffer.from(releasesCsv(next, urls)));
          rows.save(file);
        }
      }),
      { numRuns: 60 },
    );
  }));

test("rows are kept by release and URL: a row is not taken for another path prefix, another code version or a damaged file", () =>
  withRowsFile(async (file, dir) => {
    const [item] = fc.sample(release, { numRuns: 1, seed: 7 });
    const root = siteUrls({ baseUrl: "https://example.org", pathPrefix: "/" });
    const prefixed = siteUrls({ baseUrl: "https://example.org", pathPrefix: "/archive/" });
    // Saved into a cache folder not made yet.
    await rm(dir, { recursive: true, force: true });
    const rows = DataRows.read(file, "v1");
    rows.files([item!], root);
    rows.save(file);
    // Made again (not taken) under another prefix: the URL differs.
    assert.equal(DataRows.read(file, "v1").files([item!], prefixed).json.toString(), releasesJson([item!], prefixed));
    // A row kept under the same key is used as kept: a forged row shows it is not made again...
    const forged = { ...item!, data: { ...item!.data, title: "Forged" } };
    assert.equal(DataRows.read(file, "v1").files([forged], root).json.toString(), releasesJson([item!], root));
    // ...but never across code versions, or from a damaged file.
    assert.equal(DataRows.read(file, "v2").files([forged], root).json.toString(), releasesJson([forged], root));
    await writeFile(file, "CDR1\u0002\u0000\u0000\u0000v1\u00ff");
    assert.equal(DataRows.read(file, "v1").files([forged], root).json.toString(), releasesJson([forged], root));
  }));

test("a build that makes few rows appends them; one that leaves over a quarter unused writes the file whole; a cut append loses only itself", () =>
  withRowsFile(async (file) => {
    const items = fc.sample(release, { numRuns: 8, seed: 11 }).map((item, i) => ({ ...item, url: `/releases/${i}/`, digest: `d${i}` }));
    const urls = siteUrls({ baseUrl: "https://example.org", pathPrefix: "/" });
    const build = (releases: ReleaseItem[]) => {
      const rows = DataRows.read(file, "v1");
      rows.files(releases, urls);
      rows.save(file);
    };
    build(items.slice(0, 6));
    const whole = await readFile(file);
    // One release added: the file is what it was, then that release's entry.
    build(items.slice(0, 7));
    const appended = await readFile(file);
    assert.deepEqual(appended.subarray(0, whole.length), whole);
    assert.ok(appended.length > whole.length);
    // Nothing new: the file is left alone.
    build(items.slice(0, 7));
    assert.deepEqual(await readFile(file), appended);
    // An append cut short (a build killed while writing) loses that entry alone: the entries before it are used as
    // kept, as a forged one shows.
    assert.ok(appended.length > whole.length + 9);
    await writeFile(file, appended.subarray(0, whole.length + 9));
    const forged = { ...items[0]!, data: { ...items[0]!.data, title: "Forged" } };
    assert.equal(DataRows.read(file, "v1").files([forged], urls).json.toString(), releasesJson([items[0]!], urls));
    // The next build writes the file whole (an entry appended after the cut would never be read), keeping the entry.
    build(items.slice(0, 7));
    const forgedLast = { ...items[6]!, data: { ...items[6]!.data, title: "Forged" } };
    assert.equal(DataRows.read(file, "v1").files([forgedLast], urls).json.toString(), releasesJson([items[6]!], urls));
    // Two of seven entries unused (over a quarter): written whole with the five used, in key order.
    build(items.slice(0, 5));
    const rewritten = await readFile(file);
    build(items.slice(0, 5).reverse());
    assert.deepEqual(await readFile(file), rewritten);
    assert.ok((await stat(file)).size < whole.length);
    await rm(file);
    build(items.slice(0, 5));
    assert.deepEqual(await readFile(file), rewritten);
  }));

// Template filters and archive grouping: pure functions over front matter and collection items.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { FrontMatter } from "../../src/model/release.ts";
import { buildArchive, compareReleases, type ReleaseItem } from "../../src/site/collections.ts";
import { siteUrls } from "../../src/site/config.ts";
import { releaseRecord, releasesJson } from "../../src/site/data-files.ts";
import { byline, countLabel, head, monthLabel, personLabel, readableDate } from "../../src/site/filters.ts";

function release(id: string, extra: Partial<FrontMatter> = {}): ReleaseItem {
  const date = id.slice(0, 10);
  const data = {
    id,
    title: `Title of ${id}`,
    date,
    type: "Press Statement",
    office: null,
    speakers: [],
    source: { format: "text", path: `${id}.txt`, sha256: "0".repeat(64), guid: null, link: null, collectedOn: null, collection: null, origin: null },
    ...extra,
  } as unknown as FrontMatter;
  return { url: `/releases/${date.replaceAll("-", "/")}/${id.slice(11)}/`, inputPath: `./content/releases/${id}.md`, data, digest: id };
}

test("readableDate spells the calendar date out, whatever the machine's zone", () => {
  assert.equal(readableDate("2014-08-26"), "August 26, 2014");
  assert.equal(readableDate("2021-01-01"), "January 1, 2021");
  assert.equal(readableDate("2021-12-31"), "December 31, 2021");
  assert.throws(() => readableDate("2021-02-30"), /Not a YYYY-MM-DD date/);
});

test("monthLabel names a month of a year", () => {
  assert.equal(monthLabel("2014", "08"), "August 2014");
  assert.equal(monthLabel("2021", "12"), "December 2021");
});

test("countLabel pluralises", () => {
  assert.equal(countLabel(0, "release"), "0 releases");
  assert.equal(countLabel(1, "release"), "1 release");
  assert.equal(countLabel(2, "release"), "2 releases");
  assert.equal(countLabel(2, "entry", "entries"), "2 entries");
});

test("personLabel and byline", () => {
  assert.equal(personLabel({ name: "Ned Price", title: "Department Spokesperson" }), "Ned Price, Department Spokesperson");
  assert.equal(personLabel({ name: "Ned Price", title: null }), "Ned Price");
  const speakers = [
    { name: "Antony J. Blinken", title: "Secretary of State" },
    { name: "Gabi Ashkenazi", title: null },
  ];
  assert.equal(byline({ office: "Office of the Spokesperson", speakers }), "Office of the Spokesperson");
  assert.equal(byline({ office: null, speakers }), "Antony J. Blinken, Gabi Ashkenazi");
  assert.equal(byline({ office: null, speakers: [] }), "");
});

test("head takes the first n items", () => {
  assert.deepEqual(head([1, 2, 3], 2), [1, 2]);
  assert.deepEqual(head([1], 5), [1]);
});

test("releases sort newest first, then by id", () => {
  const items = [release("2021-05-20-b"), release("2014-08-26-z"), release("2021-05-21-a"), release("2021-05-20-a")];
  assert.deepEqual(items.sort(compareReleases).map((r) => r.data.id), ["2021-05-21-a", "2021-05-20-a", "2021-05-20-b", "2014-08-26-z"]);
});

test("buildArchive groups sorted releases into years and months with counts", () => {
  const sorted = [release("2021-06-02-c"), release("2021-05-21-b"), release("2021-05-20-a"), release("2014-08-26-z")];
  const { years, months } = buildArchive(sorted);
  assert.deepEqual(
    years.map((y) => [y.year, y.url, y.count, y.months.map((m) => [m.month, m.count])]),
    [
      ["2021", "/archive/2021/", 3, [["06", 1], ["05", 2]]],
      ["2014", "/archive/2014/", 1, [["08", 1]]],
    ],
  );
  assert.deepEqual(months.map((m) => m.url), ["/archive/2021/06/", "/archive/2021/05/", "/archive/2014/08/"]);
  assert.deepEqual(months[1]!.releases.map((r) => r.data.id), ["2021-05-21-b", "2021-05-20-a"]);
  assert.deepEqual(buildArchive([]), { years: [], months: [] });
});

test("releaseRecord keeps every front-matter field (and the importer's), not Eleventy's own data", () => {
  const item = release("2014-08-26-joint-statement", { office: "Office of the Spokesperson", speakers: [{ name: "A", title: null }] });
  const data = { ...item.data, page: { url: "/x/" }, collections: {}, revisions: [{ date: "2014-08-27", changes: "title" }] } as unknown as FrontMatter;
  const record = releaseRecord(data, "/prefix/releases/2014/08/26/joint-statement/") as unknown as Record<string, unknown>;
  assert.deepEqual(Object.keys(record).slice(0, 3), ["id", "url", "title"]);
  assert.equal(record["url"], "/prefix/releases/2014/08/26/joint-statement/");
  assert.equal(record["office"], "Office of the Spokesperson");
  assert.deepEqual(record["source"], item.data.source);
  assert.deepEqual(record["revisions"], [{ date: "2014-08-27", changes: "title" }]);
  assert.ok(!("page" in record) && !("collections" in record));
});

test("releasesJson writes one record per line, in the given order, and parses back", () => {
  const items = [release("2021-05-20-a"), release("2014-08-26-z")];
  const urls = siteUrls({ baseUrl: "https://example.org", pathPrefix: "/" });
  const json = releasesJson(items, urls);
  assert.equal(json.split("\n").length, 5);
  assert.ok(json.endsWith("]\n"));
  assert.deepEqual((JSON.parse(json) as { id: string }[]).map((r) => r.id), ["2021-05-20-a", "2014-08-26-z"]);
  assert.equal(releasesJson([], urls), "[]\n");
});

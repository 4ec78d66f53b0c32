// Template filters and archive grouping: pure functions over front matter and collection items.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { FrontMatter } from "../../src/model/release.ts";
import { buildArchive, compareReleases, type ReleaseItem } from "../../src/site/collections.ts";
import { siteUrls } from "../../src/site/config.ts";
import { releaseRecord, releasesJson } from "../../src/site/data-files.ts";
import { byline, countLabel, head, monthLabel, personLabel, readableDate, siteFilters } from "../../src/site/filters.ts";
import { TEMPLATES_DIR } from "../../src/site/paths.ts";
import nunjucks from "nunjucks";

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

test("a release's list row is rendered once per environment and reused: the lists read as if each row were rendered in place", () => {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES_DIR), { autoescape: true });
  const config = { name: "Archive", baseUrl: "https://example.org", pathPrefix: "/prefix/", publisher: { name: "U.S. Department of State" }, language: "en" };
  for (const [name, filter] of Object.entries(siteFilters({ config: () => config as never }))) env.addFilter(name, filter);
  const a = release("2021-05-21-readout", { title: "Readout <of> “a call”", office: "Office of the Spokesperson" });
  const b = release("2021-05-22-remarks", { type: null, speakers: [{ name: "Antony J. Blinken", title: "Secretary of State" }] as FrontMatter["speakers"] });
  let rendered = 0;
  const render = env.render.bind(env);
  env.render = ((name: string, context: object) => (rendered++, render(name, context))) as typeof env.render;
  const list = (items: ReleaseItem[]) => env.renderString('{%- from "partials/release-list.njk" import releaseList %}{{ releaseList(items) }}', { items });
  const first = list([a, b]);
  assert.equal(list([b, a]), list([b, a]));
  assert.equal(rendered, 2, "each row rendered once");
  assert.equal(
    first,
    `<ol class="release-list">
  <li class="release-list__item">
    <a class="release-list__title" href="/prefix/releases/2021/05/21/readout/">Readout &lt;of&gt; “a call”</a>
    <p class="release-list__meta">
      <time datetime="2021-05-21">May 21, 2021</time><span class="sep" aria-hidden="true"> · </span><span class="release-list__type">Press Statement</span><span class="sep" aria-hidden="true"> · </span><span class="release-list__from">Office of the Spokesperson</span>
    </p>
  </li>
  <li class="release-list__item">
    <a class="release-list__title" href="/prefix/releases/2021/05/22/remarks/">Title of 2021-05-22-remarks</a>
    <p class="release-list__meta">
      <time datetime="2021-05-22">May 22, 2021</time><span class="sep" aria-hidden="true"> · </span><span class="release-list__from">Antony J. Blinken</span>
    </p>
  </li>
</ol>`,
  );
});

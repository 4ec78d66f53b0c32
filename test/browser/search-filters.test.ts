// Search filters in a real browser over the built sample: facet counts, any-of within a facet, all-of across
// facets, date ranges by year, month and day, and sorts that order by date and drop nothing — on one bundle and on
// the sample split into one bundle per year (shards.json), and on those bundles merged into one. Expectations come from the releases' front matter.
import assert from "node:assert/strict";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { buildSample, type SampleSite } from "../site/sample.ts";
import { browserSuite, launchChromium } from "./chromium.ts";
import { mergedByYear, shardByYear } from "./search-shards.ts";
import { allResults, commonest, facetCounts, readTruth, settled, shownTotal, titles, type TruthRelease } from "./search-truth.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

const LAYOUTS = ["one bundle", "one bundle per year", "one bundle per year, no date spans", "bundles per year merged into one"] as const;

browserSuite(["search filters"], () => {
  let site: SampleSite;
  let shardedDir: string;
  let unspannedDir: string;
  let mergedDir: string;
  let truth: TruthRelease[];
  let browser: Browser;
  const servers: Partial<Record<(typeof LAYOUTS)[number], StaticServer>> = {};

  before(async () => {
    site = await buildSample("communique-search-filters-");
    assert.equal(site.result.built, true, site.log.join("\n"));
    truth = await readTruth(site.content);
    shardedDir = await mkdtemp(join(tmpdir(), "communique-sharded-"));
    await cp(site.output, shardedDir, { recursive: true });
    const bundles = await shardByYear(shardedDir);
    assert.ok(bundles.length >= 2, "the sample spans several years");
    // Oldest year first, and no spans: the bundles' order says nothing about dates.
    unspannedDir = await mkdtemp(join(tmpdir(), "communique-unspanned-"));
    await cp(site.output, unspannedDir, { recursive: true });
    await shardByYear(unspannedDir, "oldest", false);
    mergedDir = await mkdtemp(join(tmpdir(), "communique-merged-"));
    await cp(site.output, mergedDir, { recursive: true });
    await mergedByYear(mergedDir);
    servers["one bundle"] = await serveStatic(site.output);
    servers["one bundle per year"] = await serveStatic(shardedDir);
    servers["one bundle per year, no date spans"] = await serveStatic(unspannedDir);
    servers["bundles per year merged into one"] = await serveStatic(mergedDir);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    for (const s of Object.values(servers)) await s?.close();
    await site?.remove();
    for (const dir of [shardedDir, unspannedDir, mergedDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Opens the search page at `query` (a query string) and waits for it to show that search. */
  async function open(layout: (typeof LAYOUTS)[number], query: string): Promise<Page> {
    const page = await browser.newPage();
    page.on("pageerror", (e) => assert.fail(`page error: ${e.message}`));
    await page.goto(`${servers[layout]!.url}/search/?${query}`);
    await settled(page);
    return page;
  }

  /** The counts a facet shows: value → count. */
  async function shownCounts(page: Page, legend: string): Promise<Map<string, number>> {
    const fieldset = page.locator("fieldset.facet", { has: page.locator("legend", { hasText: legend }) });
    const more = fieldset.locator("button.facet__more[aria-expanded=false]");
    if (await more.count()) {
      await more.click();
      await page.waitForFunction((l) => [...document.querySelectorAll("fieldset.facet")].find((f) => f.querySelector("legend")?.textContent === l)?.querySelector("button.facet__more[aria-expanded=true]"), legend);
    }
    const labels = await page
      .locator("fieldset.facet", { has: page.locator("legend", { hasText: legend }) })
      .locator("label")
      .allTextContents();
    return new Map(labels.map((l) => {
      const m = /^(.*) \((\d+)\)$/.exec(l)!;
      return [m[1]!, Number(m[2])];
    }));
  }

  const expectTitles = (releases: TruthRelease[]) => titles(releases);
  const inRange = (from: string, to: string) => truth.filter((r) => r.date >= from && r.date <= to);

  test("a chosen value the archive lacks is shown checked, and clearing the filters brings every result back", async () => {
    const office = commonest(truth, "office");
    const page = await open("one bundle", `q=%22the%22&office=${encodeURIComponent(office)}&type=No+Such+Type`);
    assert.equal(await shownTotal(page), 0);
    const missing = page.locator("fieldset.facet", { has: page.locator("legend", { hasText: "Type" }) }).getByLabel(/^No Such Type \(0\)$/);
    assert.equal(await missing.isChecked(), true, "the unknown value is listed, checked");
    const clear = page.getByRole("button", { name: "Clear all 2 filter values" });
    await clear.click();
    await page.waitForURL((url) => !url.search.includes("type=") && !url.search.includes("office="));
    await settled(page);
    assert.equal(await page.getByRole("button", { name: /^Clear/ }).count(), 0, "no filter left to clear");
    assert.deepEqual(titles(await allResults(page)), expectTitles(truth));
    await page.close();
  });

  for (const layout of LAYOUTS) {
    describe(layout, () => {
      test("each facet's counts match the releases' front matter", async () => {
        const year = commonest(truth, "year");
        const page = await open(layout, `year=${year}`);
        for (const [legend, key] of [["Office", "office"], ["Speaker", "speaker"], ["Topic", "topic"], ["Country", "country"]] as const) {
          assert.deepEqual(await shownCounts(page, legend), facetCounts(truth.filter((r) => r.year.includes(year)), key), legend);
        }
        // The year facet leaves out its own choice: every year keeps its archive-wide count.
        assert.deepEqual(await shownCounts(page, "Year"), facetCounts(truth, "year"));
        await page.close();
      });

      test("a facet value narrows the results to the releases that have it", async () => {
        const office = commonest(truth, "office");
        const page = await open(layout, `office=${encodeURIComponent(office)}`);
        assert.deepEqual(titles(await allResults(page)), expectTitles(truth.filter((r) => r.office.includes(office))));
        await page.close();
      });

      test("values of one facet combine with any-of, facets with all-of", async () => {
        const [a, b] = [commonest(truth, "topic", 0), commonest(truth, "topic", 1)];
        const page = await open(layout, `topic=${encodeURIComponent(a)}&topic=${encodeURIComponent(b)}`);
        const either = truth.filter((r) => r.topic.includes(a) || r.topic.includes(b));
        assert.deepEqual(titles(await allResults(page)), expectTitles(either));
        const speaker = commonest(truth, "speaker");
        // Choosing a speaker in the page's own checkboxes adds it to the address and narrows to both conditions.
        await page.locator("fieldset.facet", { has: page.locator("legend", { hasText: "Speaker" }) }).getByLabel(new RegExp(`^${speaker} \\(`)).check();
        await page.waitForURL(/speaker=/);
        await settled(page);
        const both = either.filter((r) => r.speaker.includes(speaker));
        assert.ok(both.length > 0 && both.length < either.length, "the speaker narrows the topics' results");
        assert.deepEqual(titles(await allResults(page)), expectTitles(both));
        await page.close();
      });

      test("a date range by day, month or year keeps exactly the releases inside it", async () => {
        const dates = [...new Set(truth.map((r) => r.date))].sort();
        const from = dates[1]!;
        const to = dates[Math.floor(dates.length / 2)]!;
        for (const [query, expected] of [
          [`from=${from}&to=${to}`, inRange(from, to)],
          [`from=${to.slice(0, 7)}`, inRange(`${to.slice(0, 7)}-01`, "9999")],
          [`to=${dates[0]!.slice(0, 4)}`, inRange("0000", `${dates[0]!.slice(0, 4)}-12-31`)],
          [`q=%22the%22&from=${from}&to=${from}`, inRange(from, from)],
        ] as const) {
          const page = await open(layout, query);
          const shown = await allResults(page);
          assert.ok(expected.length > 0, query);
          assert.deepEqual(titles(shown), expectTitles(expected), query);
          await page.close();
        }
      });

      test("newest and oldest order the results by date and drop none", async () => {
        // "the" in quotes: searched (unquoted it is a common word, left out), and in every release.
        const page = await open(layout, "q=%22the%22");
        const relevance = await allResults(page);
        assert.ok(relevance.length > 10, "more than one page of results");
        for (const [sort, order] of [["newest", -1], ["oldest", 1]] as const) {
          const sorted = await open(layout, `q=%22the%22&sort=${sort}`);
          const shown = await allResults(sorted);
          assert.deepEqual(titles(shown), titles(relevance), `${sort}: the same results`);
          const dates = shown.map((r) => r.date);
          assert.deepEqual(dates, [...dates].sort((x, y) => order * x.localeCompare(y)), `${sort}: in date order`);
          assert.equal(await shownTotal(sorted), relevance.length);
          await sorted.close();
        }
        // Filters alone (no words) list every release, newest first.
        const all = await open(layout, `from=0001`);
        const shown = await allResults(all);
        assert.equal(shown.length, truth.length);
        assert.deepEqual(shown.map((r) => r.date), truth.map((r) => r.date).sort().reverse());
        await all.close();
        await page.close();
      });
    });
  }
});

// The timeline: monthly or yearly bins by the span rule, counts preserved, bars linking to archive pages, byte-stable SVG.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { monthCounts, MONTHLY_SPAN_LIMIT, timeline, timelineSvg, yearTimeline } from "../../../src/site/charts/timeline.ts";

const href = (p: string) => `/prefix${p}`;
/** `n` months after 2019-01 as a date. */
const monthDate = (n: number, day = 15) => `${2019 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

test("at most 36 months are charted per month, from the first month to the last, empty months included", () => {
  const chart = timeline(monthCounts([monthDate(0), monthDate(0, 2), monthDate(MONTHLY_SPAN_LIMIT - 1)]));
  assert.equal(chart.unit, "month");
  assert.equal(chart.bins.length, MONTHLY_SPAN_LIMIT);
  assert.deepEqual(chart.bins[0], { key: "2019-01", label: "January 2019", count: 2, url: "/archive/2019/01/" });
  assert.deepEqual(chart.bins[1], { key: "2019-02", label: "February 2019", count: 0, url: null });
  assert.equal(chart.caption, "Releases per month, January 2019 to December 2021");
  assert.equal(chart.max, 2);
  assert.equal(chart.total, 3);
});

test("a longer span is charted per year, empty years included", () => {
  const chart = timeline(monthCounts([monthDate(0), monthDate(MONTHLY_SPAN_LIMIT)]));
  assert.equal(chart.unit, "year");
  assert.deepEqual(chart.bins, [
    { key: "2019", label: "2019", count: 1, url: "/archive/2019/" },
    { key: "2020", label: "2020", count: 0, url: null },
    { key: "2021", label: "2021", count: 0, url: null },
    { key: "2022", label: "2022", count: 1, url: "/archive/2022/" },
  ]);
  assert.equal(chart.caption, "Releases per year, 2019 to 2022");
});

test("a year's chart has its twelve months", () => {
  const chart = yearTimeline("2021", new Map([["2021-05", 17], ["2021-06", 3], ["2020-06", 9]]));
  assert.equal(chart.bins.length, 12);
  assert.deepEqual(chart.bins.filter((b) => b.url).map((b) => [b.key, b.count, b.url]), [["2021-05", 17, "/archive/2021/05/"], ["2021-06", 3, "/archive/2021/06/"]]);
  assert.equal(chart.total, 20);
});

test("no release, no bar", () => {
  const chart = timeline(new Map());
  assert.deepEqual(chart.bins, []);
  assert.doesNotMatch(timelineSvg(chart, href, "t"), /<a /);
});

/** Dates between 1990 and 2029, any order. */
const dates = fc.array(fc.tuple(fc.integer({ min: 1990, max: 2029 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`), { minLength: 1, maxLength: 200 });

test("every release is counted once, in its own period (property)", () => {
  fc.assert(
    fc.property(dates, (list) => {
      const chart = timeline(monthCounts(list));
      if (chart.total !== list.length) return false;
      const key = (d: string) => (chart.unit === "month" ? d.slice(0, 7) : d.slice(0, 4));
      return chart.bins.every((b) => b.count === list.filter((d) => key(d) === b.key).length && (b.url === null) === (b.count === 0));
    }),
  );
});

test("the SVG has one link per non-empty period, titled with its label and count, and never depends on input order (property)", () => {
  fc.assert(
    fc.property(dates, fc.integer(), (list, seed) => {
      const svg = timelineSvg(timeline(monthCounts(list)), href, "t");
      const shuffled = [...list].sort((a, b) => ((a + seed).localeCompare(b + seed)));
      if (timelineSvg(timeline(monthCounts(shuffled)), href, "t") !== svg) return false;
      const chart = timeline(monthCounts(list));
      const links = [...svg.matchAll(/<a href="([^"]+)" aria-label="([^"]+)"><title>([^<]+)<\/title>/g)];
      const full = chart.bins.filter((b) => b.count > 0);
      return links.length === full.length && links.every((m, i) => m[1] === `/prefix${full[i]!.url}` && m[2] === m[3] && m[2]!.startsWith(`${full[i]!.label}: ${full[i]!.count} release`));
    }),
    { numRuns: 50 },
  );
});

test("bars are as tall as their counts allow, the tallest filling the plot; every coordinate is a whole number", () => {
  const svg = timelineSvg(yearTimeline("2021", new Map([["2021-01", 1], ["2021-02", 60], ["2021-03", 30]])), href, "t");
  const heights = [...svg.matchAll(/class="timeline__bar" x="\d+" y="\d+" width="\d+" height="(\d+)"/g)].map((m) => Number(m[1]));
  assert.deepEqual(heights, [2, 120, 60], "a single release still shows (2 units), 60 fills the 120-unit plot");
  assert.doesNotMatch(svg, /="[^"]*\d\.\d/, "no fractional coordinates");
  assert.match(svg, /role="group" aria-labelledby="t"/);
});

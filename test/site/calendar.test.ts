// A month's calendar: weeks from Sunday, each day's count and link, and its heat-map shade relative to the busiest day.
import assert from "node:assert/strict";
import { test } from "node:test";
import { calendarWeeks } from "../../src/site/calendar.ts";

test("June 2021 starts on a Tuesday; days carry their counts, links and shades", () => {
  const weeks = calendarWeeks("2021", "06", new Map([["2021-06-01", { count: 1, url: "/a/" }], ["2021-06-02", { count: 4, url: "/b/" }], ["2021-06-03", { count: 16, url: "/c/" }], ["2021-07-01", { count: 99, url: "/x/" }]]));
  assert.equal(weeks.length, 5);
  assert.deepEqual(weeks[0]!.slice(0, 3), [null, null, { day: 1, date: "2021-06-01", count: 1, url: "/a/", level: 1 }]);
  assert.deepEqual(weeks[0]![3], { day: 2, date: "2021-06-02", count: 4, url: "/b/", level: 3 }, "4 of 16 on the log scale: half way");
  assert.deepEqual(weeks[0]![4], { day: 3, date: "2021-06-03", count: 16, url: "/c/", level: 6 }, "the month's busiest day is the darkest; other months' days do not count");
  assert.deepEqual(weeks[0]![5], { day: 4, date: "2021-06-04", count: 0, url: null, level: 0 });
  assert.equal(weeks.flat().filter(Boolean).length, 30);
});

test("a month with a single busy day shades it darkest", () => {
  const days = calendarWeeks("2014", "08", new Map([["2014-08-26", { count: 1, url: "/d/" }]])).flat().filter((d) => d && d.count);
  assert.deepEqual(days.map((d) => [d!.day, d!.level]), [[26, 6]]);
});

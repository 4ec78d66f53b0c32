// The search page's pure state functions (templates/assets/search-state.js): the address round-trips, and a date
// range becomes year, month and day filter values that cover exactly its days; common words leave the query outside quotes.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { COMMON_WORDS, coverRange, formatState, parseState, rangeEnd, searchQuery, toPagefindFilters } from "../../templates/assets/search-state.js";

const YEARS = Array.from({ length: 30 }, (_, i) => String(1995 + i));
const day = fc.date({ min: new Date("1995-01-01T00:00:00Z"), max: new Date("2024-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Every day the cover's values match. */
function daysOf(cover: { year: string[]; month: string[]; day: string[] }): Set<string> {
  const out = new Set<string>(cover.day);
  const add = (y: number, m: number) => {
    for (let d = 1; d <= new Date(Date.UTC(y, m, 0)).getUTCDate(); d++) out.add(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  };
  for (const y of cover.year) for (let m = 1; m <= 12; m++) add(Number(y), m);
  for (const ym of cover.month) add(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)));
  return out;
}

test("a date range's filter values cover exactly its days, with no day twice", () => {
  fc.assert(
    fc.property(day, day, (a, b) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      const cover = coverRange(from, to, YEARS);
      const days = daysOf(cover);
      const expected = new Set<string>();
      for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) expected.add(new Date(t).toISOString().slice(0, 10));
      assert.deepEqual([...days].sort(), [...expected].sort());
      const counted = cover.day.length + cover.month.reduce((s: number, m: string) => s + new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7), 0)).getUTCDate(), 0) + cover.year.reduce((s: number, y: string) => s + ((+y % 4 === 0 && +y % 100 !== 0) || +y % 400 === 0 ? 366 : 365), 0);
      assert.equal(counted, expected.size, "values do not overlap");
      assert.ok(cover.day.length <= 60 && cover.month.length <= 22, "short whatever the span");
    }),
  );
});

test("without the index's years, the years between the ends are all listed", () => {
  assert.deepEqual(coverRange("2014-01-01", "2017-12-31", []).year, ["2014", "2015", "2016", "2017"]);
});

test("range ends read a year, a month or a day, and refuse impossible dates", () => {
  assert.equal(rangeEnd("2021", "from"), "2021-01-01");
  assert.equal(rangeEnd("2021", "to"), "2021-12-31");
  assert.equal(rangeEnd("2024-02", "to"), "2024-02-29");
  assert.equal(rangeEnd("2021-05-20", "to"), "2021-05-20");
  assert.equal(rangeEnd("", "to"), null);
  for (const bad of ["2021-13", "2021-02-30", "21-05", "May 2021"]) assert.throws(() => rangeEnd(bad, "from"), /not a/);
});

test("the address round-trips through the state, defaults left out", () => {
  const query = "q=%22strategic+dialogue%22&type=Media+Note&type=Remarks&country=France&from=2021-05&to=2021-06-02&sort=newest&page=3";
  assert.equal(formatState(parseState(query)), query);
  assert.equal(formatState(parseState("q=x&sort=bogus&page=0&unknown=1")), "q=x");
  assert.deepEqual(toPagefindFilters(parseState("type=A&type=B&office=C"), YEARS), { all: [{ type: { any: ["A", "B"] } }, { office: { any: ["C"] } }] });
  assert.deepEqual(toPagefindFilters(parseState("type=A&office=C"), YEARS, "type"), { all: [{ office: { any: ["C"] } }] });
});

test("common words are left out of a query, except inside double quotes", () => {
  assert.deepEqual(searchQuery("the"), { query: "", dropped: ["the"] });
  assert.deepEqual(searchQuery("  Of, THE. "), { query: "", dropped: ["of", "the"] });
  assert.deepEqual(searchQuery("The Treaty of Paris"), { query: "Treaty Paris", dropped: ["the", "of"] });
  assert.deepEqual(searchQuery("cyber the the"), { query: "cyber", dropped: ["the"] });
  // A phrase keeps every word; so does a quoted part of a longer query, and an unclosed quote to the end.
  assert.deepEqual(searchQuery('"the"'), { query: '"the"', dropped: [] });
  assert.deepEqual(searchQuery('"state of the union"'), { query: '"state of the union"', dropped: [] });
  assert.deepEqual(searchQuery('the "united states" of'), { query: '"united states"', dropped: ["the", "of"] });
  assert.deepEqual(searchQuery('"the treaty'), { query: '"the treaty', dropped: [] });
  // Only whole words: a word that holds a common one is searched.
  assert.deepEqual(searchQuery("state-of-the-art theme"), { query: "state-of-the-art theme", dropped: [] });
  assert.deepEqual(searchQuery(""), { query: "", dropped: [] });
});

test("a query without common words is searched as typed", () => {
  const word = fc.stringMatching(/^[a-z0-9]{1,8}$/).filter((w) => !COMMON_WORDS.has(w));
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), (words) => {
      assert.deepEqual(searchQuery(words.join(" ")), { query: words.join(" "), dropped: [] });
    }),
  );
});

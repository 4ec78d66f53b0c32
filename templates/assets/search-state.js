// Search page state: the address (?q=…&type=…&from=…&sort=…&page=…) ↔ a state object, and that state → Pagefind's
// filter object. Pure functions, no DOM: the URL is the only place the state lives.

/** Facets shown with counts, in display order: URL parameter = Pagefind filter name (see templates/layouts/release.njk). */
export const FACETS = [
  { key: "type", label: "Type" },
  { key: "office", label: "Office" },
  { key: "speaker", label: "Speaker" },
  { key: "topic", label: "Topic" },
  { key: "country", label: "Country" },
  { key: "year", label: "Year" },
];

/** Sort orders: URL value → Pagefind sort (relevance is Pagefind's own ranking). */
export const SORTS = { relevance: null, newest: { date: "desc" }, oldest: { date: "asc" } };

/** Results shown on one page. */
export const PAGE_SIZE = 10;

/** @typedef {{ q: string, filters: Record<string, string[]>, from: string, to: string, sort: keyof SORTS, page: number }} SearchState */

/** The state written in `search` (a location.search string or URLSearchParams). Unknown values fall back to defaults. */
export function parseState(search) {
  const params = search instanceof URLSearchParams ? search : new URLSearchParams(search);
  const filters = {};
  for (const { key } of FACETS) {
    const values = [...new Set(params.getAll(key).filter((v) => v !== ""))];
    if (values.length) filters[key] = values;
  }
  const sort = params.get("sort");
  const page = Number.parseInt(params.get("page") ?? "", 10);
  return {
    q: params.get("q") ?? "",
    filters,
    from: (params.get("from") ?? "").trim(),
    to: (params.get("to") ?? "").trim(),
    sort: sort && Object.hasOwn(SORTS, sort) ? sort : "relevance",
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The query string of `state` (without "?"), in a stable order; defaults are left out so URLs stay short. */
export function formatState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const { key } of FACETS) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  return params.toString();
}

/** Whether the state asks for anything at all (a query, a filter or a date range). */
export function isActive(state) {
  return state.q.trim() !== "" || Object.keys(state.filters).length > 0 || state.from !== "" || state.to !== "";
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Reads one end of a date range typed as YYYY, YYYY-MM or YYYY-MM-DD: the first (`end` = "from") or last ("to") day
 * it covers, as YYYY-MM-DD. Returns null for an empty value; throws a readable message for a malformed or impossible date.
 */
export function rangeEnd(value, end) {
  if (value === "") return null;
  const m = DATE.exec(value);
  if (!m) throw new Error(`“${value}” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD.`);
  const year = Number(m[1]);
  const month = m[2] === undefined ? (end === "from" ? 1 : 12) : Number(m[2]);
  const last = daysIn(year, month);
  const day = m[3] === undefined ? (end === "from" ? 1 : last) : Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > last) throw new Error(`“${value}” is not a calendar date.`);
  return `${m[1]}-${pad(month)}-${pad(day)}`;
}

/**
 * The Pagefind filter values that cover the days from `from` to `to` (YYYY-MM-DD, inclusive) exactly: whole years
 * as `year` values, whole months as `month` values, the remaining days as `day` values (the exact-match filters
 * every release page carries). `years` lists the years the index holds: whole years are taken from it, so an open
 * range (from 1900, to 9999) stays a short list.
 */
export function coverRange(from, to, years) {
  /** @type {{ year: string[], month: string[], day: string[] }} */
  const cover = { year: [], month: [], day: [] };
  if (from > to) return cover;
  const [fy, fm] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  const monthKey = (y, m) => `${y}-${pad(m)}`;
  // Days of a month from day a to day b, as `day` values; the whole month as one `month` value.
  const days = (y, m, a, b) => {
    if (a === 1 && b === daysIn(y, m)) cover.month.push(monthKey(y, m));
    else for (let d = a; d <= b; d++) cover.day.push(`${monthKey(y, m)}-${pad(d)}`);
  };
  const months = (y, a, b) => {
    for (let m = a; m <= b; m++) cover.month.push(monthKey(y, m));
  };
  const fd = Number(from.slice(8, 10));
  const td = Number(to.slice(8, 10));
  if (fy === ty && fm === 1 && fd === 1 && tm === 12 && td === 31) {
    cover.year.push(String(fy));
  } else if (fy === ty && fm === tm) {
    days(fy, fm, fd, td);
  } else if (fy === ty) {
    days(fy, fm, fd, daysIn(fy, fm));
    months(fy, fm + 1, tm - 1);
    days(ty, tm, 1, td);
  } else {
    // The first year: its first month (maybe partial), then its remaining months, unless the whole year is covered.
    if (fm === 1 && fd === 1) cover.year.push(String(fy));
    else {
      days(fy, fm, fd, daysIn(fy, fm));
      months(fy, fm + 1, 12);
    }
    // The years between: those the index holds, or every one when they are not known.
    const between = years.length ? years.map(Number) : Array.from({ length: Math.max(0, ty - fy - 1) }, (_, i) => fy + 1 + i);
    for (const y of between) if (y > fy && y < ty) cover.year.push(String(y));
    if (tm === 12 && td === 31) cover.year.push(String(ty));
    else {
      months(ty, 1, tm - 1);
      days(ty, tm, 1, td);
    }
  }
  // A year the index does not hold has no release to match.
  cover.year = cover.year.filter((y) => years.length === 0 || years.includes(y));
  return cover;
}

/**
 * Pagefind's filter object for `state`: any of the chosen values within a facet, all facets together, and the date
 * range as any of its year, month and day values (https://pagefind.app/docs/js-api-filtering/). `years` lists the
 * index's years (for open ranges). Throws a readable message when the range is malformed.
 */
export function toPagefindFilters(state, years, omitFacet) {
  const all = [];
  for (const { key } of FACETS) {
    const values = state.filters[key];
    if (key !== omitFacet && values?.length) all.push({ [key]: { any: values } });
  }
  const range = dateRange(state, years);
  if (range) {
    const { year, month, day } = coverRange(range.from, range.to, years);
    const any = [];
    if (year.length) any.push({ year: { any: year } });
    if (month.length) any.push({ month: { any: month } });
    if (day.length) any.push({ day: { any: day } });
    // An empty range matches nothing: a day value no page has.
    all.push(any.length ? { any } : { day: "0000-00-00" });
  }
  return all.length ? { all } : {};
}

/** The range's first and last days, or null when neither end is given. Open ends take the index's first or last year. */
export function dateRange(state, years) {
  let from = rangeEnd(state.from, "from");
  let to = rangeEnd(state.to, "to");
  if (from === null && to === null) return null;
  const sorted = [...years].sort();
  // Without the index's years: from the Department's founding to next year (whole years cost one value each).
  from ??= `${sorted[0] ?? "1789"}-01-01`;
  to ??= `${sorted.at(-1) ?? new Date().getFullYear() + 1}-12-31`;
  // Nothing is older than the Department: a range from year 1 is a range from its founding.
  if (!sorted.length && from < "1789-01-01") from = "1789-01-01";
  if (from > to) throw new Error(`The range starts (${state.from}) after it ends (${state.to}).`);
  return { from, to };
}

/**
 * Very common English words, left out of a query outside double quotes. Each is in nearly every release and narrows
 * nothing, and Pagefind (which has no stop-word option) would fetch its index chunk: on 10,000 releases that of “the”
 * alone weighs 362 KB gzip, more than the rest of a search. A small fixed list of articles, prepositions,
 * conjunctions and forms of "to be" (docs/search.md, "Common words").
 */
export const COMMON_WORDS = new Set(["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "with"]);

/**
 * What is searched for the query the reader typed: `query` for Pagefind, and the common words `dropped` from it
 * (lower case, each once, in the order typed). A query wholly in double quotes (a phrase) is kept as typed, and so is
 * every word inside quotes; outside quotes, the {@link COMMON_WORDS} are left out. `query` is "" when nothing is left.
 */
export function searchQuery(q) {
  const trimmed = q.trim();
  if (/^"[^"]*"$/.test(trimmed)) return { query: trimmed, dropped: [] };
  const kept = [];
  const dropped = [];
  // A quoted part (to its closing quote, or to the end when unclosed), or a run of other characters.
  for (const [token] of trimmed.matchAll(/"[^"]*(?:"|$)|[^\s"]+/g)) {
    const word = token.startsWith('"') ? "" : token.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (COMMON_WORDS.has(word)) {
      if (!dropped.includes(word)) dropped.push(word);
    } else kept.push(token);
  }
  return { query: kept.join(" "), dropped };
}

/** The words and phrases of a query, for highlighting: "quoted phrases" whole, other words one by one. */
export function queryTerms(q) {
  const terms = [];
  const re = /"([^"]+)"|(\S+)/g;
  for (let m; (m = re.exec(q)); ) {
    const term = (m[1] ?? m[2]).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (term) terms.push(term);
  }
  return terms;
}

function daysIn(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n) {
  return String(n).padStart(2, "0");
}

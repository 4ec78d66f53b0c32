// The search page's engine over Pagefind's JS API (https://pagefind.app/docs/api/): one bundle, or several merged
// with mergeIndex (listed in <bundle root>/shards.json), with facet counts, date ranges and date sorts that stay
// exact across bundles.
import { FACETS, PAGE_SIZE, SORTS, searchQuery, toPagefindFilters } from "./search-state.js";

/**
 * The synthetic filter naming each merged bundle (Pagefind's `mergeFilter`): it lets one search be limited to one
 * bundle, and gives each bundle's result count. Not a facet.
 */
const BUNDLE_FILTER = "bundle";

/**
 * The bundles to search: `<root>shards.json` when the build wrote one
 * (`{ "bundles": [{ "path": "2021/", "from": "2021-01-01", "to": "2021-12-31", "preload": […] }, …] }`, paths
 * relative to the manifest, `from`/`to` the first and last release date a bundle holds, `preload` the bundle's files
 * every search loads), else the one bundle at `root`.
 */
export async function readManifest(root) {
  const base = new URL(root, window.location.href);
  try {
    const response = await fetch(new URL("shards.json", base));
    if (response.ok) {
      const manifest = await response.json();
      const bundles = (manifest.bundles ?? []).filter((b) => typeof b.path === "string");
      if (bundles.length) {
        return bundles.map((b, i) => ({
          name: String(b.name ?? i),
          path: new URL(b.path, base).pathname.replace(/\/?$/, "/"),
          from: typeof b.from === "string" ? b.from : null,
          to: typeof b.to === "string" ? b.to : null,
          preload: Array.isArray(b.preload) ? b.preload : [],
        }));
      }
    }
  } catch {
    // No manifest (or not JSON): the single bundle.
  }
  return [{ name: "0", path: base.pathname, from: null, to: null, preload: [] }];
}

/** Loads Pagefind from the first bundle and merges the others into it. `siteBase` prefixes result URLs. */
export async function openIndex(root, siteBase) {
  const bundles = await readManifest(root);
  preload(bundles);
  const pagefind = await import(`${bundles[0].path}pagefind.js`);
  const multi = bundles.length > 1;
  const tag = (b) => (multi ? { mergeFilter: { [BUNDLE_FILTER]: b.name } } : {});
  // noWorker: Pagefind searches on the page's thread instead of a web worker, whose script (12 KB gzip) repeats
  // what pagefind.js already holds; a search over a few bundles takes milliseconds, and nothing else runs meanwhile.
  await pagefind.options({ basePath: bundles[0].path, baseUrl: siteBase, excerptLength: 30, noWorker: true, ...tag(bundles[0]) });
  await pagefind.init();
  // All at once: each merge fetches its bundle's entry and metadata. Pagefind keeps the bundles in the order the
  // merges were called, whatever order they finish in.
  await Promise.all(bundles.slice(1).map((b) => pagefind.mergeIndex(b.path, { baseUrl: siteBase, ...tag(b) })));
  return new SearchIndex(pagefind, bundles);
}

/**
 * Starts fetching what Pagefind's init will ask for once it has read each bundle's entry (the metadata and the
 * WebAssembly the manifest names), in parallel with loading Pagefind itself: its fetches then find them in the
 * page's preload cache, a round trip and a download sooner.
 */
function preload(bundles) {
  for (const b of bundles) {
    for (const file of b.preload) {
      // crossOrigin: as Pagefind's fetch() asks, or the preload would not be used.
      document.head.append(Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", crossOrigin: "anonymous", href: b.path + file }));
    }
  }
}

/** One open search index (one or more bundles). */
export class SearchIndex {
  constructor(pagefind, bundles) {
    this.pagefind = pagefind;
    this.bundles = bundles;
    /** @type {Promise<Record<string, Record<string, number>>> | null} */
    this.totalsPromise = null;
    /**
     * Settles once Pagefind has loaded every bundle (entry, metadata, WebAssembly): its init() only starts that, and
     * each search waits for it. A search for nothing fetches no chunk and returns then.
     */
    this.loaded = pagefind.preload("");
  }

  /**
   * A throwaway search over every page, which warms the engine up for the reader's first search. The browser
   * compiles WebAssembly first with a quick baseline compiler and optimises a function only after it has run a
   * while, for its next call; Pagefind scores all of a search's results in one long call, so a first search runs its
   * whole scoring on the slow code (a word in 8,000 of 10,000 releases: about 180 ms, against 60 ms once
   * optimised). Without a word or a filter it fetches nothing; it takes about 0.1 s at 10,000 pages, 0.35 s at
   * 100,000.
   */
  async warmUp() {
    await this.pagefind.search(null);
  }

  /** Every filter's values with their counts over the whole archive (loads the filter chunks once). */
  totals() {
    this.totalsPromise ??= this.pagefind.filters();
    return this.totalsPromise;
  }

  /** The years the index holds, oldest first. */
  async years() {
    return Object.keys((await this.totals()).year ?? {}).sort();
  }

  /**
   * Runs `state`: its page of results (with their data loaded), the number of results, and each facet's counts.
   * A facet's counts leave out the facet's own selection, so its other values say how many results choosing them
   * too would give (any-of within a facet). With no query (or only common words), filters alone list releases,
   * newest first by default.
   */
  async run(state, withCounts) {
    // Facet counts need every facet's filter chunk (more bytes than the search itself on a large archive): only
    // when asked. Without them, an open date range is closed by the calendar instead of the index's years.
    const years = withCounts ? await this.years() : [];
    // Common words are left out of the words searched (search-state.js, searchQuery).
    const term = searchQuery(state.q).query || null;
    const sort = SORTS[state.sort] ?? (term === null ? SORTS.newest : null);
    const filters = toPagefindFilters(state, years);
    const response = await this.pagefind.search(term, { filters, sort: sort ?? {} });
    if (response === null) return null;
    const counts = { ...response.filters };
    // Each facet with a selection: its counts as if it had none (a few more searches over chunks already loaded).
    await Promise.all(
      FACETS.filter(({ key }) => withCounts && state.filters[key]?.length).map(async ({ key }) => {
        const without = await this.pagefind.search(term, { filters: toPagefindFilters(state, years, key), sort: {} });
        if (without) counts[key] = without.filters[key] ?? {};
      }),
    );
    const total = response.results.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.min(state.page, pages);
    const start = (page - 1) * PAGE_SIZE;
    const window =
      sort && this.bundles.length > 1
        ? await this.sortedAcrossBundles(term, filters, sort, response.filters[BUNDLE_FILTER] ?? {}, start, PAGE_SIZE)
        : response.results.slice(start, start + PAGE_SIZE);
    const items = await Promise.all(window.map(async (r) => (r.loaded ? r : { result: r, data: await r.data() })));
    return { total, page, pages, start, items, counts };
  }

  /**
   * Results `start` to `start + size` in date order across bundles. Pagefind's merged search orders results by
   * score, and under a sort a result's score is its rank within its own bundle, so the bundles' orders interleave.
   * Each bundle is searched alone (its synthetic filter) in the sort order, and the bundles' lists are merged by
   * date: a bundle's date span from the manifest bounds its dates without loading anything, so with bundles that do
   * not overlap (one a year, say) whole bundles are skipped or taken by count, and only the shown results load.
   */
  async sortedAcrossBundles(term, filters, sort, bundleCounts, start, size) {
    const desc = sort.date === "desc";
    const better = (a, b) => (desc ? a > b : a < b);
    const streams = this.bundles
      .map((b) => ({
        bundle: b,
        count: bundleCounts[b.name] ?? 0,
        /** Upper bound of the next date (desc) or lower bound (asc): the span's end until a result is loaded. */
        near: (desc ? b.to : b.from) ?? (desc ? "9999-12-31" : "0000-01-01"),
        far: (desc ? b.from : b.to) ?? (desc ? "0000-01-01" : "9999-12-31"),
        position: 0,
        results: null,
        head: null,
      }))
      .filter((s) => s.count > 0);
    const scoped = { ...filters, all: [...(filters.all ?? [])] };
    const list = async (s) => {
      if (!s.results) {
        const only = { all: [...scoped.all, { [BUNDLE_FILTER]: s.bundle.name }] };
        s.results = (await this.pagefind.search(term, { filters: only, sort })).results;
      }
      return s.results;
    };
    const head = async (s) => {
      if (!s.head) {
        const result = (await list(s))[s.position];
        s.head = { result, data: await result.data(), loaded: true };
        s.near = s.head.data.meta.date ?? s.near;
      }
      return s.head;
    };
    const out = [];
    let skipped = 0;
    for (;;) {
      const live = streams.filter((s) => s.position < s.count);
      if (live.length === 0 || out.length === size) break;
      live.sort((a, b) => (better(a.near, b.near) ? -1 : better(b.near, a.near) ? 1 : 0));
      const best = live[0];
      const others = live.slice(1);
      // Every remaining result of `best` comes before every other bundle's: take or skip them by count.
      if (others.every((o) => !better(o.near, best.far) && o.near !== best.far)) {
        const n = best.count - best.position;
        const skip = Math.min(n, start - skipped);
        skipped += skip;
        best.position += skip;
        best.head = null;
        const take = Math.min(best.count - best.position, size - out.length);
        if (take > 0) {
          const results = (await list(best)).slice(best.position, best.position + take);
          out.push(...results);
          best.position += take;
        }
        continue;
      }
      if (!best.head) {
        await head(best);
        continue;
      }
      // `best` holds a loaded result dated no later (desc) than any other bundle's next: it is next in order.
      if (skipped < start) skipped++;
      else out.push(best.head);
      best.position++;
      best.head = null;
      if (best.position < best.count) await head(best);
    }
    return out;
  }
}

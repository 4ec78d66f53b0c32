// The search page's interface: reads the state from the address, runs it on the index as the reader types or
// chooses, renders results, facets with counts and pages, and keeps the address in step (back, forward, reload and
// shared links restore a search). Loaded as a module by the search page (templates/pages/search.njk) only.
import { openIndex } from "./search-engine.js";
import { FACETS, dateRange, formatState, isActive, parseState, queryTerms, searchQuery } from "./search-state.js";

/** Facet values shown before "Show all". */
const SHOWN_VALUES = 8;
/** Typing pauses this long before a search runs. */
const TYPING_DELAY_MS = 150;
/**
 * Throwaway searches run while the page waits for the reader: two, each in its own idle slot, bring a common word's
 * first search on 10,000 releases from about 430 ms to about 260 ms (one: about 350 ms; docs/search.md).
 */
const WARM_UP_SEARCHES = 2;

/** Runs `task` when the page is idle (at the latest after a second). */
function whenIdle(task) {
  if (window.requestIdleCallback) window.requestIdleCallback(task, { timeout: 1000 });
  else window.setTimeout(task, 0);
}

const app = document.getElementById("search-app");
if (app) void start(app);

async function start(app) {
  const form = app.querySelector("form");
  const box = form.elements.namedItem("q");
  const status = app.querySelector(".search__status");
  const dropNotice = app.querySelector(".search__dropped");
  const list = app.querySelector(".results");
  const results = app.querySelector(".search__results");
  const pager = app.querySelector(".search__pager");
  const facetsSection = app.querySelector(".search__facets");
  const facetsLoading = app.querySelector(".search__facets-loading");
  const facetList = app.querySelector(".search__facet-list");
  const rangeError = app.querySelector("#search-range-error");
  const headerBox = document.getElementById("site-search-q");
  /** Facets whose full value list the reader asked for. */
  const expanded = new Set();
  form.hidden = false;

  const baseTitle = document.title;
  let state = parseState(window.location.search);
  /** The open index, once loaded. */
  let index = null;
  let runId = 0;

  showState(state);
  status.textContent = isActive(state) ? "Loading the search index…" : "";
  // Listening starts at once; searches wait for the index.
  const opening = openIndex(app.dataset.bundle || "/pagefind/", app.dataset.baseUrl || "/");

  // Typing: results as you type; the address follows without adding a history entry per keystroke.
  let typing = 0;
  box.addEventListener("input", () => {
    clearTimeout(typing);
    typing = window.setTimeout(() => update({ q: box.value, page: 1 }, "replace"), TYPING_DELAY_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    update(readForm(), "push");
  });
  form.addEventListener("change", (event) => {
    const target = event.target;
    if (target === box) return;
    update({ ...readForm(), page: 1 }, "push");
  });
  for (const links of [pager, dropNotice]) links.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link) return;
    event.preventDefault();
    update(parseState(new URL(link.href).search), "push");
    status.focus();
  });
  facetList.addEventListener("click", (event) => {
    if (event.target.closest("button[data-clear-filters]")) {
      update({ filters: {}, page: 1 }, "push");
      status.focus();
      return;
    }
    const more = event.target.closest("button[data-facet]");
    if (!more) return;
    const key = more.dataset.facet;
    if (expanded.has(key)) expanded.delete(key);
    else expanded.add(key);
    void render();
  });
  // Opening the filters loads their counts (and draws them); a search with filters in its address opens them.
  facetsSection.addEventListener("toggle", () => {
    if (facetsSection.open && facetList.childElementCount === 0) void render();
  });
  window.addEventListener("popstate", () => {
    state = parseState(window.location.search);
    showState(state);
    void render();
  });
  try {
    index = await opening;
    // scripts/measure-search.ts reports when the index was loaded; a query of common words alone is answered sooner.
    index.loaded.then(() => performance.mark("search:index-open"), () => {});
  } catch (e) {
    status.textContent = "The search index could not be loaded. Browse the archive instead.";
    console.error(e);
    return;
  }
  await render();
  // Nothing asked yet: while the reader types, warm the engine up (search-engine.js, warmUp) in idle time once the
  // index is loaded, one search at a time, until a search starts (it warms the engine itself).
  const arrival = runId;
  let warmUps = 0;
  const warm = () => {
    if (!isActive(state) && runId === arrival && warmUps < WARM_UP_SEARCHES) {
      warmUps++;
      index.warmUp().then(() => whenIdle(warm), () => whenIdle(warm));
    } else {
      // scripts/measure-search.ts waits for it; the browser test reads how many searches ran.
      performance.mark("search:warm", { detail: { searches: warmUps } });
    }
  };
  index.loaded.then(() => whenIdle(warm), () => {});

  /** The state the form's fields say (page 1 unless kept by the caller). */
  function readForm() {
    const data = new FormData(form);
    return parseState(new URLSearchParams([...data.entries()].filter(([, v]) => typeof v === "string")));
  }

  /** Applies a change: the new state goes into the address (a new history entry or in place), then runs. */
  function update(change, mode) {
    const next = { ...state, ...change };
    const search = formatState(next);
    const url = `${window.location.pathname}${search ? `?${search}` : ""}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    }
    state = next;
    void render();
  }

  /** Puts a state into the form's fields. */
  function showState(s) {
    box.value = s.q;
    if (headerBox) headerBox.value = s.q;
    form.elements.namedItem("from").value = s.from;
    form.elements.namedItem("to").value = s.to;
    form.elements.namedItem("sort").value = s.sort;
  }

  /** Runs the current state and draws everything from its answer; a newer run supersedes an older one. */
  async function render() {
    if (!index) return; // The index's arrival renders the latest state.
    const id = ++runId;
    const s = state;
    results.setAttribute("aria-busy", "true");
    try {
      await draw(id, s);
    } finally {
      if (id === runId) {
        results.setAttribute("aria-busy", "false");
        // What the page now shows, as the address writes it (tests wait for it to match the address).
        app.dataset.shown = formatState(s);
        // For scripts/measure-search.ts: when the first search was answered (results, none, or only the notice of
        // common words left out).
        if (isActive(s) && performance.getEntriesByName("search:answered").length === 0) performance.mark("search:answered");
      }
    }
  }

  async function draw(id, s) {
    if (headerBox) headerBox.value = s.q;
    document.title = s.q.trim() ? `${s.q.trim()} · ${baseTitle}` : baseTitle;
    showRangeError(null);
    const { query, dropped } = searchQuery(s.q);
    showDropped(dropped, s);
    if (Object.keys(s.filters).length) facetsSection.open = true;
    const withCounts = facetsSection.open;
    try {
      dateRange(s, withCounts ? await index.years() : []);
    } catch (e) {
      showRangeError(e.message);
      return;
    }
    // Common words left out, nothing else asked: no search, only the notice (a listing of every release would not
    // be the releases containing those words).
    if (!isActive({ ...s, q: query })) {
      list.replaceChildren();
      pager.hidden = true;
      status.textContent = "";
      if (withCounts) {
        const totals = await index.totals();
        if (id === runId) drawFacets(totals, s, totals);
      }
      return;
    }
    const answer = await index.run(s, withCounts);
    if (id !== runId || !answer) return;
    if (withCounts) drawFacets(answer.counts, s, await index.totals());
    drawResults(answer, s);
    drawPager(answer, s);
  }

  /** The notice of common words left out of the query, with a link to the same words as an exact phrase. */
  function showDropped(dropped, s) {
    dropNotice.hidden = dropped.length === 0;
    if (dropped.length === 0) return dropNotice.replaceChildren();
    const words = dropped.map((w) => `“${w}”`);
    const listed = words.length === 1 ? words[0] : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
    const phrase = `"${s.q.replace(/"/g, "").trim()}"`;
    const one = words.length === 1;
    dropNotice.replaceChildren(
      `${listed} ${one ? "is" : "are"} too common and ${one ? "was" : "were"} left out; put words in double quotes to search for them exactly: `,
      el("a", { href: `?${formatState({ ...s, q: phrase, page: 1 })}` }, phrase),
      ".",
    );
  }

  function showRangeError(message) {
    rangeError.hidden = message === null;
    rangeError.textContent = message ?? "";
    for (const name of ["from", "to"]) {
      const field = form.elements.namedItem(name);
      if (message) field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
    }
    if (message) {
      list.replaceChildren();
      pager.hidden = true;
      status.textContent = "Correct the date range to search.";
    }
  }

  /** One fieldset per facet: its values with counts, the chosen ones first, then by count. */
  function drawFacets(counts, s, totals) {
    const focused = document.activeElement?.closest?.(".facet") ? document.activeElement.id : null;
    const fieldsets = [];
    for (const { key, label } of FACETS) {
      const chosen = s.filters[key] ?? [];
      // A chosen value the index does not hold (an old or edited link) is still shown, checked, so it can be unchosen.
      const values = [...new Set([...Object.keys(totals[key] ?? {}), ...chosen])];
      if (values.length === 0) continue;
      const count = (v) => counts[key]?.[v] ?? 0;
      values.sort((a, b) => Number(chosen.includes(b)) - Number(chosen.includes(a)) || (key === "year" ? b.localeCompare(a) : count(b) - count(a) || a.localeCompare(b)));
      const shown = values.filter((v) => chosen.includes(v) || count(v) > 0);
      const limited = expanded.has(key) ? shown : shown.slice(0, Math.max(SHOWN_VALUES, chosen.length));
      const fieldset = el("fieldset", { class: "facet" });
      fieldset.append(el("legend", {}, label));
      const ul = el("ul");
      limited.forEach((value, i) => {
        const id = `facet-${key}-${i}`;
        const input = el("input", { type: "checkbox", name: key, value, id });
        input.checked = chosen.includes(value);
        const li = el("li");
        li.append(input, el("label", { for: id }, value, " ", el("span", { class: "facet__count" }, `(${count(value)})`)));
        ul.append(li);
      });
      if (limited.length === 0) ul.append(el("li", { class: "search__hint" }, "None in these results."));
      fieldset.append(ul);
      if (shown.length > limited.length || expanded.has(key)) {
        const more = el("button", { type: "button", class: "search__link-button facet__more", "data-facet": key, "aria-expanded": String(expanded.has(key)) },
          expanded.has(key) ? `Show fewer ${label.toLowerCase()} values` : `Show all ${shown.length} ${label.toLowerCase()} values`);
        fieldset.append(more);
      }
      fieldsets.push(fieldset);
    }
    const chosenCount = chosenValues(s);
    if (chosenCount > 0) {
      fieldsets.unshift(el("button", { type: "button", class: "search__link-button facet__clear", "data-clear-filters": "" }, `Clear ${chosenCount === 1 ? "the filter" : `all ${chosenCount} filter values`}`));
    }
    facetList.replaceChildren(...fieldsets);
    facetsLoading.hidden = true;
    if (focused) document.getElementById(focused)?.focus();
  }

  /** The page's results: title (with the searched words to highlight on arrival), date, type, office or speakers, excerpt, paragraph hits. */
  function drawResults(answer, s) {
    const words = searchQuery(s.q).query;
    if (answer.total === 0) {
      status.textContent = `No results${describe(s)}.`;
      list.replaceChildren();
      return;
    }
    const first = answer.start + 1;
    const last = answer.start + answer.items.length;
    status.textContent = `${answer.total} result${answer.total === 1 ? "" : "s"}${describe(s)}${answer.pages > 1 ? `, showing ${first}–${last}` : ""}.`;
    list.start = first;
    list.replaceChildren(
      ...answer.items.map(({ data }) => {
        const url = highlighted(data.url, words);
        const li = el("li", { class: "result" });
        li.append(el("h3", { class: "result__title" }, el("a", { href: url }, data.meta.title ?? data.url)));
        const meta = [];
        if (data.meta.date) meta.push(el("time", { datetime: data.meta.date }, readableDate(data.meta.date)));
        if (data.meta.type) meta.push(data.meta.type);
        const who = data.meta.speakers ? data.meta.speakers.replace(/\s+/g, " ").trim() : data.meta.office;
        if (who) meta.push(who);
        const p = el("p", { class: "result__meta" });
        meta.forEach((m, i) => p.append(...(i ? [" · ", m] : [m])));
        li.append(p);
        li.append(excerpt("p", "result__excerpt", data.excerpt));
        const subs = paragraphHits(data);
        if (subs.length) {
          const ul = el("ul", { class: "result__subs", "aria-label": `Matching paragraphs in ${data.meta.title ?? "this release"}` });
          for (const sub of subs) {
            const item = el("li");
            item.append(el("a", { href: highlighted(sub.url, words) }, sub.title), ": ");
            item.append(excerpt("span", "result__sub-excerpt", sub.excerpt));
            ul.append(item);
          }
          li.append(ul);
        }
        return li;
      }),
    );
  }

  /** Numbered pages as real links (each a URL of its own), with previous and next. */
  function drawPager(answer, s) {
    pager.hidden = answer.pages <= 1;
    if (answer.pages <= 1) return pager.replaceChildren();
    const link = (page, text, label) => {
      const a = el("a", { href: `?${formatState({ ...s, page })}` }, text);
      if (label) a.setAttribute("aria-label", label);
      if (page === answer.page) a.setAttribute("aria-current", "page");
      return a;
    };
    const items = [];
    if (answer.page > 1) items.push(link(answer.page - 1, "Previous", `Previous page (${answer.page - 1})`));
    for (const page of pageNumbers(answer.page, answer.pages)) {
      items.push(page === null ? el("span", { "aria-hidden": "true" }, "…") : link(page, String(page), `Page ${page}`));
    }
    if (answer.page < answer.pages) items.push(link(answer.page + 1, "Next", `Next page (${answer.page + 1})`));
    pager.replaceChildren(...items);
  }
}

/** How many filter values a state has chosen, over every facet. */
function chosenValues(s) {
  return Object.values(s.filters).reduce((sum, v) => sum + v.length, 0);
}

/** " for “q”", plus a note of the filters and range in force. */
function describe(s) {
  const parts = [];
  const { query } = searchQuery(s.q);
  if (query) parts.push(` for “${query}”`);
  const n = chosenValues(s);
  if (n) parts.push(` with ${n} filter value${n === 1 ? "" : "s"}`);
  if (s.from || s.to) parts.push(` dated ${s.from || "…"} to ${s.to || "…"}`);
  return parts.join("");
}

/** Page numbers around the current one, with the first and last; null marks a gap. */
function pageNumbers(current, pages) {
  const out = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - current) <= 2) out.push(p);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}

/**
 * The paragraphs that hold the words (Pagefind sub-results under the paragraph anchors' titles, `#pN`), those with
 * the most hits first, at most three, shown in reading order.
 */
function paragraphHits(data) {
  const subs = (data.sub_results ?? []).filter((s) => s.anchor && /#p\d+$/.test(s.url));
  return subs
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.locations.length - a.s.locations.length || a.i - b.i)
    .slice(0, 3)
    .sort((a, b) => a.i - b.i)
    .map(({ s }) => s);
}

/** The URL with `?highlight=<query>`: the landing page marks the words (search-highlight.js). */
function highlighted(url, q) {
  if (!q || queryTerms(q).length === 0) return url;
  const u = new URL(url, window.location.href);
  u.searchParams.set("highlight", q);
  return `${u.pathname}${u.search}${u.hash}`;
}

/** An excerpt from Pagefind: its text is escaped by Pagefind and only `<mark>` is markup; rebuilt node by node. */
function excerpt(tag, className, html) {
  const node = el(tag, { class: className });
  const parts = (html ?? "").split(/(<mark>.*?<\/mark>)/g);
  for (const part of parts) {
    const m = /^<mark>(.*)<\/mark>$/.exec(part);
    node.append(m ? el("mark", {}, unescape(m[1])) : unescape(part));
  }
  return node;
}

/** Pagefind's excerpts escape `<` and `>` only (the rest of the text is as indexed). */
function unescape(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2021-06-02" → "June 2, 2021", as the release pages write dates. */
function readableDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return m && d ? `${MONTHS[m - 1]} ${d}, ${y}` : iso;
}

/** A new element with attributes and children (text or nodes). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

// Search page: starts Pagefind's Default UI over every shard of the index and runs the query given in the address (?q=…).
// The index is one Pagefind bundle per year, listed newest first in <bundle path>shards.json: the first is the UI's
// bundle, the others are merged into it (https://pagefind.app/docs/multisite/). Paths carry the site's path prefix.
/* global PagefindUI */
"use strict";

window.addEventListener("DOMContentLoaded", async () => {
  const element = document.getElementById("search");
  if (!element) return;
  const root = element.dataset.bundlePath || "/pagefind/";
  const manifest = await fetch(`${root}shards.json`).then((r) => (r.ok ? r.json() : { shards: [] }), () => ({ shards: [] }));
  const [first, ...rest] = manifest.shards;
  const ui = new PagefindUI({
    element: "#search",
    bundlePath: first ? first.bundlePath : root,
    mergeIndex: rest.map((s) => ({ bundlePath: s.bundlePath })),
    baseUrl: element.dataset.baseUrl || "/",
    showSubResults: true,
    showImages: false,
  });
  // Pagefind's box is labelled by its placeholder and title only; give it a name (axe: label-title-only).
  element.querySelector(".pagefind-ui__search-input")?.setAttribute("aria-label", "Search releases");
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
    // Keep the header box in step with what is being searched.
    const box = document.getElementById("site-search-q");
    if (box) box.value = query;
  }
});

// Search page: starts Pagefind's Default UI and runs the query given in the address (?q=…), e.g. from the header box.
// The bundle and the result links live under the site's path prefix, given by the page (data-bundle-path, data-base-url).
/* global PagefindUI */
"use strict";

window.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("search");
  if (!element) return;
  const ui = new PagefindUI({
    element: "#search",
    bundlePath: element.dataset.bundlePath || "/pagefind/",
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

// Search page: starts Pagefind's Default UI and runs the query given in the address (?q=…), e.g. from the header box.
/* global PagefindUI */
"use strict";

window.addEventListener("DOMContentLoaded", () => {
  const ui = new PagefindUI({
    element: "#search",
    showSubResults: true,
    showImages: false,
  });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
    // Keep the header box in step with what is being searched.
    const box = document.getElementById("site-search-q");
    if (box) box.value = query;
  }
});

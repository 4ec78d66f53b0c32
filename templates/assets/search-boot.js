// On every page, and small: loads search code only when it is needed. On /search/ it starts the search page
// (search.js); the header box's first focus prefetches Pagefind so a search starts fast; a page opened from a
// result (?highlight=…) marks the searched words (search-highlight.js). Nothing else loads on a page view.
"use strict";

(() => {
  const script = document.currentScript;
  const assets = new URL(".", script.src);
  const form = document.querySelector("form.site-search");
  const bundle = new URL(script.dataset.bundle || "/pagefind/", window.location.href);

  if (document.getElementById("search-app")) {
    void import(new URL("search.js", assets).href);
  } else if (form) {
    // Once: fetch what the search page will need into the HTTP cache while the reader types.
    form.addEventListener("focusin", () => prefetch(), { once: true });
  }
  if (new URLSearchParams(window.location.search).has("highlight")) {
    void import(new URL("search-highlight.js", assets).href);
  }

  function prefetch() {
    const add = (href) => {
      const link = document.createElement("link");
      link.rel = "prefetch";
      link.href = href.href;
      document.head.append(link);
    };
    for (const f of ["search.js", "search-engine.js", "search-state.js", "search.css"]) add(new URL(f, assets));
    // Pagefind's code is in the first bundle the manifest lists (search-engine.js loads it from there).
    const manifest = new URL("shards.json", bundle);
    fetch(manifest)
      .then((r) => (r.ok ? r.json() : null))
      .then((m) => {
        const first = new URL(m?.bundles?.[0]?.path ?? "./", manifest);
        for (const f of ["pagefind.js", `wasm.${document.documentElement.lang || "unknown"}.pagefind`]) add(new URL(f, first));
      })
      .catch(() => {});
  }
})();

// On every page, and small: loads search code only when it is needed. The header box's first focus prefetches
// Pagefind so a search starts fast (the search page loads its own script, search.js, as soon as it can); a page
// opened from a result (?highlight=…) marks the searched words (search-highlight.js). Nothing else loads on a page
// view.
"use strict";

(() => {
  const script = document.currentScript;
  const assets = new URL(".", script.src);
  const form = document.querySelector("form.site-search");
  const bundle = new URL(script.dataset.bundle || "/pagefind/", window.location.href);

  if (form && !document.getElementById("search-app")) {
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
    // Pagefind's code is in the first bundle the manifest lists (search-engine.js loads it from there), with the
    // files every search of a bundle loads (its metadata and WebAssembly).
    const manifest = new URL("shards.json", bundle);
    fetch(manifest)
      .then((r) => (r.ok ? r.json() : null))
      .then((m) => {
        const bundles = m?.bundles ?? [];
        const first = new URL(bundles[0]?.path ?? "./", manifest);
        add(new URL("pagefind.js", first));
        for (const b of bundles) for (const f of Array.isArray(b.preload) ? b.preload : []) add(new URL(`${b.path}${f}`, manifest));
      })
      .catch(() => {});
  }
})();

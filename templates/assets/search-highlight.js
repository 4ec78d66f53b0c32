// A release opened from a search result (?highlight=<query>): marks the searched words and phrases in the statement
// with <mark>, and brings the first one (or the linked paragraph, #pN) into view. Loaded by search-boot.js only when
// the address asks for it.
import { queryTerms } from "./search-state.js";

const query = new URLSearchParams(window.location.search).get("highlight") ?? "";
const terms = queryTerms(query);
const roots = [...document.querySelectorAll("[data-pagefind-body] h1, .release__preamble, .release__body")];

if (terms.length && roots.length) {
  // Words match from their start, as Pagefind matches prefixes ("cyber" → "cyberspace"); phrases match whole.
  const escape = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escape).join("|")})[\\p{L}\\p{N}]*`, "giu");
  const marks = [];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      // The paragraph links (¶) are not statement text.
      acceptNode: (node) => (node.parentElement?.closest("a.pl, mark") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    for (const node of nodes) {
      const text = node.nodeValue ?? "";
      pattern.lastIndex = 0;
      if (!pattern.test(text)) continue;
      pattern.lastIndex = 0;
      const fragment = document.createDocumentFragment();
      let last = 0;
      for (const m of text.matchAll(pattern)) {
        fragment.append(text.slice(last, m.index));
        const mark = document.createElement("mark");
        mark.className = "search-hit";
        mark.textContent = m[0];
        fragment.append(mark);
        marks.push(mark);
        last = m.index + m[0].length;
      }
      fragment.append(text.slice(last));
      node.replaceWith(fragment);
    }
  }
  document.documentElement.dataset.highlighted = String(marks.length);
  // A paragraph link (#p12) already scrolled there; otherwise show the first hit in the body.
  if (!window.location.hash) marks.find((m) => m.closest(".release__body"))?.scrollIntoView({ block: "center" });
}

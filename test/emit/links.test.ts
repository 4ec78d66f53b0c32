// Links in a block render through markdown-it as anchors on exactly their characters, the text shown literally.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { blockMarkdown } from "../../src/emit/markdown.ts";
import type { Block } from "../../src/model/release.ts";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.disable("code");

/** The rendered anchors (text, href) in order, and the visible text, read with markdown-it's own token stream. */
function rendered(markdown: string): { text: string; anchors: { text: string; href: string }[] } {
  const anchors: { text: string; href: string }[] = [];
  let text = "";
  let open: { text: string; href: string } | null = null;
  for (const block of md.parseInline(markdown, {})) {
    for (const t of block.children ?? []) {
      if (t.type === "link_open") open = { text: "", href: String(t.attrGet("href") ?? "") };
      else if (t.type === "link_close" && open) {
        anchors.push(open);
        open = null;
      } else if (t.type === "text" || t.type === "code_inline") {
        text += t.content;
        if (open) open.text += t.content;
      } else if (t.type === "hardbreak" || t.type === "softbreak") text += "\n";
    }
  }
  return { text, anchors };
}

const chars = fc.constantFrom(..."ab #>*-_+=`[]()<>!&;.:1|~\\\"'é’".split(""));
const word = fc.string({ unit: chars, minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.length > 0);
const href = fc.constantFrom("https://www.state.gov/r/", "https://example.org/a(b)?q=1&x=<y>", "mailto:a@state.gov", "https://example.org/with space");

test("a paragraph's links become Markdown links on exactly their text (property)", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(word, fc.option(href, { nil: null })), { minLength: 1, maxLength: 5 }), (parts) => {
      let text = "";
      const links: { start: number; end: number; href: string }[] = [];
      for (const [w, h] of parts) {
        if (text.length > 0) text += " ";
        if (h) links.push({ start: text.length, end: text.length + w.length, href: h });
        text += w;
      }
      const block: Block = links.length > 0 ? { kind: "paragraph", text, links } : { kind: "paragraph", text };
      const out = rendered(blockMarkdown(block));
      assert.equal(out.text, text);
      assert.deepEqual(
        out.anchors.map((a) => a.text),
        links.map((l) => text.slice(l.start, l.end)),
      );
      assert.deepEqual(
        out.anchors.map((a) => decodeURI(a.href)),
        links.map((l) => decodeURI(encodeURI(l.href))),
      );
    }),
    { numRuns: 500 },
  );
});

test("links in turns and list items, and a link across a line break", () => {
  assert.equal(blockMarkdown({ kind: "turn", speaker: "MR PRICE", text: "See the report.", links: [{ start: 4, end: 14, href: "https://www.state.gov/r/" }] }), "**MR PRICE:** See [the report](https://www.state.gov/r/).");
  assert.equal(blockMarkdown({ kind: "list", ordered: false, items: ["one", "two"], itemLinks: [[], [{ start: 0, end: 3, href: "https://a.example/" }]] }), "- one\n- [two](https://a.example/)");
  assert.equal(blockMarkdown({ kind: "paragraph", text: "ab\ncd", links: [{ start: 1, end: 4, href: "https://a.example/" }] }), "a[b](https://a.example/)\\\n[c](https://a.example/)d");
});

// Escaped statement text renders through markdown-it as exactly the original text: nothing added, nothing lost.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { escapeMarkdown } from "../../src/emit/escape.ts";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** The visible text of rendered HTML: tags dropped, the entities markdown-it writes decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .trim();
}

const line = fc.string({ unit: fc.constantFrom(..."ab #>*-_+=`[]()<>!&;.:1|~\\\"'é’".split("")), maxLength: 40 }).map((s) => s.trim()).filter((s) => s.length > 0 && !/\s{2}/.test(s));

test("escaped text renders literally (property)", () => {
  fc.assert(
    fc.property(line, (text) => {
      assert.equal(visibleText(md.render(escapeMarkdown(text))), text);
    }),
    { numRuns: 2000 },
  );
});

test("escaped text renders literally (examples)", () => {
  for (const text of ["# not a heading", "1. not a list", "2015. A year", "- not a bullet", "---", "a *b* _c_ `d` [e](f) <b>g</b> &amp; h", "===", "> not a quote", "+ x", "1) x"]) {
    assert.equal(visibleText(md.render(escapeMarkdown(text))), text, text);
  }
});

/** escapeMarkdown as it was before its no-escape fast path: both replaces on every line. */
function escapeByReplaces(text: string, atLineStart = true): string {
  const inline = text.replace(/[\\`*_[\]<>~|]/g, "\\$&").replace(/&(?=#?[a-z0-9]+;)/gi, "&amp;");
  if (!atLineStart) return inline;
  return inline.replace(/^(\s*)(#|>|[-+=]|\d+[.)])/, (_m, space: string, mark: string) => `${space}${mark.replace(/^(\d+)([.)])$/, "$1\\$2").replace(/^([#>+=-])$/, "\\$1")}`);
}

test("the fast path for lines that need no inline escape changes nothing (property)", () => {
  const any = fc.oneof(line, fc.string({ maxLength: 40 }), fc.string({ unit: fc.constantFrom(..."aZ9 \t#>-+=.)&;#x\\`*_[]<>~|".split("")), maxLength: 30 }));
  fc.assert(
    fc.property(any, fc.boolean(), (text, atLineStart) => {
      assert.equal(escapeMarkdown(text, atLineStart), escapeByReplaces(text, atLineStart));
    }),
    { numRuns: 3000 },
  );
});

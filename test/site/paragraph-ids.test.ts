// The markdown-it setup for release bodies: numbered paragraphs and list items, styled speaker turns, no raw HTML.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createMarkdown } from "../../src/site/markdown.ts";

const render = (markdown: string) => createMarkdown().render(markdown);
/** The "link to this paragraph" control of block n. */
const link = (n: number) => `<a class="pl" href="#p${n}" aria-label="Paragraph ${n}">¶</a>`;

test("numbers paragraphs in reading order", () => {
  assert.equal(render("One.\n\nTwo.\n\nThree."), `<p id="p1">One. ${link(1)}</p>\n<p id="p2">Two. ${link(2)}</p>\n<p id="p3">Three. ${link(3)}</p>\n`);
});

test("numbering restarts for every document", () => {
  const md = createMarkdown();
  md.render("One.\n\nTwo.");
  assert.equal(md.render("Again."), `<p id="p1">Again. ${link(1)}</p>\n`);
});

test("numbers list items, not the paragraphs inside them, and skips headings", () => {
  const html = render("Intro.\n\n## Heading\n\n- a\n- b\n  - nested\n\n1. loose\n\n   more of it\n2. second\n\nAfter.");
  assert.ok(html.includes(`<p id="p1">Intro. ${link(1)}</p>`));
  assert.ok(html.includes("<h2>Heading</h2>"));
  assert.ok(html.includes(`<li id="p2">${link(2)} a</li>`));
  assert.ok(html.includes(`<li id="p3">${link(3)} b\n<ul>\n<li id="p4">${link(4)} nested</li>`));
  assert.ok(html.includes(`<li id="p5">\n<p>${link(5)} loose</p>\n<p>more of it</p>\n</li>`));
  assert.ok(html.includes(`<li id="p6">\n<p>${link(6)} second</p>`));
  assert.ok(html.includes(`<p id="p7">After. ${link(7)}</p>`));
});

test("a bold label ending in a colon is a speaker turn", () => {
  assert.equal(
    render("**MR PRICE:** Good afternoon.\n\n**QUESTION:**"),
    `<p id="p1" class="turn"><strong class="speaker">MR PRICE:</strong> Good afternoon. ${link(1)}</p>\n` +
      `<p id="p2" class="turn"><strong class="speaker">QUESTION:</strong> ${link(2)}</p>\n`,
  );
});

test("other bold text is not a turn", () => {
  for (const markdown of ["**Note** the colon is missing.", "Text then **LABEL:** later.", "**[link:](x)** no", "\\*\\*MR PRICE:\\*\\* escaped"]) {
    const html = render(markdown);
    assert.doesNotMatch(html, /class="turn"|class="speaker"/, markdown);
  }
});

test("escaped Markdown shows literally and raw HTML is escaped", () => {
  assert.equal(render("\\*not emphasis\\* \\[not a link\\](x) \\# 1\\. \\_x\\_"), `<p id="p1">*not emphasis* [not a link](x) # 1. _x_ ${link(1)}</p>\n`);
  assert.equal(render("<script>alert(1)</script> &amp; <b>"), `<p id="p1">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt; ${link(1)}</p>\n`);
});

test("indented lines are prose, not code blocks", () => {
  assert.equal(render("    indented statement text"), `<p id="p1">indented statement text ${link(1)}</p>\n`);
});

test("no typographic replacement or autolinking", () => {
  assert.equal(render('"Quotes" -- (c) www.state.gov'), `<p id="p1">&quot;Quotes&quot; -- (c) www.state.gov ${link(1)}</p>\n`);
});

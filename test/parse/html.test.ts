// The HTML cleaner and converter: junk removed, text as the text parser would read it, links carried as ranges.
import assert from "node:assert/strict";
import { test } from "node:test";
import { htmlToBlocks, htmlToText } from "../../src/parse/html.ts";

test("scripts, styles, hidden inputs, hidden elements, comments and empty paragraphs are dropped", () => {
  const blocks = htmlToBlocks(
    `<p>One.</p><script>var tracked = true;</script><style>p { color: red }</style><input type="hidden" data-filter="1" />` +
      `<p>&nbsp;</p><p></p><p> <br/> </p><!-- a comment --><div hidden>secret</div><p style="display:none">gone</p><p>Two.</p>`,
  );
  assert.deepEqual(blocks, [
    { kind: "paragraph", text: "One." },
    { kind: "paragraph", text: "Two." },
  ]);
});

test("whitespace collapses as in plain text; <br> is a line break; <wbr> joins a word", () => {
  assert.deepEqual(htmlToBlocks("<p>  Washington,&nbsp; D.C.<br>\nTreaty   Room </p><p>fiscal-<wbr>transparency</p>"), [
    { kind: "paragraph", text: "Washington, D.C.\nTreaty Room" },
    { kind: "paragraph", text: "fiscal-transparency" },
  ]);
});

test("a bold speaker label opens a turn, as a label does in plain text", () => {
  assert.deepEqual(htmlToBlocks("<p><b>MR PRICE: </b>Good afternoon.</p><p><strong>QUESTION:</strong> Why?</p>"), [
    { kind: "turn", speaker: "MR PRICE", text: "Good afternoon." },
    { kind: "turn", speaker: "QUESTION", text: "Why?" },
  ]);
});

test("links are kept as ranges of the plain text, unwrapped, and follow a turn's label", () => {
  const [turn] = htmlToBlocks(
    `<p><b>MS PORTER:</b> See <a href="https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.state.gov%2Fr%2F&amp;data=1"> the report </a>.</p>`,
  );
  assert.deepEqual(turn, { kind: "turn", speaker: "MS PORTER", text: "See the report .", links: [{ start: 4, end: 14, href: "https://www.state.gov/r/" }] });
});

test("headings, bold heading-shaped paragraphs, lists and tables", () => {
  assert.deepEqual(
    htmlToBlocks(`<h2>Key Points</h2><p><strong>Next Steps Ahead</strong></p><ol><li>One <a href="https://a.example/">a</a></li><li><b>NOTE:</b>two</li></ol><table><tr><td>Africa</td><td>Americas</td></tr></table>`),
    [
      { kind: "heading", text: "Key Points" },
      { kind: "heading", text: "Next Steps Ahead" },
      { kind: "list", ordered: true, items: ["One a", "NOTE:two"], itemLinks: [[{ start: 4, end: 5, href: "https://a.example/" }], []] },
      { kind: "paragraph", text: "Africa\nAmericas" },
    ],
  );
});

test("text outside any paragraph reads as one; a title written as HTML reads as text", () => {
  assert.deepEqual(htmlToBlocks("Loose <em>text</em> here"), [{ kind: "paragraph", text: "Loose text here" }]);
  assert.equal(htmlToText("U.S.&ndash;Korea <b>Dialogue</b> &amp; Statement"), "U.S.–Korea Dialogue & Statement");
});

// markdown-it plugin: numbers a statement's paragraphs and list items (`id="p1"`, …) with a visible link to each, and marks speaker turns.
import type { MarkdownIt } from "markdown-it";

type Token = ReturnType<MarkdownIt["parse"]>[number];

/** Class of a paragraph that is a transcript turn (`**MR PRICE:** text`), and of its speaker label. */
export const TURN_CLASS = "turn";
export const SPEAKER_CLASS = "speaker";
/** Class of the "link to this paragraph" control (short: it is repeated on every paragraph of every page). */
export const ANCHOR_CLASS = "pl";
/** The token type of that control inside a block's inline children. */
const ANCHOR_TOKEN = "paragraph_anchor";

/**
 * Gives every citable block an anchor so a reader can link to "paragraph 7" of a release. Numbered, in reading
 * order: top-level paragraphs (turns included) and list items, nested ones too. A paragraph inside a list item is
 * not numbered apart from its item, so each anchor points at one visible block.
 */
export default function paragraphIds(md: MarkdownIt, options: { prefix?: string } = {}): void {
  const prefix = options.prefix ?? "p";
  // A link to the block's own anchor, so a reader can copy a paragraph's address without JavaScript. The pilcrow is
  // a symbol; the accessible name says what the link is.
  md.renderer.rules[ANCHOR_TOKEN] = (tokens, idx) => {
    const id = tokens[idx]!.meta as { id: string; n: number; end: boolean };
    const link = `<a class="${ANCHOR_CLASS}" href="#${id.id}" aria-label="Paragraph ${id.n}">¶</a>`;
    return id.end ? ` ${link}` : `${link} `;
  };
  md.core.ruler.push("paragraph_ids", (state) => {
    const tokens = state.tokens;
    let n = 0;
    let listItemDepth = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === "list_item_open") {
        listItemDepth++;
        token.attrSet("id", `${prefix}${++n}`);
        // The item's first line of text: the link goes first, before any nested list.
        const inline = tokens.slice(i + 1, i + 3).find((t) => t.type === "inline");
        inline?.children?.unshift(anchor(state, `${prefix}${n}`, n, false));
      } else if (token.type === "list_item_close") {
        listItemDepth--;
      } else if (token.type === "paragraph_open" && listItemDepth === 0) {
        token.attrSet("id", `${prefix}${++n}`);
        markTurn(token, tokens[i + 1]);
        const inline = tokens[i + 1];
        if (inline?.type === "inline") inline.children?.push(anchor(state, `${prefix}${n}`, n, true));
      }
    }
  });
}

/** The link token of block `n`, placed at the end of a paragraph or the start of a list item. */
function anchor(state: { Token: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token }, id: string, n: number, end: boolean): Token {
  const token = new state.Token(ANCHOR_TOKEN, "a", 0);
  token.meta = { id, n, end };
  return token;
}

/** A turn is a paragraph that opens with a bold label ending in a colon, as the emitter writes speaker turns. */
function markTurn(paragraph: Token, inline: Token | undefined): void {
  const children = inline?.type === "inline" ? inline.children : null;
  if (!children) return;
  // markdown-it leaves an empty text token where the `**` delimiter was; skip it.
  let open = 0;
  while (children[open]?.type === "text" && children[open]!.content === "") open++;
  if (children[open]?.type !== "strong_open") return;
  let label = "";
  let i = open + 1;
  for (; i < children.length && children[i]!.type !== "strong_close"; i++) {
    const child = children[i]!;
    // Only plain text counts: a label holding a link or code is ordinary emphasis, not a speaker.
    if (child.type !== "text") return;
    label += child.content;
  }
  if (i === children.length || !label.trimEnd().endsWith(":")) return;
  paragraph.attrJoin("class", TURN_CLASS);
  children[open]!.attrJoin("class", SPEAKER_CLASS);
}

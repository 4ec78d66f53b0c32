// markdown-it plugin: numbers a statement's paragraphs and list items (`id="p1"`, `id="p2"`, …) and marks speaker turns.
import type { MarkdownIt } from "markdown-it";

type Token = ReturnType<MarkdownIt["parse"]>[number];

/** Class of a paragraph that is a transcript turn (`**MR PRICE:** text`), and of its speaker label. */
export const TURN_CLASS = "turn";
export const SPEAKER_CLASS = "speaker";

/**
 * Gives every citable block an anchor so a reader can link to "paragraph 7" of a release. Numbered, in reading
 * order: top-level paragraphs (turns included) and list items, nested ones too. A paragraph inside a list item is
 * not numbered apart from its item, so each anchor points at one visible block.
 */
export default function paragraphIds(md: MarkdownIt, options: { prefix?: string } = {}): void {
  const prefix = options.prefix ?? "p";
  md.core.ruler.push("paragraph_ids", (state) => {
    const tokens = state.tokens;
    let n = 0;
    let listItemDepth = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === "list_item_open") {
        listItemDepth++;
        token.attrSet("id", `${prefix}${++n}`);
      } else if (token.type === "list_item_close") {
        listItemDepth--;
      } else if (token.type === "paragraph_open" && listItemDepth === 0) {
        token.attrSet("id", `${prefix}${++n}`);
        markTurn(token, tokens[i + 1]);
      }
    }
  });
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

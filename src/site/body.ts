// A release's body outside its own page: a plain-text summary for feeds and metadata.
import MarkdownIt from "markdown-it";

const inline = new MarkdownIt({ html: false, linkify: false, typographer: false });
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** The text a reader sees of one Markdown block: escapes resolved, emphasis and links reduced to their words. */
export function plainText(markdown: string): string {
  return inline
    .renderInline(markdown)
    .replace(/<br\s*\/?>\n?/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
    .replace(/\s+/g, " ")
    .trim();
}

/** The first paragraph of a body (a turn's words without its label), cut at a word near `max` characters. */
export function summary(body: string, max = 300): string {
  for (const block of body.split(/\n{2,}/)) {
    const text = block.trim();
    if (!text || /^(?:#{1,6} |[-*] |\d+\. )/.test(text)) continue;
    const plain = plainText(text.replace(/^\*\*[^*\n]+:\*\*\s*/, ""));
    if (!plain) continue;
    if (plain.length <= max) return plain;
    const cut = plain.slice(0, max);
    const space = cut.lastIndexOf(" ");
    return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
  }
  return "";
}

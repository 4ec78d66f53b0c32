// Escapes plain statement text so Markdown shows it literally: no accidental emphasis, links, lists or headings.

/** Characters that start inline Markdown syntax anywhere in a line (markdown-it, html disabled). */
const INLINE = /[\\`*_[\]<>~|]/g;
/** Constructs that only matter at the start of a line: headings, quotes, list markers, thematic breaks, setext underlines. */
const LINE_START = /^(\s*)(#|>|[-+=]|\d+[.)])/;

/** Escapes one line of plain text for use as Markdown inline content. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, (c) => `\\${c}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, "&amp;")
    .replace(LINE_START, (_m, space: string, mark: string) => `${space}${mark.replace(/^(\d+)([.)])$/, "$1\\$2").replace(/^([#>+=-])$/, "\\$1")}`);
}

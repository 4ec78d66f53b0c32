// Escapes plain statement text so Markdown shows it literally: no accidental emphasis, links, lists or headings.

/** Characters that start inline Markdown syntax anywhere in a line (markdown-it, html disabled). */
const INLINE = /[\\`*_[\]<>~|]/g;
/** Whether a line needs any inline escape at all (most do not): one scan instead of two replaces. */
const NEEDS_INLINE = /[\\`*_[\]<>~|&]/;
/** An ampersand that would start a character reference. */
const REFERENCE = /&(?=#?[a-z0-9]+;)/gi;
/** Constructs that only matter at the start of a line: headings, quotes, list markers, thematic breaks, setext underlines. */
const LINE_START = /^(\s*)(#|>|[-+=]|\d+[.)])/;

/**
 * Escapes one line of plain text for use as Markdown inline content. `atLineStart: false` is for a piece that
 * continues a line (text after a link), where heading, list and quote marks mean nothing.
 */
export function escapeMarkdown(text: string, atLineStart = true): string {
  const inline = NEEDS_INLINE.test(text) ? text.replace(INLINE, "\\$&").replace(REFERENCE, "&amp;") : text;
  if (!atLineStart) return inline;
  return inline.replace(LINE_START, (_m, space: string, mark: string) => `${space}${mark.replace(/^(\d+)([.)])$/, "$1\\$2").replace(/^([#>+=-])$/, "\\$1")}`);
}

/**
 * A link destination as CommonMark reads it back exactly: plain when it has no space, parenthesis, angle bracket
 * or backslash, else in angle brackets with those characters percent-encoded.
 * See https://spec.commonmark.org/0.31.2/#link-destination.
 */
export function linkDestination(href: string): string {
  if (/^[^\s()<>\\]+$/.test(href)) return href;
  return `<${href.replace(/[\s<>\\]/g, (c) => encodeURIComponent(c))}>`;
}

// The markdown-it instance that renders release bodies (no raw HTML, numbered paragraphs).
import MarkdownIt, { type MarkdownIt as MarkdownItT } from "markdown-it";
import paragraphIds from "./paragraph-ids.ts";

/**
 * The Markdown renderer for statements. `html: false` because bodies are collected text, never trusted markup;
 * no linkify or typographer, so the text is shown exactly as published (escapes such as `\*` show literally).
 * Indented code blocks are off: an indented line in a statement is prose, not code.
 */
export function createMarkdown(): MarkdownItT {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  md.disable("code");
  md.use(paragraphIds);
  return md;
}

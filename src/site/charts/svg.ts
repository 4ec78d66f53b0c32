// Small helpers shared by the chart modules: escaping text for SVG and HTML, and attribute lists.

/** Escapes text for an element's content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Turns a site path into the link a page writes (the path prefix added): the `href` filter's function. */
export type Href = (path: string) => string;

// Splits decoded text into numbered lines (LF, CRLF or CR) and groups them into blank-line-separated blocks.

/** One line of the source, 1-based, with its text (no line terminator) and untrimmed length. */
export interface Line {
  number: number;
  text: string;
}

/** Splits text into lines, accepting LF, CRLF and lone CR terminators. */
export function splitLines(text: string): Line[] {
  // Without a CR every terminator is a LF, and a split on a string is much faster than on a regex.
  const texts = text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
  return texts.map((t, i) => ({ number: i + 1, text: t }));
}

/** True when a line holds nothing but whitespace (including no-break and zero-width spaces). */
export function isBlank(text: string): boolean {
  return /^[\s\u200b\u200e\u200f\ufeff]*$/.test(text);
}

/** Collapses runs of whitespace and trims, for comparing lines. */
export function normalizeSpace(text: string): string {
  // Most lines need only a trim; the replace is the hot path of ingest, so skip it when nothing would change.
  return needsCollapsing(text) ? text.replace(/[\s\u00a0]+/g, " ").trim() : text.trim();
}

/** Whitespace other than the space and the no-break space: tab, line breaks, Unicode spaces, the BOM. */
const OTHER_SPACE = /[\t-\r\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const DOUBLE_SPACE = / {2}/;

/**
 * True when collapsing would change more than the ends: any whitespace but a single space. Three quick scans, because
 * one regex for all makes V8 stop and try at every space (its scan table even confuses U+00A0 with the space).
 */
function needsCollapsing(text: string): boolean {
  return text.includes("\u00a0") || OTHER_SPACE.test(text) || DOUBLE_SPACE.test(text);
}

// Splits decoded text into numbered lines (LF, CRLF or CR) and groups them into blank-line-separated blocks.

/** One line of the source, 1-based, with its text (no line terminator) and untrimmed length. */
export interface Line {
  number: number;
  text: string;
}

/** Splits text into lines, accepting LF, CRLF and lone CR terminators. */
export function splitLines(text: string): Line[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ number: i + 1, text: t }));
}

/** True when a line holds nothing but whitespace (including no-break and zero-width spaces). */
export function isBlank(text: string): boolean {
  return /^[\s\u200b\u200e\u200f\ufeff]*$/.test(text);
}

/** Collapses runs of whitespace and trims, for comparing lines. */
export function normalizeSpace(text: string): string {
  // Most lines need only a trim; the replace is the hot path of ingest, so skip it when nothing would change.
  return NEEDS_NORMALIZING.test(text) ? text.replace(/[\s\u00a0]+/g, " ").trim() : text.trim();
}

const NEEDS_NORMALIZING = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

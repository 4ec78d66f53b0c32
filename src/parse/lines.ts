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
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

// The limits every source is held to, so that no input can take unbounded memory or time; each has its diagnostic.
import { type Diagnostic, diagnostic } from "../model/diagnostic.ts";

/**
 * The limits, chosen well above any real release (the longest of the 587 corpus statements is under 200 KB, the
 * biggest feed snapshot under 300 KB with ten items) and low enough that the worst input within them parses in
 * seconds and a few hundred megabytes (figures: docs/reliability.md).
 */
export const LIMITS = {
  /** Bytes of one source file; a bigger file is reported as SOURCE_TOO_LARGE without being read. */
  maxSourceBytes: 16 * 1024 * 1024,
  /** Characters of one line of a text source, or of one paragraph of a feed item (LINE_TOO_LONG). */
  maxLineLength: 100_000,
  /** Items read from one feed; the rest are reported (TOO_MANY_FEED_ITEMS). */
  maxFeedItems: 5_000,
  /** How deep a feed's XML elements, or a feed item's HTML elements, may nest (TOO_DEEP). */
  maxDepth: 100,
  /** Elements in one feed item's HTML (the most in the 106 real snapshots is 454): TOO_MANY_ELEMENTS. */
  maxHtmlElements: 20_000,
  /** Elements in the HTML of all of one feed's items (the most in a real snapshot is about 2,000): TOO_MANY_ELEMENTS. */
  maxFeedElements: 250_000,
} as const;

/** The codes of the limits, as diagnostics name them. */
export type LimitCode = "SOURCE_TOO_LARGE" | "LINE_TOO_LONG" | "TOO_MANY_FEED_ITEMS" | "TOO_DEEP" | "TOO_MANY_ELEMENTS";

/**
 * Thrown by the pure readers (HTML → blocks) when an input passes a limit in the middle of a tree walk; the item's
 * caller turns it into a diagnostic of its code. Never escapes parseSource.
 */
export class LimitExceeded extends Error {
  constructor(
    readonly code: LimitCode,
    message: string,
  ) {
    super(message);
  }
}

/** Bytes as people read them: `16 MiB`, `52.3 MiB`, `900 bytes`. */
export function showBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${+(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** The diagnostic of a source over {@link LIMITS.maxSourceBytes}. */
export function tooLarge(size: number, path: string): Diagnostic {
  const n = (x: number) => x.toLocaleString("en-US");
  return diagnostic("SOURCE_TOO_LARGE", `Unexpected file of ${n(size)} bytes (${showBytes(size)}), expected at most ${n(LIMITS.maxSourceBytes)} (${showBytes(LIMITS.maxSourceBytes)}); it is not read`, path, { line: 1, column: 1 });
}

/** The 1-based number and length of the first line longer than {@link LIMITS.maxLineLength}, or null. */
export function firstLongLine(text: string): { line: number; length: number } | null {
  if (text.length <= LIMITS.maxLineLength) return null;
  const eol = /\r\n|\r|\n/g;
  let start = 0;
  let line = 1;
  for (let m = eol.exec(text); m !== null; m = eol.exec(text)) {
    if (m.index - start > LIMITS.maxLineLength) return { line, length: m.index - start };
    start = m.index + m[0].length;
    line++;
  }
  return text.length - start > LIMITS.maxLineLength ? { line, length: text.length - start } : null;
}

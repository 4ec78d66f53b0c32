// Rule: the remaining statement lines become body blocks. Lines not parted by a blank line form one block:
// a run of bulleted lines is a list (a following line continues the item), other lines are one paragraph (or speaker turn) keeping its line breaks.
import type { Block } from "../../model/release.ts";
import type { Line } from "../../parse/lines.ts";
import { normalizeSpace } from "../../parse/lines.ts";
import type { ExtractRule } from "../context.ts";
import { JOINING_WORDS, isHeaderWord } from "../vocabulary.ts";
import { readWrittenDate } from "../../parse/dates.ts";

/** A transcript speaker label: capitals, spaces, dots, apostrophes, hyphens, an optional parenthesis, then a colon. */
const TURN = /^((?:MR|MS|MRS|DR)?\.?\s?[\p{Lu}][\p{Lu}\p{M}.'’\- ]{1,60}?(?:\s?\([^)]{1,40}\))?):\s*(\S.*)$/u;
/** A bullet: a hyphen, asterisk or bullet sign and a space. An en dash is not one: "– Secretary Blinken, May 28" is an attribution. */
const BULLET = /^[•·▪◦*-]\s+(\S.*)$/;

/** Reads a line as a speaker turn ("MR PRICE: Good afternoon."), or null. */
export function readTurn(text: string): { speaker: string; text: string } | null {
  const m = TURN.exec(text);
  if (!m) return null;
  const label = m[1]!.trim();
  if (!/\p{Lu}{2}/u.test(label) || /\p{Ll}/u.test(label.replace(/\([^)]*\)/, ""))) return null;
  return { speaker: label, text: m[2]! };
}

/** Splits lines into groups that no blank line separates (their line numbers follow each other). */
function groups(lines: Line[]): Line[][] {
  const out: Line[][] = [];
  for (const line of lines) {
    const last = out.at(-1);
    if (last && last.at(-1)!.number + 1 === line.number) last.push(line);
    else out.push([line]);
  }
  return out;
}

/** The blocks of one group: runs of bullet lines become lists, other runs one paragraph or turn each. */
function groupBlocks(texts: string[]): Block[] {
  const blocks: Block[] = [];
  for (const text of texts) {
    const bullet = BULLET.exec(text);
    const last = blocks.at(-1);
    if (bullet) {
      if (last?.kind === "list") last.items.push(bullet[1]!);
      else blocks.push({ kind: "list", ordered: false, items: [bullet[1]!] });
    } else if (last?.kind === "list") {
      // A line straight after a bullet continues that item, as in Markdown (a lazy continuation line).
      last.items[last.items.length - 1] += `\n${text}`;
    } else if (last) {
      last.text += `\n${text}`;
    } else {
      const turn = readTurn(text);
      blocks.push(turn ? { kind: "turn", ...turn } : { kind: "paragraph", text });
    }
  }
  return blocks;
}

/**
 * Plain text has no heading markup, so a heading is recognised by its shape: one short line of two to twelve words,
 * in title case or all capitals, without closing punctuation, standing alone between paragraphs.
 */
export function looksLikeHeading(text: string): boolean {
  if (text.includes("\n") || text.length > 90 || readTurn(text) || readWrittenDate(text, ["en"]) !== null) return false;
  const words = text.split(" ");
  if (words.length < 2 || words.length > 12 || /[.,;:!?…"”’)\]–—-]$/.test(text) || !/^\p{Lu}/u.test(text)) return false;
  return words.every(isHeaderWord) && words.filter((w) => !JOINING_WORDS.has(w.toLowerCase())).every((w) => /^[\p{Lu}\d(“"'‘&]/u.test(w));
}

/** Turns heading-shaped paragraphs that stand between two other blocks into headings. */
function markHeadings(blocks: Block[]): Block[] {
  return blocks.map((b, i) => {
    const next = blocks[i + 1];
    if (b.kind !== "paragraph" || i === 0 || !next || next.kind === "heading" || !looksLikeHeading(b.text)) return b;
    if (next.kind === "paragraph" && looksLikeHeading(next.text)) return b;
    return { kind: "heading", text: b.text };
  });
}

export const bodyRule: ExtractRule = {
  name: "body",
  run(ctx) {
    const blocks: Block[] = [];
    for (const group of groups(ctx.statement)) {
      blocks.push(...groupBlocks(group.map((l) => normalizeSpace(l.text)).filter((t) => t.length > 0)));
    }
    ctx.fields.body = markHeadings(blocks);
    ctx.statement = [];
  },
};

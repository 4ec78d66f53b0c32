// Rule: every remaining statement line becomes a body block: a transcript turn, a bulleted list item or a paragraph.
import type { Block } from "../../model/release.ts";
import { normalizeSpace } from "../../parse/lines.ts";
import type { ExtractRule } from "../context.ts";

/** A transcript speaker label: capitals, spaces, dots, apostrophes, hyphens, an optional parenthesis, then a colon. */
const TURN = /^((?:MR|MS|MRS|DR)?\.?\s?[\p{Lu}][\p{Lu}\p{M}.'’\- ]{1,60}?(?:\s?\([^)]{1,40}\))?):\s+(\S.*)$/u;
const BULLET = /^[•·▪◦\-*–]\s+(\S.*)$/;

/** Reads a line as a speaker turn ("MR PRICE: Good afternoon."), or null. */
export function readTurn(text: string): { speaker: string; text: string } | null {
  const m = TURN.exec(text);
  if (!m) return null;
  const label = m[1]!.trim();
  if (!/\p{Lu}{2}/u.test(label) || /\p{Ll}/u.test(label.replace(/\([^)]*\)/, ""))) return null;
  return { speaker: label, text: m[2]! };
}

export const bodyRule: ExtractRule = {
  name: "body",
  run(ctx) {
    const blocks: Block[] = [];
    for (const line of ctx.statement) {
      const text = normalizeSpace(line.text);
      if (text.length === 0) continue;
      const bullet = BULLET.exec(text);
      const last = blocks.at(-1);
      if (bullet) {
        if (last?.kind === "list") last.items.push(bullet[1]!);
        else blocks.push({ kind: "list", ordered: false, items: [bullet[1]!] });
        continue;
      }
      const turn = readTurn(text);
      blocks.push(turn ? { kind: "turn", ...turn } : { kind: "paragraph", text });
    }
    ctx.fields.body = blocks;
    ctx.statement = [];
  },
};

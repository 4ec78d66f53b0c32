// Rule: text before a "Begin Text:" marker, or an opening attribution line, is the preamble; markers are dropped.
import { normalizeSpace } from "../../parse/lines.ts";
import type { ExtractRule } from "../context.ts";

const BEGIN_MARKER = /^begin\s+text\s*[:.]?$/i;
const END_MARKER = /^end\s+text\s*[:.]?$/i;
/** How many lines may precede a "Begin Text:" marker and still be preamble. */
const MAX_PREAMBLE_LINES = 3;
/** Opening lines that introduce the statement rather than belong to it. */
const ATTRIBUTION =
  /^(?:the\s+(?:text\s+of\s+the\s+)?following\s+(?:statement|joint statement|is|was|text|readout)|the\s+below\s+is\s+attributable|below\s+is\s+the\s+text|the\s+following\s+is\s+attributable)/i;

export const preambleRule: ExtractRule = {
  name: "preamble",
  run(ctx) {
    const lines = ctx.statement;
    const marker = lines.slice(0, MAX_PREAMBLE_LINES + 1).findIndex((l) => BEGIN_MARKER.test(normalizeSpace(l.text)));
    let preamble: string[] = [];
    if (marker >= 0) {
      preamble = lines.slice(0, marker).map((l) => normalizeSpace(l.text));
      lines.splice(0, marker + 1);
    } else if (lines.length > 1 && ATTRIBUTION.test(normalizeSpace(lines[0]!.text)) && lines[0]!.text.length <= 600) {
      preamble = [normalizeSpace(lines[0]!.text)];
      lines.splice(0, 1);
    }
    ctx.fields.preamble = preamble.length > 0 ? preamble.join("\n\n") : null;
    for (let i = lines.length - 1; i >= 0; i--) {
      const text = lines[i]!.text;
      if (text.length < 40 && (END_MARKER.test(normalizeSpace(text)) || BEGIN_MARKER.test(normalizeSpace(text)))) lines.splice(i, 1);
    }
  },
};

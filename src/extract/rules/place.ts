// Rule: up to two place lines ("New York, New York" / "United Nations Headquarters") between the creator and the
// date line (the first of the lines left there, else the last), or, failing those, right after the date line
// ("Washington D.C." / "Treaty Room"), as state.gov lays them out.
import { diagnostic } from "../../model/diagnostic.ts";
import type { Line } from "../../parse/lines.ts";
import { normalizeSpace } from "../../parse/lines.ts";
import type { ExtractRule } from "../context.ts";
import { readTurn } from "./body.ts";
import { isHeaderWord } from "../vocabulary.ts";
import { readWrittenDate } from "../../parse/dates.ts";

/** How many place lines a header may carry. */
const MAX_PLACE_LINES = 2;

/**
 * A place line is short, in title case, not all capitals, not a turn or a date, and ends without sentence
 * punctuation (a closing abbreviation such as "D.C." aside).
 */
export function looksLikePlace(text: string): boolean {
  const t = normalizeSpace(text);
  if (t.length === 0 || t.length > 70 || !/^\p{Lu}/u.test(t) || t === t.toUpperCase()) return false;
  if (readTurn(t) || /[:;!?"“”]/.test(t) || /[-–—,]$/.test(t) || !t.split(" ").every(isHeaderWord)) return false;
  if (readWrittenDate(t, ["en"]) !== null) return false;
  const withoutAbbreviation = t.replace(/(?:\b\p{Lu}\.){2,}$/u, "");
  return !/[.]$/.test(withoutAbbreviation) && t.split(" ").length <= 8;
}

export const placeRule: ExtractRule = {
  name: "place",
  run(ctx) {
    let n = 0;
    while (n < MAX_PLACE_LINES && n < ctx.header.length && looksLikePlace(ctx.header[n]!.text)) n++;
    const places: Line[] = ctx.header.splice(0, n);
    if (places.length === 0) {
      // A line no rule took (a speaker whose title is not read as one, an epigraph) may stand before the place lines:
      // those that end the header are its place all the same, and only that line is reported below.
      while (n < MAX_PLACE_LINES && n < ctx.header.length && looksLikePlace(ctx.header[ctx.header.length - 1 - n]!.text)) n++;
      places.push(...ctx.header.splice(ctx.header.length - n, n));
    }
    if (places.length === 0) {
      // At most two short place lines straight after the date line, and only while body text follows them.
      while (n < MAX_PLACE_LINES && n < ctx.statement.length - 1 && looksLikePlace(ctx.statement[n]!.text)) n++;
      places.push(...ctx.statement.splice(0, n));
    }
    ctx.fields.location = places.length > 0 ? places.map((l) => normalizeSpace(l.text)).join("; ") : null;
    // Anything still unclaimed in the header is kept as body text, never dropped.
    for (const line of ctx.header.reverse()) {
      ctx.diagnostics.push(
        diagnostic(
          "UNKNOWN_HEADER_LINE",
          `Unexpected header line "${normalizeSpace(line.text).slice(0, 60)}", expected a type, office, speaker, place or date; kept as body`,
          ctx.parsed.path,
          { line: line.number, column: 1 },
          { line: line.number, column: line.text.length + 1 },
        ),
      );
      ctx.statement.unshift(line);
    }
    ctx.header = [];
  },
};

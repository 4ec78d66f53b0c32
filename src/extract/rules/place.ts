// Rule: up to two header lines left between the creator and the date line are the place ("Washington, DC").
import { diagnostic } from "../../model/diagnostic.ts";
import { normalizeSpace } from "../../parse/lines.ts";
import type { ExtractRule } from "../context.ts";

/** How many place lines a header may carry ("New York, New York" / "United Nations Headquarters"). */
const MAX_PLACE_LINES = 2;

export const placeRule: ExtractRule = {
  name: "place",
  run(ctx) {
    const places = ctx.header.splice(0, MAX_PLACE_LINES).map((l) => normalizeSpace(l.text));
    ctx.fields.location = places.length > 0 ? places.join("; ") : null;
    // Anything still unclaimed is kept as body text, never dropped.
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

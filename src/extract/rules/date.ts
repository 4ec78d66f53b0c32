// Rule: the release date is the statement's own date line (already an America/New_York calendar date).
import type { ExtractRule } from "../context.ts";

export const dateRule: ExtractRule = {
  name: "date",
  run(ctx) {
    ctx.fields.date = ctx.parsed.date;
  },
};

// Rule: the title is the first statement line after Blogger's chrome, whitespace-normalised.
import { normalizeSpace } from "../../parse/lines.ts";
import type { ExtractRule } from "../context.ts";

export const titleRule: ExtractRule = {
  name: "title",
  run(ctx) {
    ctx.fields.title = ctx.parsed.title ? normalizeSpace(ctx.parsed.title.text) : null;
  },
};

// Rule: a header line that names a release type ("Media Note", "Remarks") sets `type`.
import { readReleaseType } from "../vocabulary.ts";
import type { ExtractRule } from "../context.ts";

export const typeRule: ExtractRule = {
  name: "type",
  run(ctx) {
    const i = ctx.header.findIndex((l) => readReleaseType(l.text) !== null);
    if (i < 0) return;
    ctx.fields.type = readReleaseType(ctx.header[i]!.text);
    ctx.header.splice(i, 1);
  },
};

// Rule: delegations (heads, member organisations, participants per party) from the statement's sentences.
import { findDelegations } from "../delegations.ts";
import { sentencesOf } from "./sentences-of.ts";
import type { ExtractRule } from "../context.ts";

export const delegationsRule: ExtractRule = {
  name: "delegations",
  run(ctx) {
    ctx.fields.delegations = findDelegations(sentencesOf(ctx));
  },
};

// Rule: the release's topics from the curators' taxonomy, ranked by how often their phrases occur.
import { rankTopics } from "../topics.ts";
import { paragraphsOf } from "./sentences-of.ts";
import type { ExtractRule } from "../context.ts";

export const topicsRule: ExtractRule = {
  name: "topics",
  run(ctx) {
    const taxonomy = ctx.options.taxonomy;
    ctx.fields.topics = taxonomy ? rankTopics(ctx.fields.title ?? "", paragraphsOf(ctx).join("\n"), taxonomy) : [];
  },
};

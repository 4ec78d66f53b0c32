// Rule: the events (conferences, dialogues, working groups, forums) a release names.
import { findEvents } from "../events.ts";
import { paragraphsOf } from "./sentences-of.ts";
import type { ExtractRule } from "../context.ts";

export const eventsRule: ExtractRule = {
  name: "events",
  run(ctx) {
    ctx.fields.events = [...new Set(paragraphsOf(ctx).flatMap(findEvents))];
  },
};

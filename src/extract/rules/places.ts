// Rule: the places (cities) a release names, from its place lines and its text.
import { findPlaces } from "../places.ts";
import { paragraphsOf } from "./sentences-of.ts";
import type { ExtractRule } from "../context.ts";

export const placesRule: ExtractRule = {
  name: "places",
  run(ctx) {
    ctx.fields.places = findPlaces(ctx.fields.location?.split("; ") ?? [], paragraphsOf(ctx), ctx.countryMentions ?? []);
  },
};

// Rule: the organisations a release names — delegation members and every department, ministry, agency or body mentioned.
import { dedupe, findOrganisationsInSentence } from "../organizations.ts";
import { sentencesOf } from "./sentences-of.ts";
import type { ExtractRule } from "../context.ts";

export const organizationsRule: ExtractRule = {
  name: "organizations",
  run(ctx) {
    const members = ctx.fields.delegations.flatMap((d) => d.members);
    const mentioned = sentencesOf(ctx).flatMap(findOrganisationsInSentence);
    ctx.fields.organizations = dedupe([...members, ...mentioned]);
  },
};

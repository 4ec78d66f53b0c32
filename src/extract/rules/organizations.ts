// Rule: the organisations a release names — delegation members and every department, ministry, agency or body mentioned.
import { dedupe, findOrganisations } from "../organizations.ts";
import { statementParagraphs } from "../context.ts";
import type { ExtractRule } from "../context.ts";

export const organizationsRule: ExtractRule = {
  name: "organizations",
  run(ctx) {
    const members = ctx.fields.delegations.flatMap((d) => d.members);
    const mentioned = statementParagraphs(ctx.fields).flatMap(findOrganisations);
    ctx.fields.organizations = dedupe([...members, ...mentioned]);
  },
};

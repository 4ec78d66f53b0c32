// Rule: the organisations a release names — delegation members and every department, ministry, agency or body mentioned.
import { dedupe, findOrganisationsInSentence } from "../organizations.ts";
import { sentencesOf } from "./sentences-of.ts";
import type { ExtractRule } from "../context.ts";

export const organizationsRule: ExtractRule = {
  name: "organizations",
  run(ctx) {
    // Plain loops and pushes: this runs for every release, and spreads of flatMaps cost more than the work.
    const names: string[] = [];
    for (const d of ctx.fields.delegations) for (const o of d.members) names.push(o);
    for (const s of sentencesOf(ctx)) for (const o of findOrganisationsInSentence(s)) names.push(o);
    ctx.fields.organizations = dedupe(names);
  },
};

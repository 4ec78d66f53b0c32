// Rule: the people a release names — speakers, delegation heads and participants, officials mentioned — each with a stable id.
import { findPeople, mergePeople, personId } from "../people.ts";
import { sentencesOf } from "./sentences-of.ts";
import type { ExtractRule } from "../context.ts";

export const peopleRule: ExtractRule = {
  name: "people",
  run(ctx) {
    const found = [
      ...ctx.fields.speakers,
      ...ctx.fields.delegations.flatMap((d) => [...d.heads, ...d.participants]),
      ...sentencesOf(ctx).flatMap(findPeople),
    ];
    const people = mergePeople(found);
    // A surname alone ("Secretary Blinken") is the person of that surname named in full, if exactly one is.
    for (const p of found) {
      if (!("surnameOnly" in p) || !p.surnameOnly) continue;
      const matches = people.filter((r) => personId(r.name).endsWith(`-${personId(p.name)}`));
      if (matches.length === 1 && !matches[0]!.title && p.title) matches[0]!.title = p.title;
    }
    ctx.fields.people = people;
  },
};

// Rule: the people a release names — speakers, delegation heads and participants, officials mentioned — each with a stable id.
import { findPeople, mergePeople, personId } from "../people.ts";
import { sentencesOf } from "./sentences-of.ts";
import type { ExtractRule, SurnameMention } from "../context.ts";
import type { Person } from "../../model/release.ts";

export const peopleRule: ExtractRule = {
  name: "people",
  run(ctx) {
    // Plain loops and pushes: this runs for every release, and spreads of flatMaps cost more than the work.
    const found: (Person & { surnameOnly?: boolean })[] = [...ctx.fields.speakers];
    for (const d of ctx.fields.delegations) {
      for (const p of d.heads) found.push(p);
      for (const p of d.participants) found.push(p);
    }
    for (const s of sentencesOf(ctx)) for (const p of findPeople(s)) found.push(p);
    const people = mergePeople(found);
    // A surname alone ("Secretary Blinken") is the person of that surname named in full, if exactly one is; a
    // surname that names no one here is kept, once per title, for ingest to resolve across the archive.
    const surnames = new Map<string, SurnameMention>();
    for (const p of found) {
      if (!p.surnameOnly) continue;
      const suffix = `-${personId(p.name)}`;
      const matches = people.filter((r) => r.id.endsWith(suffix));
      if (matches.length === 1 && !matches[0]!.title && p.title) matches[0]!.title = p.title;
      if (matches.length === 0) surnames.set(`${p.name}\n${p.title}`, { surname: p.name, title: p.title });
    }
    ctx.fields.people = people;
    ctx.fields.surnames = [...surnames.values()];
  },
};

// Rule: the countries a statement concerns — every country named in its title and text, and every delegation's party.
import { findCountries } from "../countries.ts";
import { paragraphsOf } from "./sentences-of.ts";
import type { ExtractRule } from "../context.ts";

export const countriesRule: ExtractRule = {
  name: "countries",
  run(ctx) {
    const codes = new Set<string>();
    const mentions = paragraphsOf(ctx).map((paragraph) => findCountries(paragraph));
    ctx.countryMentions = mentions;
    // In order of first mention: the title's, then the paragraphs'.
    for (const m of findCountries(ctx.fields.title ?? "")) codes.add(m.code);
    for (const paragraph of mentions) for (const m of paragraph) codes.add(m.code);
    // The European Union is a party to talks, not a country.
    for (const d of ctx.fields.delegations) if (d.countryCode && d.countryCode !== "EU") codes.add(d.countryCode);
    ctx.fields.countries = [...codes];
  },
};

// The extraction pipeline: one ordered list of [name, rule]; reading it tells the processing order.
import type { ParsedStatement } from "../parse/text.ts";
import type { ExtractContext, ExtractOptions, ExtractRule, Extracted } from "./context.ts";
import { countriesRule } from "./rules/countries.ts";
import { delegationsRule } from "./rules/delegations.ts";
import { eventsRule } from "./rules/events.ts";
import { organizationsRule } from "./rules/organizations.ts";
import { peopleRule } from "./rules/people.ts";
import { placesRule } from "./rules/places.ts";
import { topicsRule } from "./rules/topics.ts";
import { bodyRule } from "./rules/body.ts";
import { creatorRule } from "./rules/creator.ts";
import { dateRule } from "./rules/date.ts";
import { placeRule } from "./rules/place.ts";
import { preambleRule } from "./rules/preamble.ts";
import { titleRule } from "./rules/title.ts";
import { typeRule } from "./rules/type.ts";

/**
 * The rules, in the order they run: header rules claim lines first, the body takes what is left, then the entity
 * rules read the statement (delegations first: countries, people and organisations include their parties).
 */
export const RULES: readonly ExtractRule[] = [
  titleRule,
  dateRule,
  typeRule,
  creatorRule,
  placeRule,
  preambleRule,
  bodyRule,
  delegationsRule,
  countriesRule,
  peopleRule,
  organizationsRule,
  placesRule,
  eventsRule,
  topicsRule,
];

/** Runs every rule over a parsed statement and returns the fields with the rules' diagnostics. */
export function extract(parsed: ParsedStatement, options: ExtractOptions = {}): { fields: Extracted; diagnostics: ExtractContext["diagnostics"] } {
  const ctx: ExtractContext = {
    parsed,
    header: [...parsed.header],
    statement: [...parsed.statement],
    fields: {
      title: null,
      date: null,
      type: null,
      office: null,
      speakers: [],
      location: null,
      preamble: null,
      body: [],
      delegations: [],
      countries: [],
      people: [],
      organizations: [],
      places: [],
      events: [],
      topics: [],
    },
    options,
    diagnostics: [],
  };
  for (const rule of RULES) rule.run(ctx);
  return { fields: ctx.fields, diagnostics: ctx.diagnostics };
}

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

/** The rules that read a plain-text statement's lines: header rules claim lines first, the body takes what is left. */
export const TEXT_RULES: readonly ExtractRule[] = [titleRule, dateRule, typeRule, creatorRule, placeRule, preambleRule, bodyRule];

/**
 * The rules that read the statement's words, whatever its source format (delegations first: countries, people and
 * organisations include their parties).
 */
export const ENTITY_RULES: readonly ExtractRule[] = [delegationsRule, countriesRule, peopleRule, organizationsRule, placesRule, eventsRule, topicsRule];

/** Every rule, in the order they run on a plain-text statement. */
export const RULES: readonly ExtractRule[] = [...TEXT_RULES, ...ENTITY_RULES];

/** Empty fields, for a pipeline to fill. */
export function emptyFields(): Extracted {
  return {
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
    surnames: [],
  };
}

/**
 * Runs the entity rules over fields another reader filled (a feed item's title, speakers, place, preamble and body),
 * so every source format gets the same delegations, countries, people, organisations, places, events and topics.
 */
export function extractEntities(fields: Extracted, options: ExtractOptions = {}): Extracted {
  const empty: ParsedStatement = { path: "", collectedOn: null, collection: null, title: null, header: [], dateLine: null, date: null, statement: [], origin: null, diagnostics: [] };
  const ctx: ExtractContext = { parsed: empty, header: [], statement: [], fields: { ...fields }, options, diagnostics: [] };
  for (const rule of ENTITY_RULES) rule.run(ctx);
  return ctx.fields;
}

/** Runs every rule over a parsed statement and returns the fields with the rules' diagnostics. */
export function extract(parsed: ParsedStatement, options: ExtractOptions = {}): { fields: Extracted; diagnostics: ExtractContext["diagnostics"] } {
  const ctx: ExtractContext = {
    parsed,
    header: [...parsed.header],
    statement: [...parsed.statement],
    fields: emptyFields(),
    options,
    diagnostics: [],
  };
  for (const rule of RULES) rule.run(ctx);
  return { fields: ctx.fields, diagnostics: ctx.diagnostics };
}

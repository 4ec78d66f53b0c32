// The state that extraction rules read and fill, one rule after another, for one parsed statement.
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Block, Delegation, Person, PersonRef } from "../model/release.ts";
import type { CompiledTaxonomy } from "./topics.ts";
import type { CountryMention } from "./countries.ts";
import type { Line } from "../parse/lines.ts";
import type { ParsedStatement } from "../parse/text.ts";

/** The fields extraction fills; the rest of a Release (id, source) is added by the caller. */
export interface Extracted {
  title: string | null;
  date: string | null;
  type: string | null;
  office: string | null;
  speakers: Person[];
  location: string | null;
  preamble: string | null;
  body: Block[];
  delegations: Delegation[];
  countries: string[];
  people: PersonRef[];
  organizations: string[];
  places: string[];
  events: string[];
  topics: string[];
  /** People named by title and surname only ("Secretary Blinken") whom the statement never names in full. */
  surnames: SurnameMention[];
}

/** A title and surname without a given name: resolved across the archive (src/ingest/resolve-people.ts), not here. */
export interface SurnameMention {
  surname: string;
  title: string | null;
}

/** What the caller gives extraction besides the text: the curators' topic taxonomy, when there is one. */
export interface ExtractOptions {
  taxonomy?: CompiledTaxonomy;
}

/** The statement's own words, paragraph by paragraph: preamble, then body blocks (turns without their labels). */
export function statementParagraphs(fields: Extracted): string[] {
  const out: string[] = [];
  // Every entity rule reads these: plain loops, and no split for the usual one-line paragraph.
  const add = (text: string) => {
    if (!text.includes("\n")) out.push(text);
    else for (const line of text.split("\n")) out.push(line);
  };
  if (fields.preamble) for (const p of fields.preamble.split("\n\n")) add(p);
  for (const b of fields.body) {
    if (b.kind === "list") for (const item of b.items) add(item);
    else add(b.text);
  }
  return out;
}

/** What each rule sees: the parsed statement, the header and statement lines not yet claimed, and the result so far. */
export interface ExtractContext {
  parsed: ParsedStatement;
  /** Header lines no rule has claimed yet, in order. */
  header: Line[];
  /** Statement lines no rule has claimed yet, in order. */
  statement: Line[];
  fields: Extracted;
  options: ExtractOptions;
  diagnostics: Diagnostic[];
  /** The statement's paragraphs and sentences, computed once by the first entity rule that needs them. */
  paragraphs?: string[];
  sentences?: string[];
  /** The country mentions of each paragraph, kept by the countries rule for the places rule. */
  countryMentions?: CountryMention[][];
}

/** One extraction rule: a name (for tests and docs) and a function that reads and fills the context. */
export interface ExtractRule {
  name: string;
  run(ctx: ExtractContext): void;
}

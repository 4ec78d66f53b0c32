// The state that extraction rules read and fill, one rule after another, for one parsed statement.
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Block, Person } from "../model/release.ts";
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
}

/** What each rule sees: the parsed statement, the header and statement lines not yet claimed, and the result so far. */
export interface ExtractContext {
  parsed: ParsedStatement;
  /** Header lines no rule has claimed yet, in order. */
  header: Line[];
  /** Statement lines no rule has claimed yet, in order. */
  statement: Line[];
  fields: Extracted;
  diagnostics: Diagnostic[];
}

/** One extraction rule: a name (for tests and docs) and a function that reads and fills the context. */
export interface ExtractRule {
  name: string;
  run(ctx: ExtractContext): void;
}

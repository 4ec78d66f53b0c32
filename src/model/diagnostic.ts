// The one diagnostic type: a stable code, a severity, a reason and a place in a source file.
/** Every diagnostic code Communiqué can report; the README documents each one. */
export const DIAGNOSTIC_CODES = {
  EMPTY_SOURCE: { severity: "error", summary: "The source holds no text at all." },
  NOT_TEXT: { severity: "error", summary: "The source is binary (NUL bytes or control characters), not text." },
  NOT_UTF8: { severity: "info", summary: "The bytes are not valid UTF-8; they were decoded as Windows-1252." },
  MIXED_ENCODING: { severity: "info", summary: "The bytes are mostly UTF-8 with some that are not; those were decoded as Windows-1252, the rest as UTF-8." },
  SOURCE_TOO_LARGE: { severity: "error", summary: "The source file is larger than 16 MiB; it is not read." },
  LINE_TOO_LONG: { severity: "error", summary: "A line of a text source, or a paragraph of a feed item, is longer than 100,000 characters; that source or item is not read." },
  MISSING_TITLE: { severity: "error", summary: "No title line could be found." },
  MISSING_DATE: { severity: "error", summary: "No date line could be found in the header block." },
  UNPARSEABLE_DATE: { severity: "error", summary: "A date line was found but is not a real calendar date." },
  MISSING_BODY: { severity: "error", summary: "The statement has a header but no body paragraphs." },
  UNKNOWN_HEADER_LINE: { severity: "warning", summary: "A header line was neither type, office, speaker, place nor date; it was kept in the body." },
  INVALID_RECORD: { severity: "error", summary: "The parsed release does not satisfy the record schema." },
  READ_FAILED: { severity: "error", summary: "The source file could not be read." },
  BAD_CORRECTION: { severity: "error", summary: "A curator correction is not valid YAML or breaks the record schema; the release keeps its last good file." },
  BAD_TAXONOMY: { severity: "error", summary: "The topic taxonomy is not valid YAML or breaks its schema; ingest stops and writes nothing." },
  ORPHAN_CORRECTION: { severity: "warning", summary: "A curator correction names a release id that no source produces." },
  MALFORMED_FEED: { severity: "error", summary: "The feed is not well-formed XML (not XML at all, broken markup, cut off); every complete item in it is still read." },
  NOT_A_FEED: { severity: "error", summary: "The source is XML but neither an RSS nor an Atom feed." },
  EMPTY_FEED: { severity: "warning", summary: "The feed holds no items." },
  FEED_ITEM_TRUNCATED: { severity: "error", summary: "A feed item is cut off by the end of the file; that item is skipped, the others are read." },
  FEED_ITEM_WITHOUT_TITLE: { severity: "error", summary: "A feed item has no title; that item is skipped, the others are read." },
  FEED_ITEM_WITHOUT_DATE: { severity: "error", summary: "A feed item has no publication date, or one that is not a real timestamp; that item is skipped." },
  FEED_ITEM_WITHOUT_BODY: { severity: "error", summary: "A feed item has no body text besides its header; that item is skipped." },
  TOO_MANY_FEED_ITEMS: { severity: "error", summary: "The feed holds more than 5,000 items; the first 5,000 are read, the others are not." },
  TOO_DEEP: { severity: "error", summary: "The feed's XML, or a feed item's HTML, nests elements more than 100 deep; the feed is read no further, or the item is skipped." },
  TOO_MANY_ELEMENTS: { severity: "error", summary: "A feed item's HTML holds more than 20,000 elements, or a feed's items more than 250,000 in all; that item (and those after it) is skipped." },
  XML_ENTITIES: { severity: "error", summary: "The feed declares entities in its DOCTYPE (entity expansion, external entities); it is not read, and no entity is ever expanded or fetched." },
  UNKNOWN_CREATOR: { severity: "warning", summary: "A feed item's creator is neither an office nor speaker lines; it was kept as the office." },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type Severity = "error" | "warning" | "info";
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** A 1-based line and column in the decoded source text. */
export interface Position {
  line: number;
  column: number;
}

/** One problem found in one source, printed as `path:line:col-line:col: reason [CODE]`. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  reason: string;
  path: string;
  start: Position;
  end: Position;
}

/** Builds a diagnostic with the code's own severity. */
export function diagnostic(code: DiagnosticCode, reason: string, path: string, start: Position, end: Position = start): Diagnostic {
  return { code, severity: DIAGNOSTIC_CODES[code].severity, reason, path, start, end };
}

/** Formats a diagnostic the one way it is printed everywhere; `dir` is the folder its path is relative to. */
export function formatDiagnostic(d: Diagnostic, dir = ""): string {
  const place =
    d.start.line === d.end.line && d.start.column === d.end.column
      ? `${d.start.line}:${d.start.column}`
      : `${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column}`;
  const path = dir && dir !== "." ? `${dir.replace(/\/+$/, "")}/${d.path}` : d.path;
  return `${path}:${place}: ${d.reason} [${d.code}]`;
}

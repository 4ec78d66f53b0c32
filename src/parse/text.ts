// Segments a plain-text statement into chrome, title, header block, body lines and footers, with line numbers.
import { type Diagnostic, diagnostic } from "../model/diagnostic.ts";
import { isCommentFooter, isSiteFooter, readChromeDate, readSourceLine, splitCollectionLine } from "./chrome.ts";
import { readWrittenDate } from "./dates.ts";
import { type Line, isBlank, normalizeSpace, splitLines } from "./lines.ts";

/** How many non-blank lines after the title may belong to the header block before the date line must appear. */
export const MAX_HEADER_LINES = 12;

/** A plain-text statement cut into its parts; every non-blank input line lands in exactly one part. */
export interface ParsedStatement {
  path: string;
  /** The Blogger date header's date, when the source has one. */
  collectedOn: string | null;
  /** The collection named in Blogger's post title ("Collected Department Releases"). */
  collection: string | null;
  title: Line | null;
  /** Non-blank lines between the title and the date line (type, office, speakers, places). */
  header: Line[];
  /** The date line, and the date it names when it is a real date. */
  dateLine: Line | null;
  date: string | null;
  /** Non-blank lines of the statement after the date line, footers excluded, markers included. */
  statement: Line[];
  /** The "Source:" line's origin ("Dept. Of State – Releases"). */
  origin: string | null;
  diagnostics: Diagnostic[];
}

/** Cuts decoded text into a ParsedStatement; never throws, reports problems as diagnostics. */
export function parseText(text: string, path: string): ParsedStatement {
  const lines = splitLines(text.replace(/^\ufeff/, ""));
  const content = lines.filter((l) => !isBlank(l.text));
  const out: ParsedStatement = {
    path,
    collectedOn: null,
    collection: null,
    title: null,
    header: [],
    dateLine: null,
    date: null,
    statement: [],
    origin: null,
    diagnostics: [],
  };
  if (content.length === 0) {
    out.diagnostics.push(diagnostic("EMPTY_SOURCE", "Unexpected empty source, expected a statement", path, { line: 1, column: 1 }));
    return out;
  }

  let first = 0;
  const chromeDate = readChromeDate(content[0]!.text);
  if (chromeDate) {
    out.collectedOn = chromeDate;
    first = 1;
  }
  // Blogger's post title "Collection: Title" precedes the statement's own title line when a blog collected it.
  const maybeCollection = content[first];
  const next = content[first + 1];
  if (maybeCollection && next) {
    const split = splitCollectionLine(maybeCollection.text, next.text);
    if (split) {
      out.collection = split.collection;
      first += 1;
    }
  }

  const end = footerStart(content, first, out);
  const titleLine = content[first];
  if (!titleLine || first >= end) {
    out.diagnostics.push(diagnostic("MISSING_TITLE", "Unexpected end of source, expected a title line", path, { line: content.at(-1)!.number, column: 1 }));
    return out;
  }
  out.title = titleLine;

  let dateIndex = -1;
  for (let i = first + 1; i < Math.min(end, first + 1 + MAX_HEADER_LINES); i++) {
    const line = content[i]!;
    const d = readWrittenDate(line.text, ["en"]);
    if (d === "invalid") {
      out.diagnostics.push(
        diagnostic("UNPARSEABLE_DATE", `Unexpected date "${normalizeSpace(line.text)}", expected a real calendar date`, path, { line: line.number, column: 1 }, { line: line.number, column: line.text.length + 1 }),
      );
      dateIndex = i;
      break;
    }
    if (d) {
      out.date = d.iso;
      dateIndex = i;
      break;
    }
  }
  if (dateIndex < 0) {
    out.diagnostics.push(diagnostic("MISSING_DATE", "Unexpected statement without a date line, expected a line such as \"August 26, 2014\" after the title", path, { line: titleLine.number, column: 1 }));
    out.statement = content.slice(first + 1, end);
    return out;
  }
  out.dateLine = content[dateIndex]!;
  out.header = content.slice(first + 1, dateIndex);
  out.statement = content.slice(dateIndex + 1, end);
  if (out.statement.length === 0) {
    out.diagnostics.push(diagnostic("MISSING_BODY", "Unexpected end of statement after the date line, expected body paragraphs", path, { line: out.dateLine.number, column: 1 }));
  }
  return out;
}

/**
 * Finds where the footers begin, scanning back from the end: Blogger's comment footer and the repeated post
 * title, then the "Source:" line, then the state.gov site footer. Records the origin on the way.
 */
function footerStart(content: Line[], first: number, out: ParsedStatement): number {
  let i = content.length;
  const title = content[first]?.text;
  const isRepeatedPostTitle = (t: string) => title !== undefined && splitCollectionLine(t, title) !== null;
  while (i > first && (isCommentFooter(content[i - 1]!.text) || isRepeatedPostTitle(content[i - 1]!.text))) i--;
  if (i > first) {
    const origin = readSourceLine(content[i - 1]!.text);
    if (origin) {
      out.origin = origin;
      i--;
    }
  }
  while (i > first && isSiteFooter(content[i - 1]!.text)) i--;
  return i;
}

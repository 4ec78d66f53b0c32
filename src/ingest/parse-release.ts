// parseRelease: a source's bytes and path in, a schema-checked Release (or none) and its diagnostics out. Pure.
import { createHash } from "node:crypto";
import { type Diagnostic, diagnostic } from "../model/diagnostic.ts";
import { ReleaseSchema, type Release } from "../model/release.ts";
import { extract } from "../extract/index.ts";
import type { ExtractOptions, SurnameMention } from "../extract/context.ts";
import { parseText } from "../parse/text.ts";
import { type Decoded, decodeBytes } from "../sources/decode.ts";
import { LIMITS, firstLongLine, tooLarge } from "../sources/limits.ts";
import { formatZodIssues } from "../emit/front-matter.ts";
import { releaseId } from "../emit/id.ts";

/** The result of parsing one source: a release when it could become one, and every diagnostic either way. */
export interface ParseResult {
  release: Release | null;
  diagnostics: Diagnostic[];
  /** With a release: the people it names by title and surname only, for ingest to resolve across the archive. */
  surnames?: SurnameMention[];
}

/**
 * Parses one plain-text source. Never throws: a source that cannot become a release yields diagnostics. A caller that
 * has already decoded the bytes passes `decoded`, so they are not decoded twice.
 */
export function parseRelease(input: Uint8Array | string, options: { path: string; decoded?: Decoded } & ExtractOptions): ParseResult {
  const { path } = options;
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const diagnostics: Diagnostic[] = [];
  const start = { line: 1, column: 1 };
  if (bytes.length === 0) return { release: null, diagnostics: [diagnostic("EMPTY_SOURCE", "Unexpected empty file, expected a statement", path, start)] };
  if (bytes.length > LIMITS.maxSourceBytes) return { release: null, diagnostics: [tooLarge(bytes.length, path)] };
  const decoded = options.decoded ?? decodeBytes(bytes);
  if (decoded.binary) return { release: null, diagnostics: [diagnostic("NOT_TEXT", "Unexpected binary content, expected plain text", path, start)] };
  if (decoded.encoding === "windows-1252") diagnostics.push(diagnostic("NOT_UTF8", "Unexpected bytes that are not UTF-8, decoded as Windows-1252", path, start));
  if (decoded.encoding === "mixed") diagnostics.push(diagnostic("MIXED_ENCODING", "Unexpected bytes that are not UTF-8 among UTF-8 text, decoded as Windows-1252", path, start));
  const long = firstLongLine(decoded.text);
  if (long) {
    const reason = `Unexpected line of ${long.length.toLocaleString("en-US")} characters, expected at most ${LIMITS.maxLineLength.toLocaleString("en-US")}; the source is not read`;
    return { release: null, diagnostics: [...diagnostics, diagnostic("LINE_TOO_LONG", reason, path, { line: long.line, column: 1 })] };
  }

  const parsed = parseText(decoded.text, path);
  diagnostics.push(...parsed.diagnostics);
  const { fields, diagnostics: ruleDiagnostics } = extract(parsed, { taxonomy: options.taxonomy });
  diagnostics.push(...ruleDiagnostics);
  if (diagnostics.some((d) => d.severity === "error") || !fields.title || !fields.date) return { release: null, diagnostics };

  const candidate = {
    id: releaseId(fields.date, fields.title),
    title: fields.title,
    date: fields.date,
    type: fields.type,
    office: fields.office,
    speakers: fields.speakers,
    transcriptSpeakers: [...new Set(fields.body.flatMap((b) => (b.kind === "turn" ? [b.speaker] : [])))],
    location: fields.location,
    preamble: fields.preamble,
    delegations: fields.delegations,
    countries: fields.countries,
    people: fields.people,
    organizations: fields.organizations,
    places: fields.places,
    events: fields.events,
    topics: fields.topics,
    source: {
      format: "text" as const,
      path,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      guid: null,
      link: null,
      collectedOn: parsed.collectedOn,
      collection: parsed.collection,
      origin: parsed.origin,
    },
    otherSources: [],
    revisions: [],
    body: fields.body,
  };
  const checked = ReleaseSchema.safeParse(candidate);
  if (!checked.success) {
    diagnostics.push(diagnostic("INVALID_RECORD", `Unexpected record: ${formatZodIssues(checked.error.issues)}`, path, start));
    return { release: null, diagnostics };
  }
  return { release: checked.data, diagnostics, surnames: fields.surnames };
}

// Curator corrections: content/corrections/<release id>.yaml overrides front-matter fields of that release. Pure.
import { DateTime } from "luxon";
import { LineCounter, parseDocument } from "yaml";
import { type Diagnostic, diagnostic } from "../model/diagnostic.ts";
import { FrontMatterSchema, ReleaseSchema, type Release } from "../model/release.ts";
import { formatZodIssues } from "../emit/front-matter.ts";

/** One correction file: the release it corrects, where it lives, and its text. */
export interface CorrectionFile {
  id: string;
  path: string;
  text: string;
}

/**
 * Fields a correction may not change: the id names the file and the URL, so it is fixed once given; `corrected`
 * is what ingest records of the correction itself.
 */
const FIXED_FIELDS = new Set(["id", "corrected"]);
/** The one key of a correction file that is not a front-matter field: the date the curators made it (YYYY-MM-DD). */
export const CORRECTED_ON_KEY = "correctedOn";

/** True for a real calendar date written YYYY-MM-DD. */
const isCalendarDate = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v, { zone: "utc" }).isValid;

/**
 * Applies one correction to a release: each top-level key replaces that front-matter field. Returns the corrected
 * release, or a BAD_CORRECTION diagnostic naming the file, line and field when the correction is not valid.
 */
export function applyCorrection(release: Release, correction: CorrectionFile): { release: Release } | { error: Diagnostic } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(correction.text, { lineCounter, prettyErrors: false });
  const fail = (reason: string, offset = 0) => {
    const { line, col } = lineCounter.linePos(offset);
    return { error: diagnostic("BAD_CORRECTION", reason, correction.path, { line, column: col }) };
  };
  if (doc.errors.length > 0) return fail(`Unexpected YAML: ${doc.errors[0]!.message.split("\n")[0]}`, doc.errors[0]!.pos[0]);
  let data: unknown;
  try {
    // An alias to no anchor, or too many aliases (a YAML "billion laughs"), throws here rather than in parsing.
    data = doc.toJS();
  } catch (e) {
    return fail(`Unexpected YAML: ${(e as Error).message}`);
  }
  if (data === null || data === undefined) return { release };
  if (typeof data !== "object" || Array.isArray(data)) return fail("Unexpected correction, expected a mapping of front-matter fields");
  const known = new Set(Object.keys(FrontMatterSchema.shape));
  const offsetOf = (key: PropertyKey | undefined) =>
    (doc.contents as { items?: { key: { value: unknown; range?: number[] } }[] }).items?.find((i) => i.key.value === key)?.key.range?.[0] ?? 0;
  const { [CORRECTED_ON_KEY]: on = null, ...fields } = data as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const offset = offsetOf(key);
    if (!known.has(key)) return fail(`Unexpected field "${key}", expected one of the front-matter fields or ${CORRECTED_ON_KEY}`, offset);
    if (FIXED_FIELDS.has(key)) return fail(`Unexpected field "${key}": a release's ${key} cannot be corrected`, offset);
  }
  if (on !== null && !isCalendarDate(on)) return fail(`Unexpected ${CORRECTED_ON_KEY} value, expected a YYYY-MM-DD date`, offsetOf(CORRECTED_ON_KEY));
  const corrected = Object.keys(fields).length > 0 ? { on, fields: Object.keys(fields) } : null;
  const checked = ReleaseSchema.safeParse({ ...release, ...fields, corrected });
  if (!checked.success) return fail(`Unexpected value: ${formatZodIssues(checked.error.issues)}`, offsetOf(checked.error.issues[0]?.path[0]));
  return { release: checked.data };
}

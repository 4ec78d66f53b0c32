// Stable identifiers: a release's id (date + title slug), its file path and its permalink.
import slugify from "@sindresorhus/slugify";

/** Longest slug kept, cut at a word boundary, so URLs and file names stay readable and within limits. */
export const MAX_SLUG_LENGTH = 100;

/** ASCII only: no character that transliteration maps to something else but `&`, `^` and `` ` ``. */
const PLAIN_ASCII = /^[\x00-\x7f]*$/;
/**
 * slugify's options for plain-ASCII text, which give what its defaults give, without the transliteration pass (a
 * Unicode regex over 1,880 replacements, a normalisation and two Unicode-class replaces: most of the time of a slug,
 * and a no-op on ASCII but for three characters). On ASCII, transliteration does exactly this: its only replacement
 * that applies is slugify's own `&` → ` and ` (its table's keys all hold non-ASCII characters), and `^` and `` ` ``
 * are the only ASCII characters of \p{Diacritic}, which it removes (the caller removes them first).
 * test/emit/id.property.test.ts checks it against the defaults on arbitrary ASCII strings and titles.
 */
export const ASCII_SLUG_OPTIONS = { decamelize: false, separator: "-", transliterate: false, customReplacements: [["&", " and "]] as [string, string][] } as const;

/** Slug of a title: lower-case ASCII words joined by hyphens, diacritics transliterated, at most 100 characters. */
export function titleSlug(title: string): string {
  const words = title.replace(/['’]/g, "").replace(/\b(\p{L})\.(?=\p{L}\b)/gu, "$1");
  const full = PLAIN_ASCII.test(words) ? slugify(words.replace(/[\^`]/g, ""), ASCII_SLUG_OPTIONS) : slugify(words, { decamelize: false, separator: "-" });
  if (full.length === 0) return "release";
  if (full.length <= MAX_SLUG_LENGTH) return full;
  const cut = full.slice(0, MAX_SLUG_LENGTH + 1);
  const at = cut.lastIndexOf("-");
  return at > 20 ? cut.slice(0, at) : full.slice(0, MAX_SLUG_LENGTH);
}

/** The base id of a release: `YYYY-MM-DD-<slug>`; a collision gets `-2`, `-3`… from the ingest step. */
export function releaseId(date: string, title: string): string {
  return `${date}-${titleSlug(title)}`;
}

/** The id with the collision suffix `n` (1 means none). */
export function withSuffix(id: string, n: number): string {
  return n <= 1 ? id : `${id}-${n}`;
}

/** Splits an id into its date parts and slug. */
export function idParts(id: string): { year: string; month: string; day: string; slug: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/.exec(id);
  if (!m) throw new Error(`Not a release id: ${id}`);
  return { year: m[1]!, month: m[2]!, day: m[3]!, slug: m[4]! };
}

/** Where a release's Markdown lives under the content folder: `releases/YYYY/MM/<id>.md`. */
export function releaseFilePath(id: string): string {
  const { year, month } = idParts(id);
  return `releases/${year}/${month}/${id}.md`;
}

/** A release's permalink: `/releases/YYYY/MM/DD/<slug>/`. */
export function releaseUrl(id: string): string {
  const { year, month, day, slug } = idParts(id);
  return `/releases/${year}/${month}/${day}/${slug}/`;
}

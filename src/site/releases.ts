// Reads the release files of a content folder for the site: front matter parsed and checked, URL, and a hash of the file.
import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { releaseUrl } from "../emit/id.ts";
import { formatZodIssues } from "../emit/front-matter.ts";
import { FrontMatterSchema, type FrontMatter } from "../model/release.ts";
import { parseFrontMatter } from "./front-matter.ts";
import { asciiJson, bytesDigest, cacheMayAppend, writeFileAtomicSync } from "./site-files.ts";

/** The layout of a release page, under templates/layouts/. */
export const RELEASE_LAYOUT = "release.njk";

/** A release as the site lists and renders it. */
export interface ReleaseItem {
  /** Its page's site path: `/releases/YYYY/MM/DD/<slug>/`. */
  url: string;
  inputPath: string;
  /** The front matter as written (schema-checked). */
  data: FrontMatter;
  /** SHA-256 of the file's bytes: its page and every list entry of it are a function of these and its URL. */
  digest: string;
}

/** The fields of a release that lists show (title, date, type, office or speakers): see {@link ListedRelease}. */
export const LISTED_FIELDS = ["id", "title", "date", "type", "office", "speakers"] as const;

/**
 * A release as the lists of the site (years, months, facet values) hold it: only what they show, so a list page
 * is a function of exactly these, and an edit of anything else (a body, a topic) leaves it as it was.
 */
export interface ListedRelease {
  url: string;
  data: Pick<FrontMatter, (typeof LISTED_FIELDS)[number]>;
}

/** The listed fields of a release. */
export function listedRelease(item: ReleaseItem): ListedRelease {
  const d = item.data;
  return { url: item.url, data: { id: d.id, title: d.title, date: d.date, type: d.type, office: d.office, speakers: d.speakers } };
}

/**
 * Splits a release file as Eleventy's gray-matter did: the front matter between the first two `---` lines, and
 * the rest (from the line after the closing one) as the body; null without front matter.
 */
export function splitRelease(text: string): { yaml: string; body: string } | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? { yaml: m[1]!, body: text.slice(m[0].length) } : null;
}

/** The body (the Markdown after the front matter) of a release file. */
export function releaseBody(inputPath: string): string {
  return splitRelease(readFileSync(inputPath, "utf8"))?.body ?? "";
}

/**
 * The front matter of a release file, parsed and checked, and its URL. A file without front matter, with bad YAML
 * or with front matter the record schema rejects stops the build with the file's path and the offending fields (a
 * bad hand edit).
 */
function checkedFrontMatter(inputPath: string, bytes: Buffer): { url: string; data: FrontMatter } {
  const split = splitRelease(bytes.toString("utf8"));
  if (!split) throw new Error(`${inputPath}: invalid release front matter: no front matter`);
  let data: unknown;
  try {
    data = parseFrontMatter(split.yaml);
  } catch (e) {
    throw new Error(`${inputPath}: invalid release front matter: ${(e as Error).message}`);
  }
  const result = FrontMatterSchema.safeParse(data);
  if (!result.success) throw new Error(`${inputPath}: invalid release front matter: ${formatZodIssues(result.error.issues)}`);
  // Templates read the front matter as written, not as the schema would transform it.
  const fm = data as FrontMatter;
  return { url: releaseUrl(fm.id), data: fm };
}

/** The cache file of checked front matter, in the cache folder. */
export const FRONT_MATTER_CACHE_FILE = "front-matter.ndjson";

/**
 * A front-matter cache file read: checked front matter by file hash, how many entries the file holds, and whether it
 * ended with a whole line and every line read (else it is written whole rather than appended to).
 */
export interface FrontMatterCache {
  known: Map<string, FrontMatter>;
  lines: number;
  whole: boolean;
}

/**
 * Every `releases/**\/*.md` of a content folder, in file order (`YYYY/MM/<id>.md`). With a cache file, front
 * matter already parsed and checked is taken from it by the hash of the file's bytes (and of the code that parses
 * and checks it, `version`): JSON is read some ten times faster than YAML is parsed and checked. Entries of files new
 * to it are appended to it; it is written again with this archive's entries only when more than a quarter of its
 * entries are no longer used.
 *
 * `known` spares reading: the hash of files already read (ingest's, by absolute path; a file not there is read),
 * the cache file already read, and the front matter of the files ingest has just written, by hash: what parsing
 * their YAML gives back (test/emit/front-matter-handoff.test.ts), so it is taken as read and appended to the cache.
 */
export function loadReleases(contentDir: string, cache?: { file: string; version: string }, known?: { digests?: ReadonlyMap<string, string>; cache?: FrontMatterCache; written?: ReadonlyMap<string, FrontMatter> }): ReleaseItem[] {
  const read = known?.cache ?? (cache ? readFrontMatterCache(cache.file, cache.version) : { known: new Map<string, FrontMatter>(), lines: 0, whole: false });
  const items = releaseFiles(join(contentDir, "releases")).map((inputPath): ReleaseItem => {
    const knownDigest = known?.digests?.get(inputPath);
    const bytes = knownDigest === undefined ? readFileSync(inputPath) : null;
    const digest = knownDigest ?? bytesDigest(bytes!);
    const data = read.known.get(digest) ?? known?.written?.get(digest);
    return data ? { url: releaseUrl(data.id), data, inputPath, digest } : { ...checkedFrontMatter(inputPath, bytes ?? readFileSync(inputPath)), inputPath, digest };
  });
  if (cache) updateFrontMatterCache(cache.file, cache.version, read, items);
  return items;
}

/** Reads a front-matter cache: a version line, then `[digest, front matter]` a line. Missing or of another version: empty; a torn line loses its entry only. */
export function readFrontMatterCache(file: string, version: string): FrontMatterCache {
  const known = new Map<string, FrontMatter>();
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { known, lines: 0, whole: false };
  }
  const lines = text.split("\n");
  if (lines[0] !== JSON.stringify({ version })) return { known, lines: 0, whole: false };
  let entries = 0;
  let whole = text.endsWith("\n");
  for (const line of lines.slice(1)) {
    if (!line) continue;
    entries++;
    try {
      const [digest, data] = JSON.parse(line) as [string, FrontMatter];
      known.set(digest, data);
    } catch {
      // A torn line (a build killed while appending) loses that entry only.
      whole = false;
    }
  }
  return { known, lines: entries, whole };
}

/**
 * Brings the cache up to date with `items`: nothing when each has its entry, the missing entries appended when few
 * of the file's entries are unused, else the file written again (through a temporary file and a rename, so a
 * reader never sees half of it) with the entries of `items` only.
 */
function updateFrontMatterCache(file: string, version: string, read: FrontMatterCache, items: readonly ReleaseItem[]): void {
  const line = (item: ReleaseItem) => asciiJson([item.digest, item.data]);
  const wanted = new Map(items.map((item) => [item.digest, item]));
  const missing = [...wanted.values()].filter((item) => !read.known.has(item.digest));
  const stale = read.lines - (wanted.size - missing.length);
  const mayAppend = cacheMayAppend({ entries: read.lines, stale, whole: read.whole });
  if (missing.length === 0 && (wanted.size === 0 || mayAppend)) return;
  if (mayAppend) {
    appendFileSync(file, `${missing.map(line).join("\n")}\n`);
    return;
  }
  writeFileAtomicSync(file, `${[JSON.stringify({ version }), ...[...wanted.values()].map(line)].join("\n")}\n`);
}

/** Release files under a folder, sorted: `YYYY/MM/<id>.md`. */
export function releaseFiles(releasesDir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(releasesDir, { recursive: true }) as string[];
  } catch {
    return [];
  }
  return entries
    .map((f) => f.split("\\").join("/"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => join(releasesDir, f));
}

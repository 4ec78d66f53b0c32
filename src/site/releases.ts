// Reads the release files of a content folder for the site: front matter parsed and checked, URL, and a hash of the file.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { releaseUrl } from "../emit/id.ts";
import { formatZodIssues } from "../emit/front-matter.ts";
import { FrontMatterSchema, type FrontMatter } from "../model/release.ts";
import { releaseFiles } from "./citation-store.ts";
import { parseFrontMatter } from "./front-matter.ts";

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

const fileDigest = (bytes: Buffer) => createHash("sha256").update(bytes).digest("base64url");

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
 * Every `releases/**\/*.md` of a content folder, in file order (`YYYY/MM/<id>.md`). With a cache file, front
 * matter already parsed and checked is taken from it by the hash of the file's bytes (and of the code that parses
 * and checks it, `version`): JSON is read some ten times faster than YAML is parsed and checked. The file is then
 * rewritten with this archive's entries only, when they differ from its own.
 */
export function loadReleases(contentDir: string, cache?: { file: string; version: string }): ReleaseItem[] {
  const known = cache ? readFrontMatterCache(cache.file, cache.version) : new Map<string, FrontMatter>();
  const items = releaseFiles(join(contentDir, "releases")).map((inputPath) => {
    const bytes = readFileSync(inputPath);
    const digest = fileDigest(bytes);
    const data = known.get(digest);
    return data ? { url: releaseUrl(data.id), data, inputPath, digest } : { ...checkedFrontMatter(inputPath, bytes), inputPath, digest };
  });
  // Unchanged (every file's front matter came from it, in its order, and no other entry is in it): left as it is.
  const unchanged = known.size === items.length && [...known.keys()].every((digest, i) => items[i]!.digest === digest);
  if (cache && !unchanged) writeFrontMatterCache(cache.file, cache.version, items);
  return items;
}

/** Reads a front-matter cache: a version line, then `[digest, front matter]` a line. Missing, torn or stale: empty. */
function readFrontMatterCache(file: string, version: string): Map<string, FrontMatter> {
  const map = new Map<string, FrontMatter>();
  let lines: string[];
  try {
    lines = readFileSync(file, "utf8").split("\n");
  } catch {
    return map;
  }
  if (lines[0] !== JSON.stringify({ version })) return map;
  for (const line of lines.slice(1)) {
    if (!line) continue;
    try {
      const [digest, data] = JSON.parse(line) as [string, FrontMatter];
      map.set(digest, data);
    } catch {
      // A torn line (a build killed while writing) loses that entry only.
    }
  }
  return map;
}

/** Writes the cache through a temporary file and a rename, so a reader never sees half of it. */
function writeFrontMatterCache(file: string, version: string, items: readonly ReleaseItem[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const lines = [JSON.stringify({ version }), ...items.map((item) => JSON.stringify([item.digest, item.data]))];
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${lines.join("\n")}\n`);
  renameSync(temp, file);
}

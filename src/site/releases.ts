// Reads the release files of a content folder for the site: front matter parsed and checked, URL, and a hash of the file.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
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

/**
 * Reads and checks one release file. A file without front matter, with bad YAML or with front matter the record
 * schema rejects stops the build with the file's path and the offending fields (a bad hand edit).
 */
export function readRelease(inputPath: string, bytes: Buffer = readFileSync(inputPath)): ReleaseItem {
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
  return { url: releaseUrl(fm.id), inputPath, data: fm, digest: createHash("sha256").update(bytes).digest("base64url") };
}

/** Every `releases/**\/*.md` of a content folder, in file order (`YYYY/MM/<id>.md`). */
export function loadReleases(contentDir: string): ReleaseItem[] {
  return releaseFiles(join(contentDir, "releases")).map((file) => readRelease(file));
}

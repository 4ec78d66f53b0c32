// Files written beside the pages: the sitemap of every page, and the collected sources for download; the atomic write every cache uses, when a cache file may be appended to, and the ASCII JSON the read-whole caches are written in.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import type { SiteUrls } from "./config.ts";
import type { PageRecord } from "./page-record.ts";
import { sitemapEntries, sitemapFiles } from "./sitemap.ts";

/**
 * Whether a cache file holding `entries` entries, `stale` of which serve nothing any more, may be appended to rather
 * than written whole again with the entries in use: while it holds some, at most a quarter are stale, and it was read
 * `whole` (it ends with a complete entry and none failed to read: an entry appended after a torn one, left by a build
 * killed while appending, would be torn with it), so a build that adds a few entries (an edit) does not rewrite them all.
 */
export function cacheMayAppend({ entries, stale, whole }: { entries: number; stale: number; whole: boolean }): boolean {
  return whole && entries > 0 && stale >= 0 && stale <= entries * 0.25;
}

/**
 * JSON with every character past ASCII escaped (`\u2013`): a cache file read whole each build decodes as ASCII, about
 * twice as fast as UTF-8 holding a single other character (13 MB of front matter: 44 vs 90–100 ms), and its strings
 * parse one byte a character where they can.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Writes a file by writing a temporary sibling, `<file>.<pid>.tmp`, and renaming it, so no reader ever sees half a
 * file; the folder is made when the write finds it missing. Synchronous: writing thousands of small files one after
 * another beats queueing them on libuv's small thread pool.
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    // The folder usually exists already: it is made only when the write says it is missing.
    try {
      writeFileSync(tmp, data);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(tmp, data);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A cache file's JSON, or undefined when it is missing or damaged (the caller computes again what it held). */
export function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** Where sources are published: `/sources/<path under the sources folder>`, see {@link publishedSourcePath}. */
export const SOURCES_PATH = "/sources/";

/**
 * The name a source is published under, below /sources/: its path, with `.txt` added unless it already ends so.
 * Hosts serve `.txt` as text/plain, which browsers never run; a collected `.xml`, `.rss` or `.html` file served as
 * what its name says could carry script (XHTML elements in XML run in the site's origin, outside its CSP).
 */
export function publishedSourcePath(path: string): string {
  return /\.txt$/i.test(path) ? path : `${path}.txt`;
}

/** Where published sources stand in a site's page record (src/site/page-record.ts): `sources/<published name>`. */
const sourceKey = (name: string) => `sources/${name}`;

/** The SHA-256 of a file's bytes (of a text, its UTF-8 bytes), base64url, as page records and ingest's memo hold it. */
export function bytesDigest(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("base64url");
}

const fileDigest = (path: string) => bytesDigest(readFileSync(path));

/**
 * Copies the regular files under `from` (no hidden ones, no symbolic links: those could point anywhere) to their
 * published names under `to`, and returns the record of each one published (`sources/<name>` → the hash of its
 * bytes; `digests` may give those already read, by path under `from`). `to` may hold an earlier build's copies (a
 * base, src/site/render.ts): one whose hash the base's record gives stays, any other is deleted first (it may be a
 * hard link the live site shares), and those of sources no longer there are deleted, with the folders they leave
 * empty, before anything is copied. A file the live site (`previous`) holds with the same hash is hard-linked from
 * there instead of copied. `copy` makes a copy as `copyFileSync` does (the default; the render queues it to its
 * writing thread), never over a link: the only file it may find in place is an earlier copy of this call's.
 */
export function publishSources(from: string, to: string, options: { digests?: ReadonlyMap<string, string>; base?: PageRecord; previous?: { dir: string; record: PageRecord }; copy?: (source: string, target: string) => void } = {}): PageRecord {
  const copy = options.copy ?? ((source: string, target: string) => copyFileSync(source, target));
  const sources = filesUnder(from)
    .sort()
    .filter((rel) => !rel.split("/").some((part) => part.startsWith(".")));
  const names = new Set(sources.map(publishedSourcePath));
  const existing = filesUnder(to);
  const stale = existing.filter((name) => !names.has(name));
  for (const name of stale) rmSync(join(to, name));
  removeEmptyFolders(to, stale.map((name) => dirname(join(to, name))));
  const present = new Set(existing.filter((name) => names.has(name)));
  const made = new Set<string>();
  const record: PageRecord = {};
  // Two sources may share a published name ("a" and "a.txt"): the later one replaces the earlier, never through its link.
  const published = new Set<string>();
  for (const rel of sources) {
    const name = publishedSourcePath(rel);
    const target = join(to, name);
    const source = join(from, rel);
    const digest = options.digests?.get(rel) ?? fileDigest(source);
    record[sourceKey(name)] = digest;
    const again = published.has(name);
    if (present.delete(name)) {
      if (options.base?.[sourceKey(name)] === digest) {
        published.add(name);
        continue;
      }
      rmSync(target);
    } else if (again) rmSync(target, { force: true });
    published.add(name);
    if (!made.has(dirname(target))) {
      mkdirSync(dirname(target), { recursive: true });
      made.add(dirname(target));
    }
    // A name published again is copied, never linked: the earlier copy may still be queued, and must not land in a link.
    const previous = options.previous;
    if (again || previous?.record[sourceKey(name)] !== digest || !linked(join(previous.dir, name), target)) copy(source, target);
  }
  return record;
}

/** The regular files under `dir` (none when it is missing, unless it `mustExist`: then an error), as `/`-separated paths relative to it, unsorted. */
export function filesUnder(dir: string, options: { mustExist?: boolean } = {}): string[] {
  if (!options.mustExist && !existsSync(dir)) return [];
  // Walked by hand, each path made as its folder is read: a third faster than `readdirSync`'s `recursive` (whose
  // entries then had to be made relative), over the 23,000 folders of a 10,000-release site.
  const files: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile()) files.push(prefix + entry.name);
    }
  };
  walk(dir, "");
  return files;
}

/** Hard-links `from` at `to`; false where the file system refuses (the caller copies instead). */
function linked(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** Removes the folders of `candidates` left empty, and their parents left empty in turn, up to `root` (kept). */
export function removeEmptyFolders(root: string, candidates: Iterable<string>): void {
  // By depth, deepest first, so a parent is tried once its children are gone.
  const byDepth = new Map<number, Set<string>>();
  const add = (dir: string) => {
    if (!dir.startsWith(`${root}${sep}`)) return;
    const depth = dir.split(sep).length;
    if (!byDepth.has(depth)) byDepth.set(depth, new Set());
    byDepth.get(depth)!.add(dir);
  };
  for (const dir of candidates) add(dir);
  for (let depth = Math.max(0, ...byDepth.keys()); depth > 0; depth--) {
    for (const dir of byDepth.get(depth) ?? []) {
      try {
        rmdirSync(dir);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOTEMPTY" || (e as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw e;
      }
      add(dirname(dir));
    }
  }
}

/** Writes sitemap.xml (or an index of sitemaps) listing the given site paths. */
export function writeSitemap(output: string, pages: readonly string[], urls: SiteUrls): void {
  for (const [path, text] of sitemapFiles(sitemapEntries(pages), urls.absolute)) {
    mkdirSync(dirname(join(output, path)), { recursive: true });
    writeFileSync(join(output, path), text);
  }
}

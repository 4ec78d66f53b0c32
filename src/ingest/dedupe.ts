// Merges the releases of all sources into one per statement: a guid across feed snapshots, a text file beside its feed item. Pure.
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Block, Release, Revision, Source } from "../model/release.ts";
import { readFeedTime } from "../parse/feed-dates.ts";
import { normalizeSpace } from "../parse/lines.ts";
import type { SurnameMention } from "../extract/context.ts";
import type { SourceResult } from "./parse-source.ts";
import { bodyDigest } from "./lazy-body.ts";

/** One release as one source yielded it: a text file, or one item of one feed snapshot. */
interface Version {
  path: string;
  item: number | null;
  format: SourceResult["format"];
  /** The snapshot's build instant (feeds), for ordering versions. */
  builtAt: string | null;
  release: Release;
  diagnostics: Diagnostic[];
  surnames: SurnameMention[];
}

/** A release after merging, with the key that identifies it across runs. */
export interface MergedRelease {
  /** The stable key: the winning version's guid, else its source path. */
  key: string;
  /** Keys of the other sources merged into it (a text file's path), so a release first made from them keeps its id. */
  aliases: string[];
  path: string;
  item: number | null;
  release: Release;
  diagnostics: Diagnostic[];
  /** The winning version's people named by title and surname only, for ingest to resolve across the archive. */
  surnames: SurnameMention[];
}

/** A version that did not become a release of its own: merged into `key`. */
export interface MergedAway {
  path: string;
  item: number | null;
  guid: string | null;
  key: string;
  diagnostics: Diagnostic[];
}

/** What merging found, with the counts ingest reports. */
export interface MergeResult {
  releases: MergedRelease[];
  merged: MergedAway[];
  counts: { itemsRead: number; distinctReleases: number; duplicatesMerged: number };
}

/** The key of a source: its guid when it has one (feed items), else its path. */
export function sourceKey(source: Pick<Source, "guid" | "path">): string {
  return source.guid ?? source.path;
}

/** Titles compare without case, spacing, quote style or dash style differences. */
function titleKey(title: string, date: string): string {
  return `${date}|${normalizeSpace(title.normalize("NFC")).toLowerCase().replace(/[‘’`´]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, "-")}`;
}

function blockTexts(b: Block): string[] {
  if (b.kind === "list") return b.items;
  if (b.kind === "turn") return [`${b.speaker}: ${b.text}`];
  return [b.text];
}

/** What changed in the body, in words: "body changed (2 paragraphs edited, 1 added)". */
function bodyChange(before: Block[], after: Block[]): string | null {
  if (bodyDigest(before) === bodyDigest(after)) return null;
  const count = (blocks: Block[]) => {
    const m = new Map<string, number>();
    for (const t of blocks.flatMap(blockTexts)) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const a = count(before);
  const b = count(after);
  let removed = 0;
  let added = 0;
  for (const [t, n] of a) removed += Math.max(0, n - (b.get(t) ?? 0));
  for (const [t, n] of b) added += Math.max(0, n - (a.get(t) ?? 0));
  const edited = Math.min(added, removed);
  const parts = [
    edited > 0 ? `${edited} paragraph${edited === 1 ? "" : "s"} edited` : "",
    added - edited > 0 ? `${added - edited} added` : "",
    removed - edited > 0 ? `${removed - edited} removed` : "",
  ].filter((p) => p);
  return parts.length > 0 ? `body changed (${parts.join(", ")})` : "body changed (links or layout)";
}

/** The revisions between successive versions of one release, oldest first. */
function revisionsOf(versions: Version[]): Revision[] {
  const out: Revision[] = [];
  for (let i = 1; i < versions.length; i++) {
    const before = versions[i - 1]!.release;
    const after = versions[i]!;
    const changes: string[] = [];
    if (before.title !== after.release.title) changes.push(`title was “${before.title}”`);
    const body = bodyChange(before.body, after.release.body);
    if (body) changes.push(body);
    if (changes.length === 0) continue;
    const date = readFeedTime(after.builtAt)?.date ?? after.release.date;
    out.push({ date, changes: changes.join("; ") });
  }
  return out;
}

/** Versions oldest first: by snapshot build time, then by path (file names of snapshots carry their date). */
function byAge(a: Version, b: Version): number {
  const ta = a.builtAt ?? "";
  const tb = b.builtAt ?? "";
  return ta < tb ? -1 : ta > tb ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : (a.item ?? 0) - (b.item ?? 0);
}

/**
 * Merges every source's releases so each statement is one release: feed items with the same guid (or the same
 * link) are versions of one release, the newest snapshot's winning and each change of title or body recorded in
 * `revisions`; a text file with the same title and date (or link) as a feed item joins that release, listed in
 * `otherSources`. Two text files are never merged with each other (they may be distinct statements sharing a title).
 */
export function mergeReleases(sources: readonly SourceResult[]): MergeResult {
  const versions: Version[] = [];
  let itemsRead = 0;
  for (const s of sources) {
    itemsRead += s.items.length;
    for (const it of s.items) if (it.release) versions.push({ path: s.path, item: it.item, format: s.format, builtAt: s.builtAt, release: it.release, diagnostics: it.diagnostics, surnames: it.surnames ?? [] });
  }

  // Feed versions: grouped by guid, groups joined when any of their versions share a link (union-find).
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const feedKey = (v: Version) => v.release.source.guid ?? v.release.source.link ?? `${v.path}#${v.item}`;
  const feedVersions = versions.filter((v) => v.format !== "text");
  const byLink = new Map<string, string>();
  for (const v of feedVersions) {
    const k = feedKey(v);
    if (!parent.has(k)) parent.set(k, k);
    const link = v.release.source.link;
    if (link) {
      const other = byLink.get(link);
      if (other) union(other, k);
      else byLink.set(link, k);
    }
  }
  const groups = new Map<string, Version[]>();
  for (const v of feedVersions) {
    const root = find(feedKey(v));
    const g = groups.get(root);
    if (g) g.push(v);
    else groups.set(root, [v]);
  }
  const byTitle = new Map<string, string>();
  for (const [root, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const v of g) if (!byTitle.has(titleKey(v.release.title, v.release.date))) byTitle.set(titleKey(v.release.title, v.release.date), root);
  }

  // Text versions join the feed release with the same link, else the same title and date; or stand alone.
  const texts = new Map<string, Version[]>();
  const standalone: Version[] = [];
  for (const v of versions.filter((x) => x.format === "text")) {
    const link = v.release.source.link;
    const root = (link && byLink.has(link) ? find(byLink.get(link)!) : undefined) ?? byTitle.get(titleKey(v.release.title, v.release.date));
    if (root === undefined) standalone.push(v);
    else texts.set(root, [...(texts.get(root) ?? []), v]);
  }

  const releases: MergedRelease[] = [];
  const merged: MergedAway[] = [];
  for (const [root, g] of groups) {
    const ordered = [...g].sort(byAge);
    const winner = ordered.at(-1)!;
    const winnerKey = feedKey(winner);
    // Other sources: the text files, and the newest version of any other guid merged by link.
    const others = new Map<string, Source>();
    for (const v of ordered) if (feedKey(v) !== winnerKey) others.set(feedKey(v), v.release.source);
    for (const v of texts.get(root) ?? []) others.set(v.path, v.release.source);
    const otherSources = [...others.values()].sort((a, b) => (sourceKey(a) < sourceKey(b) ? -1 : sourceKey(a) > sourceKey(b) ? 1 : 0));
    const key = sourceKey(winner.release.source);
    releases.push({
      key,
      aliases: otherSources.map(sourceKey),
      path: winner.path,
      item: winner.item,
      release: { ...winner.release, otherSources, revisions: revisionsOf(ordered) },
      diagnostics: winner.diagnostics,
      surnames: winner.surnames,
    });
    for (const v of [...ordered.slice(0, -1), ...(texts.get(root) ?? [])]) merged.push({ path: v.path, item: v.item, guid: v.release.source.guid, key, diagnostics: v.diagnostics });
  }
  for (const v of standalone) releases.push({ key: sourceKey(v.release.source), aliases: [], path: v.path, item: v.item, release: v.release, diagnostics: v.diagnostics, surnames: v.surnames });
  return { releases, merged, counts: { itemsRead, distinctReleases: releases.length, duplicatesMerged: merged.length } };
}

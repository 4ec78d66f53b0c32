// Plans an ingest run: which release files to write, keep or remove, with ids that never move once given. Pure.
import type { Diagnostic } from "../model/diagnostic.ts";
import type { FrontMatter, Release } from "../model/release.ts";
import { releaseFilePath, withSuffix } from "../emit/id.ts";
import { frontMatterOf, releaseMarkdown } from "../emit/markdown.ts";
import { type CorrectionFile, applyCorrection } from "./corrections.ts";
import { diagnostic } from "../model/diagnostic.ts";
import { bytesDigest } from "../site/site-files.ts";

/** A release file already in the archive: its id, its source path, the keys it answers to, and its bytes. */
export interface ExistingRelease {
  file: string;
  id: string;
  sourcePath: string;
  /** Its source's key (guid, else path) and those of its other sources; `[sourcePath]` when absent. */
  keys?: string[];
  /** The SHA-256 of its bytes (base64url), by which an {@link EmitMemo} knows it. */
  digest: string;
  /** Its text, read when needed: only a release whose Markdown is emitted again is compared with it. */
  markdown(): string;
}

/** One release to place (or a source that failed to become one). */
export interface PlanEntry {
  path: string;
  /** The feed item's position in `path`, for a feed. */
  item?: number | null;
  /** The stable key that finds its existing file: the guid, else the path (the default). */
  key?: string;
  /** Other keys its file may be known by (the path of a text file merged into a feed release). */
  aliases?: string[];
  release: Release | null;
  diagnostics: Diagnostic[];
}

/** One source's outcome, as the report and summary show it. */
export interface SourceOutcome {
  path: string;
  item: number | null;
  key: string;
  status: "written" | "unchanged" | "reported";
  id: string | null;
  file: string | null;
  diagnostics: Diagnostic[];
}

/** What ingest must do on disk, and what it reports. */
export interface IngestPlan {
  /** Each file to write, with its hash and the front matter its Markdown holds (the render takes them rather than read the file back). */
  writes: { file: string; markdown: string; digest: string; frontMatter: FrontMatter }[];
  removals: { file: string; id: string; sourcePath: string }[];
  outcomes: SourceOutcome[];
  /** Corrections that name no release. */
  orphans: Diagnostic[];
}

/**
 * Knows which releases emit the Markdown their file already holds without emitting them (ingest keeps one between
 * builds: src/cli/release-memo.ts), and learns what was emitted.
 */
export interface EmitMemo {
  /** Whether `release` is known to emit exactly the Markdown whose SHA-256 (base64url) is `digest`. */
  emitsSame(release: Release, digest: string): boolean;
  /** Records that `release` emitted Markdown whose SHA-256 (base64url) is `digest`. */
  noteEmitted(release: Release, digest: string): void;
}

/**
 * Decides ids and files. A release whose key (guid, else source path) or alias matches an existing file keeps that
 * file's id, so its URL never moves across re-ingests, new snapshots or merges; a new release takes its base id, or
 * the first free `-2`, `-3`… when another release holds it. New releases are numbered in (date, title, source path)
 * order, so the same sources always give the same ids. `onWrite` is told each write as soon as it is planned (ingest
 * starts writing it while the next are emitted); the plan lists them all the same.
 */
export function planIngest(parsed: PlanEntry[], existing: ExistingRelease[], corrections: CorrectionFile[] = [], memo?: EmitMemo, onWrite?: (write: IngestPlan["writes"][number]) => void): IngestPlan {
  const entries = parsed.map((p) => ({ ...p, key: p.key ?? p.path, aliases: p.aliases ?? [], item: p.item ?? null }));
  const keysOf = (e: ExistingRelease) => e.keys ?? [e.sourcePath];
  const byKey = new Map<string, ExistingRelease>();
  for (const e of existing) for (const k of keysOf(e)) if (!byKey.has(k)) byKey.set(k, e);
  const currentKeys = new Set(entries.flatMap((p) => [p.key, ...p.aliases]));
  const taken = new Set(existing.filter((e) => keysOf(e).some((k) => currentKeys.has(k))).map((e) => e.id));
  // Each existing file goes to at most one entry: its own key first, then an alias.
  const priorOf = new Map<string, ExistingRelease>();
  const claimed = new Set<ExistingRelease>();
  for (const pass of ["key", "alias"] as const) {
    for (const p of entries) {
      if (priorOf.has(p.key)) continue;
      for (const k of pass === "key" ? [p.key] : p.aliases) {
        const e = byKey.get(k);
        if (e && !claimed.has(e)) {
          priorOf.set(p.key, e);
          claimed.add(e);
          break;
        }
      }
    }
  }
  const idOf = new Map<string, string>();
  const ok = entries.filter((p) => p.release !== null);
  for (const p of ok) {
    const prior = priorOf.get(p.key);
    if (prior) idOf.set(p.key, prior.id);
  }
  const fresh = ok
    .filter((p) => !idOf.has(p.key))
    .sort((a, b) => compare(a.release!.date, b.release!.date) || compare(a.release!.title, b.release!.title) || compare(a.path, b.path) || compare(a.key, b.key));
  for (const p of fresh) {
    let n = 1;
    while (taken.has(withSuffix(p.release!.id, n))) n++;
    const id = withSuffix(p.release!.id, n);
    taken.add(id);
    idOf.set(p.key, id);
  }

  const writes: IngestPlan["writes"] = [];
  const outcomes: SourceOutcome[] = [];
  const keptFiles = new Set<string>();
  const correctionOf = new Map(corrections.map((c) => [c.id, c]));
  const usedIds = new Set(idOf.values());
  const orphans = corrections
    .filter((c) => !usedIds.has(c.id))
    .map((c) => diagnostic("ORPHAN_CORRECTION", `Unexpected correction for "${c.id}", expected the id of a release`, c.path, { line: 1, column: 1 }));
  for (let p of entries) {
    const correction = p.release ? correctionOf.get(idOf.get(p.key)!) : undefined;
    if (p.release && correction) {
      const applied = applyCorrection({ ...p.release, id: idOf.get(p.key)! }, correction);
      p = "error" in applied ? { ...p, release: null, diagnostics: [...p.diagnostics, applied.error] } : { ...p, release: applied.release };
    }
    const prior = priorOf.get(p.key);
    if (!p.release) {
      // A source that parsed before but fails now keeps its last good release until it is fixed or removed.
      if (prior) keptFiles.add(prior.file);
      outcomes.push({ path: p.path, item: p.item, key: p.key, status: "reported", id: null, file: null, diagnostics: p.diagnostics });
      continue;
    }
    const id = idOf.get(p.key)!;
    const file = releaseFilePath(id);
    const release = { ...p.release, id };
    let unchanged = prior !== undefined && prior.file === file && memo?.emitsSame(release, prior.digest) === true;
    if (!unchanged) {
      const markdown = releaseMarkdown(release);
      const digest = bytesDigest(markdown);
      memo?.noteEmitted(release, digest);
      unchanged = prior !== undefined && prior.file === file && prior.markdown() === markdown;
      if (!unchanged) {
        const write = { file, markdown, digest, frontMatter: frontMatterOf(release) };
        writes.push(write);
        onWrite?.(write);
      }
    }
    keptFiles.add(file);
    outcomes.push({ path: p.path, item: p.item, key: p.key, status: unchanged ? "unchanged" : "written", id, file, diagnostics: p.diagnostics });
  }
  const removals = existing
    .filter((e) => !keptFiles.has(e.file))
    .map((e) => ({ file: e.file, id: e.id, sourcePath: e.sourcePath }));
  return { writes, removals, outcomes, orphans };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

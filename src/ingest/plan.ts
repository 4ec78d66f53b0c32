// Plans an ingest run: which release files to write, keep or remove, with ids that never move once given. Pure.
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Release } from "../model/release.ts";
import { releaseFilePath, withSuffix } from "../emit/id.ts";
import { releaseMarkdown } from "../emit/markdown.ts";
import { type CorrectionFile, applyCorrection } from "./corrections.ts";
import { diagnostic } from "../model/diagnostic.ts";

/** A release file already in the archive: its id, its source path and its bytes. */
export interface ExistingRelease {
  file: string;
  id: string;
  sourcePath: string;
  markdown: string;
}

/** One source's outcome, as the report and summary show it. */
export interface SourceOutcome {
  path: string;
  status: "written" | "unchanged" | "reported";
  id: string | null;
  file: string | null;
  diagnostics: Diagnostic[];
}

/** What ingest must do on disk, and what it reports. */
export interface IngestPlan {
  writes: { file: string; markdown: string }[];
  removals: { file: string; id: string; sourcePath: string }[];
  outcomes: SourceOutcome[];
  /** Corrections that name no release. */
  orphans: Diagnostic[];
}

/**
 * Decides ids and files. A source that already has a release keeps its id (so its URL never moves); a new release
 * takes its base id, or the first free `-2`, `-3`… when another release holds it. New releases are numbered in
 * (date, title, source path) order, so the same sources always give the same ids.
 */
export function planIngest(
  parsed: { path: string; release: Release | null; diagnostics: Diagnostic[] }[],
  existing: ExistingRelease[],
  corrections: CorrectionFile[] = [],
): IngestPlan {
  const bySource = new Map(existing.map((e) => [e.sourcePath, e]));
  const currentSources = new Set(parsed.map((p) => p.path));
  const taken = new Set(existing.filter((e) => currentSources.has(e.sourcePath)).map((e) => e.id));
  const idOf = new Map<string, string>();
  const ok = parsed.filter((p) => p.release !== null);
  for (const p of ok) {
    const prior = bySource.get(p.path);
    if (prior) idOf.set(p.path, prior.id);
  }
  const fresh = ok
    .filter((p) => !idOf.has(p.path))
    .sort((a, b) => compare(a.release!.date, b.release!.date) || compare(a.release!.title, b.release!.title) || compare(a.path, b.path));
  for (const p of fresh) {
    let n = 1;
    while (taken.has(withSuffix(p.release!.id, n))) n++;
    const id = withSuffix(p.release!.id, n);
    taken.add(id);
    idOf.set(p.path, id);
  }

  const writes: IngestPlan["writes"] = [];
  const outcomes: SourceOutcome[] = [];
  const keptFiles = new Set<string>();
  const correctionOf = new Map(corrections.map((c) => [c.id, c]));
  const usedIds = new Set(idOf.values());
  const orphans = corrections
    .filter((c) => !usedIds.has(c.id))
    .map((c) => diagnostic("ORPHAN_CORRECTION", `Unexpected correction for "${c.id}", expected the id of a release`, c.path, { line: 1, column: 1 }));
  for (let p of parsed) {
    const correction = p.release ? correctionOf.get(idOf.get(p.path)!) : undefined;
    if (p.release && correction) {
      const applied = applyCorrection({ ...p.release, id: idOf.get(p.path)! }, correction);
      p = "error" in applied ? { ...p, release: null, diagnostics: [...p.diagnostics, applied.error] } : { ...p, release: applied.release };
    }
    if (!p.release) {
      // A source that parsed before but fails now keeps its last good release until it is fixed or removed.
      const prior = bySource.get(p.path);
      if (prior) keptFiles.add(prior.file);
      outcomes.push({ path: p.path, status: "reported", id: null, file: null, diagnostics: p.diagnostics });
      continue;
    }
    const id = idOf.get(p.path)!;
    const file = releaseFilePath(id);
    const markdown = releaseMarkdown({ ...p.release, id });
    const prior = bySource.get(p.path);
    const unchanged = prior !== undefined && prior.file === file && prior.markdown === markdown;
    if (!unchanged) writes.push({ file, markdown });
    keptFiles.add(file);
    outcomes.push({ path: p.path, status: unchanged ? "unchanged" : "written", id, file, diagnostics: p.diagnostics });
  }
  const removals = existing
    .filter((e) => !keptFiles.has(e.file))
    .map((e) => ({ file: e.file, id: e.id, sourcePath: e.sourcePath }));
  return { writes, removals, outcomes, orphans };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

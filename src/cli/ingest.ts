// The ingest command: reads every source, parses it, and writes, keeps or removes release Markdown files.
import { type BigIntStats, existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { formatDiagnostic } from "../model/diagnostic.ts";
import type { FrontMatter } from "../model/release.ts";
import { releaseKeyOf } from "../emit/front-matter.ts";
import { clearYamlCache } from "../emit/yaml-writer.ts";
import { clearItemCache, type SourceResult } from "../ingest/parse-source.ts";
import { type MergeResult, mergeReleases } from "../ingest/dedupe.ts";
import { type ExistingRelease, type IngestPlan, type PlanEntry, planIngest } from "../ingest/plan.ts";
import type { CorrectionFile } from "../ingest/corrections.ts";
import { withResolvedPeople } from "../ingest/resolve-people.ts";
import { readTaxonomy } from "../ingest/taxonomy.ts";
import { LIMITS, tooLarge } from "../sources/limits.ts";
import { FILE_STATS_FILE, FileStats } from "./file-stats.ts";
import { listFiles, removeStaleTemporaries, writeFileAtomic } from "./files.ts";
import { PARSE_CACHE_FILE, ParseCache } from "./parse-cache.ts";
import { RELEASE_MEMO_FILE, ReleaseMemo } from "./release-memo.ts";
import { codeDigest } from "../site/page-record.ts";
import { FileWriter } from "../site/file-writer.ts";
import { bytesDigest } from "../site/site-files.ts";
import { type ParseJob, type PoolOptions, type TaxonomyInput, parseSources } from "./parse-pool.ts";
import { noProgress, type Progress, withProgress } from "./progress.ts";

/** Where the machine-readable report of the last ingest is written, inside the content folder. */
export const REPORT_FILE = "ingest-report.json";
/** The folder of curator corrections inside the content folder. */
export const CORRECTIONS_DIR = "corrections";
/** The topic taxonomy inside the content folder. */
export const TAXONOMY_FILE = "taxonomy/topics.yaml";

export interface IngestOptions {
  sources: string;
  content: string;
  /** Where human-readable output goes (the summary and diagnostics). */
  log?: (line: string) => void;
  /** Parsing threads (default: one per core for large archives, see parse-pool.ts; 1 parses in this thread). */
  workers?: number;
  /** Shows the sources parsed as they go (default: nothing shown). */
  progress?: Progress;
  /**
   * A folder kept between ingests (the build passes `<output>.cache/`): each source's parse result is kept there by
   * the hash of its bytes, its path, the taxonomy and the code, and an unchanged source is not parsed again.
   */
  cache?: string;
}

export interface IngestSummary {
  written: number;
  unchanged: number;
  removed: number;
  /** Sources, feed files and feed items that were reported with an error. */
  reported: number;
  /** Text files and feed items read; distinct releases they hold; versions merged into another release. */
  itemsRead: number;
  distinctReleases: number;
  duplicatesMerged: number;
  /** Sources whose parse result came from the cache (see `cache`) rather than from parsing them again. */
  fromCache: number;
  plan: IngestPlan;
  /**
   * The SHA-256 of each release file under `content` as this ingest read or wrote it (by its path there,
   * `releases/YYYY/MM/<id>.md`), and of each source it read (by its path under `sources`): the render takes these
   * rather than read the files again.
   */
  releaseDigests: Map<string, string>;
  sourceDigests: Map<string, string>;
  /** The front matter of each release file this ingest wrote, by the SHA-256 of the file: what the render would read back. */
  writtenFrontMatter: Map<string, FrontMatter>;
}

/** Runs one ingest: every source under `sources` becomes a release file under `content/releases`, or is reported. */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const log = options.log ?? ((line: string) => console.log(line));
  const taxonomy = readTaxonomyFile(options.content);
  if (taxonomy && "error" in taxonomy.read) {
    log(formatDiagnostic(taxonomy.read.error, options.content));
    log("Ingest stopped: fix the taxonomy; no release was written.");
    return { written: 0, unchanged: 0, removed: 0, reported: 1, itemsRead: 0, distinctReleases: 0, duplicatesMerged: 0, fromCache: 0, plan: { writes: [], removals: [], outcomes: [], orphans: [] }, releaseDigests: new Map(), sourceDigests: new Map(), writtenFrontMatter: new Map() };
  }
  const cache = options.cache ? await ParseCache.open(join(options.cache, PARSE_CACHE_FILE), taxonomy?.input ?? null) : null;
  try {
    return await ingestWith(options, log, taxonomy?.input ?? null, cache);
  } finally {
    // The releases taken from the cache read their bodies from its file until here.
    cache?.close();
  }
}

/** The ingest, its taxonomy read and checked and its parse cache (if any) opened. */
async function ingestWith(options: IngestOptions, log: (line: string) => void, taxonomy: TaxonomyInput | null, cache: ParseCache | null): Promise<IngestSummary> {
  const sourcePaths = await listFiles(options.sources);
  const stats = options.cache ? FileStats.open(join(options.cache, FILE_STATS_FILE)) : FileStats.none();
  // Each source is read here (unless the stats say it is unchanged since a build read it), then parsed (on every
  // core when there are many): a slot holds the file or, for a file that could not be read, its result already.
  const slots: (SourceResult | SourceFile)[] = [];
  const sourceDigests = new Map<string, string>();
  for (const path of sourcePaths) {
    const file = join(options.sources, path);
    let bytes: Uint8Array;
    let st: BigIntStats;
    try {
      // A file past the size limit is never read into memory, whatever its size.
      st = FileStats.stat(file);
      if (st.size > BigInt(LIMITS.maxSourceBytes)) {
        slots.push({ path, format: "text", builtAt: null, diagnostics: [], items: [{ item: null, guid: null, link: null, release: null, diagnostics: [tooLarge(Number(st.size), path)] }] });
        continue;
      }
      const known = stats.digest(file, st);
      if (known !== undefined) {
        slots.push({ path, digest: known });
        sourceDigests.set(path, known);
        continue;
      }
      // Synchronous reads: thousands of small files read faster one after another than through the async pool.
      bytes = readFileSync(file);
    } catch (e) {
      slots.push(readFailed(path, e));
      continue;
    }
    // A feed (RSS or Atom, known by its content) yields one result per item; a text file one.
    const digest = bytesDigest(bytes);
    stats.note(file, st, digest);
    slots.push({ path, digest, bytes });
    sourceDigests.set(path, digest);
  }
  const isFile = (s: SourceResult | SourceFile): s is SourceFile => "digest" in s;
  const files = slots.filter(isFile);
  const parsing = (options.progress ?? noProgress)("ingest", "sources parsed", files.length);
  const { results: parsed, fromCache } = await withProgress(parsing, (progress) => parseWithCache(options.sources, files, sourceDigests, taxonomy, cache, { workers: options.workers, progress }));
  let nextParsed = 0;
  const sources = slots.map((s) => (isFile(s) ? parsed[nextParsed++]! : s));

  // Feed items repeat across the snapshots of one ingest only: what was remembered of them is let go.
  clearItemCache();
  // One release per statement, then people named only by title and surname joined across the archive.
  const merged = withResolvedPeople(mergeReleases(sources));
  // A killed ingest can leave `<file>.<pid>.tmp` beside a release file: never a release, always safe to drop.
  const releasesDir = join(options.content, "releases");
  const releaseFiles = await listFiles(releasesDir);
  await removeStaleTemporaries(releasesDir, releaseFiles);
  const memo = options.cache ? await ReleaseMemo.open(join(options.cache, RELEASE_MEMO_FILE), codeDigest()) : ReleaseMemo.none();
  const releaseDigests = new Map<string, string>();
  const writtenFrontMatter = new Map<string, FrontMatter>();
  // The release files are written by a thread of their own, atomically, each as soon as it is planned (the plan
  // holds every text anyway), while this one emits the next and then saves the parse cache (a function of the
  // sources alone). At 10,000 releases, from parsing's end to the last file written: 6.4–9.6 s when the files were
  // queued after the plan, 3.4–5.0 s as they are planned.
  const writer = new FileWriter(options.content, undefined, { atomic: true });
  let plan: IngestPlan;
  try {
    plan = planIngest(planEntries(sources, merged), readExisting(options.content, releaseFiles, memo, stats, log, releaseDigests), await readCorrections(options.content), memo, (w) => writer.queue(w.file, w.markdown));
    // The YAML remembered while emitting serves this ingest's releases only.
    clearYamlCache();
    for (const w of plan.writes) {
      releaseDigests.set(w.file, w.digest);
      writtenFrontMatter.set(w.digest, w.frontMatter);
      memo.noteKey(w.digest, releaseKeyOf(w.frontMatter));
    }
    if (options.cache) {
      await mkdir(options.cache, { recursive: true });
      await cache?.save();
    }
    await writer.close();
  } finally {
    await writer.stop();
  }
  const idOfKey = new Map(plan.outcomes.filter((o) => o.id !== null).map((o) => [o.key, o.id]));
  // Each file's stats once written, as git records a file it checks out: the next build need not read it back.
  for (const w of plan.writes) {
    const file = join(options.content, w.file);
    stats.note(file, FileStats.stat(file), w.digest);
  }
  for (const r of plan.removals) {
    await rm(join(options.content, r.file), { force: true });
    releaseDigests.delete(r.file);
  }
  const report = {
    sources: options.sources,
    // The report holds each source's state, not this run's actions, so an unchanged re-run leaves it untouched.
    counts: merged.counts,
    outcomes: [
      ...plan.outcomes.map((o) => ({ ...o, status: o.status === "reported" ? "reported" : "release" })),
      // Versions merged into another release: older snapshots of a feed item, a text file beside its feed item.
      ...merged.merged.map((m) => ({ path: m.path, item: m.item, key: m.key, status: "merged", id: idOfKey.get(m.key) ?? null, file: null, diagnostics: m.diagnostics })),
    ]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.item ?? 0) - (b.item ?? 0)))
      .map((o) => ({ ...o, diagnostics: o.diagnostics.map((d) => ({ ...d, message: formatDiagnostic(d) })) })),
    removed: plan.removals,
    corrections: plan.orphans.map((d) => ({ ...d, message: formatDiagnostic(d) })),
  };
  await writeIfChanged(join(options.content, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  if (options.cache) {
    await memo.save();
    // Last, so that the record's own time is later than every file it records (see FileStats).
    await stats.save();
  }

  // Correction diagnostics name files under the content folder; all others name sources.
  const dirOf = (code: string) => (code.endsWith("CORRECTION") ? options.content : options.sources);
  // Info diagnostics (such as NOT_UTF8) go to the JSON report only, keeping the console to what needs a look.
  for (const o of plan.outcomes) for (const d of o.diagnostics) if (d.severity !== "info") log(formatDiagnostic(d, dirOf(d.code)));
  for (const m of merged.merged) for (const d of m.diagnostics) if (d.severity !== "info") log(formatDiagnostic(d, dirOf(d.code)));
  for (const d of plan.orphans) log(formatDiagnostic(d, options.content));
  for (const r of plan.removals) log(`removed ${r.file} (its source ${r.sourcePath} is gone)`);
  const count = (s: string) => plan.outcomes.filter((o) => o.status === s).length;
  const reported = plan.outcomes.filter((o) => o.status === "reported" && o.diagnostics.some((d) => d.severity === "error")).length;
  const { itemsRead, distinctReleases, duplicatesMerged } = merged.counts;
  const summary = { written: count("written"), unchanged: count("unchanged"), removed: plan.removals.length, reported, itemsRead, distinctReleases, duplicatesMerged, fromCache, plan, releaseDigests, sourceDigests, writtenFrontMatter };
  const feeds = sources.filter((s) => s.format !== "text").length;
  log(
    `Ingested ${sourcePaths.length} sources from ${options.sources}` +
      (fromCache > 0 ? ` (${fromCache} unchanged since the last build, not parsed again)` : "") +
      (feeds > 0 ? ` (${feeds} feeds): ${itemsRead} items read, ${distinctReleases} distinct releases, ${duplicatesMerged} duplicates merged; ` : ": ") +
      `${summary.written} written, ${summary.unchanged} unchanged, ${summary.removed} removed, ${summary.reported} reported.` +
      (summary.written + summary.removed === 0 ? " Nothing to write." : ""),
  );
  return summary;
}

/** One source file to parse: its path under the sources folder, its hash, and its bytes when they were read. */
interface SourceFile {
  path: string;
  digest: string;
  bytes?: Uint8Array;
}

/** The result of a source that could not be read. */
function readFailed(path: string, e: unknown): SourceResult {
  const reason = `Cannot read the file: ${(e as Error).message}`;
  const d = { code: "READ_FAILED" as const, severity: "error" as const, reason, path, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  return { path, format: "text", builtAt: null, diagnostics: [], items: [{ item: null, guid: null, link: null, release: null, diagnostics: [d] }] };
}

/**
 * Parses the files the cache does not hold (on the pool), takes the rest from it; results in the files' order. A file
 * known by its stats alone is read now if it must be parsed, and its hash taken from what was read.
 */
async function parseWithCache(dir: string, files: readonly SourceFile[], digests: Map<string, string>, taxonomy: TaxonomyInput | null, cache: ParseCache | null, options: PoolOptions): Promise<{ results: SourceResult[]; fromCache: number }> {
  const results: (SourceResult | undefined)[] = files.map((f) => cache?.get(cache.key(f.path, f.digest)));
  const missing: { job: ParseJob; at: number }[] = [];
  files.forEach((f, at) => {
    if (results[at]) return;
    try {
      // Bytes read above were hashed there; bytes read now are hashed as read, in case the file changed since its stats.
      const bytes = f.bytes ?? readFileSync(join(dir, f.path));
      if (!f.bytes) digests.set(f.path, bytesDigest(bytes));
      missing.push({ job: { path: f.path, bytes }, at });
    } catch (e) {
      results[at] = readFailed(f.path, e);
    }
  });
  options.progress?.tick(files.length - missing.length);
  const parsed = await parseSources(missing.map((m) => m.job), taxonomy, options);
  missing.forEach((m, i) => {
    results[m.at] = parsed[i]!;
    cache?.set(cache.key(m.job.path, digests.get(m.job.path)!), parsed[i]!);
  });
  return { results: results as SourceResult[], fromCache: cache ? files.length - missing.length : 0 };
}

/**
 * What the plan places: each merged release under its stable key, then every item or file that was reported and
 * left no release of its own (keyed by its guid when it has one, so a failing snapshot keeps the release's last good
 * file), then each feed file's own problems (not XML, no items).
 */
function planEntries(sources: readonly SourceResult[], merged: MergeResult): PlanEntry[] {
  const entries: PlanEntry[] = merged.releases.map((r) => ({ path: r.path, item: r.item, key: r.key, aliases: r.aliases, release: r.release, diagnostics: r.diagnostics }));
  const placed = new Set(merged.releases.flatMap((r) => [r.key, ...r.aliases]));
  for (const s of sources) {
    if (s.diagnostics.length > 0) entries.push({ path: s.path, item: null, key: `${s.path}#feed`, release: null, diagnostics: s.diagnostics });
    for (const it of s.items) {
      if (it.release) continue;
      const key = it.guid ?? (it.item === null ? s.path : `${s.path}#${it.item}`);
      entries.push({ path: s.path, item: it.item, key: placed.has(key) ? `${s.path}#${it.item}` : key, release: null, diagnostics: it.diagnostics });
    }
  }
  return entries;
}

/**
 * Reads `taxonomy/topics.yaml` under the content folder: its text (for the parsers) and whether it is valid; null
 * when there is none (releases then get no topics).
 */
function readTaxonomyFile(content: string): { input: TaxonomyInput; read: ReturnType<typeof readTaxonomy> } | null {
  const path = join(content, TAXONOMY_FILE);
  if (!existsSync(path)) return null;
  const input = { text: readFileSync(path, "utf8"), path: TAXONOMY_FILE };
  return { input, read: readTaxonomy(input.text, input.path) };
}

/** Reads curator corrections: `corrections/<release id>.yaml` (or `.yml`) under the content folder. */
async function readCorrections(content: string): Promise<CorrectionFile[]> {
  const dir = join(content, CORRECTIONS_DIR);
  const files = (await listFiles(dir)).filter((f) => /^[^/]+\.ya?ml$/.test(f));
  return Promise.all(files.map(async (f) => ({ id: f.replace(/\.ya?ml$/, ""), path: `${CORRECTIONS_DIR}/${f}`, text: await readFile(join(dir, f), "utf8") })));
}

/** Writes a file only when its bytes change, so an unchanged re-run leaves every mtime alone. */
async function writeIfChanged(path: string, text: string): Promise<void> {
  const old = await readFile(path, "utf8").catch(() => null);
  if (old !== text) await writeFileAtomic(path, text);
}

/**
 * Reads the release files already under `content/releases` (`listed`, relative to that folder; those the stats know
 * unchanged are not read), noting the hash of each in `digests`; a file that is not a valid release is left alone.
 */
function readExisting(content: string, listed: readonly string[], memo: ReleaseMemo, stats: FileStats, log: (line: string) => void, digests: Map<string, string>): ExistingRelease[] {
  const out: ExistingRelease[] = [];
  for (const f of listed) {
    if (!f.endsWith(".md")) continue;
    const file = `releases/${f}`;
    const path = join(content, file);
    const st = FileStats.stat(path);
    let text: (() => string) | undefined;
    let digest = stats.digest(path, st);
    if (digest === undefined) {
      const bytes = readFileSync(path);
      digest = bytesDigest(bytes);
      stats.note(path, st, digest);
      text = () => bytes.toString("utf8");
    }
    digests.set(file, digest);
    const fm = memo.keyOf(digest, text ?? (() => readFileSync(path, "utf8")));
    // Its text is not kept: read again only if its release must be emitted again (10,000 texts are 70 MB to hold).
    if (fm.ok) out.push({ file, id: fm.id, sourcePath: fm.sourcePath, keys: fm.keys, digest, markdown: () => readFileSync(path, "utf8") });
    else log(`${join(content, file)}:1:1: Unexpected front matter (${fm.error}), expected a release; left untouched [INVALID_RECORD]`);
  }
  return out;
}

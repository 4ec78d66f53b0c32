// The ingest command: reads every source, parses it, and writes, keeps or removes release Markdown files.
import { existsSync, readFileSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { formatDiagnostic } from "../model/diagnostic.ts";
import { readReleaseKey } from "../emit/front-matter.ts";
import { parseRelease } from "../ingest/parse-release.ts";
import { type ExistingRelease, type IngestPlan, planIngest } from "../ingest/plan.ts";
import type { CorrectionFile } from "../ingest/corrections.ts";
import { readTaxonomy } from "../ingest/taxonomy.ts";
import { listFiles, writeFileAtomic } from "./files.ts";

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
}

export interface IngestSummary {
  written: number;
  unchanged: number;
  removed: number;
  reported: number;
  plan: IngestPlan;
}

/** Runs one ingest: every source under `sources` becomes a release file under `content/releases`, or is reported. */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const log = options.log ?? ((line: string) => console.log(line));
  const taxonomy = readTaxonomyFile(options.content);
  if (taxonomy && "error" in taxonomy) {
    log(formatDiagnostic(taxonomy.error, options.content));
    log("Ingest stopped: fix the taxonomy; no release was written.");
    return { written: 0, unchanged: 0, removed: 0, reported: 1, plan: { writes: [], removals: [], outcomes: [], orphans: [] } };
  }
  const sourcePaths = await listFiles(options.sources);
  const parsed = [];
  for (const path of sourcePaths) {
    let bytes: Uint8Array;
    try {
      // Synchronous reads: thousands of small files read faster one after another than through the async pool.
      bytes = readFileSync(join(options.sources, path));
    } catch (e) {
      const reason = `Cannot read the file: ${(e as Error).message}`;
      parsed.push({ path, release: null, diagnostics: [{ code: "READ_FAILED" as const, severity: "error" as const, reason, path, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }] });
      continue;
    }
    parsed.push({ path, ...parseRelease(bytes, { path, taxonomy: taxonomy?.taxonomy }) });
  }

  const plan = planIngest(parsed, await readExisting(options.content, log), await readCorrections(options.content));
  for (const w of plan.writes) await writeFileAtomic(join(options.content, w.file), w.markdown);
  for (const r of plan.removals) await rm(join(options.content, r.file), { force: true });
  const report = {
    sources: options.sources,
    // The report holds each source's state, not this run's actions, so an unchanged re-run leaves it untouched.
    outcomes: plan.outcomes.map((o) => ({
      ...o,
      status: o.status === "reported" ? "reported" : "release",
      diagnostics: o.diagnostics.map((d) => ({ ...d, message: formatDiagnostic(d) })),
    })),
    removed: plan.removals,
    corrections: plan.orphans.map((d) => ({ ...d, message: formatDiagnostic(d) })),
  };
  await writeIfChanged(join(options.content, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);

  // Correction diagnostics name files under the content folder; all others name sources.
  const dirOf = (code: string) => (code.endsWith("CORRECTION") ? options.content : options.sources);
  // Info diagnostics (such as NOT_UTF8) go to the JSON report only, keeping the console to what needs a look.
  for (const o of plan.outcomes) for (const d of o.diagnostics) if (d.severity !== "info") log(formatDiagnostic(d, dirOf(d.code)));
  for (const d of plan.orphans) log(formatDiagnostic(d, options.content));
  for (const r of plan.removals) log(`removed ${r.file} (its source ${r.sourcePath} is gone)`);
  const count = (s: string) => plan.outcomes.filter((o) => o.status === s).length;
  const summary = { written: count("written"), unchanged: count("unchanged"), removed: plan.removals.length, reported: count("reported"), plan };
  log(
    `Ingested ${sourcePaths.length} sources from ${options.sources}: ${summary.written} written, ${summary.unchanged} unchanged, ` +
      `${summary.removed} removed, ${summary.reported} reported.` + (summary.written + summary.removed === 0 ? " Nothing to write." : ""),
  );
  return summary;
}

/** Reads `taxonomy/topics.yaml` under the content folder; null when there is none (releases then get no topics). */
function readTaxonomyFile(content: string): ReturnType<typeof readTaxonomy> | null {
  const path = join(content, TAXONOMY_FILE);
  if (!existsSync(path)) return null;
  return readTaxonomy(readFileSync(path, "utf8"), TAXONOMY_FILE);
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

/** Reads the release files already under `content/releases`; a file that is not a valid release is left alone. */
async function readExisting(content: string, log: (line: string) => void): Promise<ExistingRelease[]> {
  const files = (await listFiles(join(content, "releases"))).filter((f) => f.endsWith(".md"));
  const out: ExistingRelease[] = [];
  for (const f of files) {
    const file = `releases/${f}`;
    const markdown = readFileSync(join(content, file), "utf8");
    const fm = readReleaseKey(markdown);
    if (fm.ok) out.push({ file, id: fm.id, sourcePath: fm.sourcePath, markdown });
    else log(`${join(content, file)}:1:1: Unexpected front matter (${fm.error}), expected a release; left untouched [INVALID_RECORD]`);
  }
  return out;
}

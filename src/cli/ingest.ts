// The ingest command: reads every source, parses it, and writes, keeps or removes release Markdown files.
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { formatDiagnostic } from "../model/diagnostic.ts";
import { readFrontMatter } from "../emit/front-matter.ts";
import { parseRelease } from "../ingest/parse-release.ts";
import { type ExistingRelease, type IngestPlan, planIngest } from "../ingest/plan.ts";
import { listFiles, writeFileAtomic } from "./files.ts";

/** Where the machine-readable report of the last ingest is written, inside the content folder. */
export const REPORT_FILE = "ingest-report.json";

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
  const sourcePaths = await listFiles(options.sources);
  const parsed = [];
  for (const path of sourcePaths) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(join(options.sources, path));
    } catch (e) {
      const reason = `Cannot read the file: ${(e as Error).message}`;
      parsed.push({ path, release: null, diagnostics: [{ code: "READ_FAILED" as const, severity: "error" as const, reason, path, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }] });
      continue;
    }
    parsed.push({ path, ...parseRelease(bytes, { path }) });
  }

  const plan = planIngest(parsed, await readExisting(options.content, log));
  for (const w of plan.writes) await writeFileAtomic(join(options.content, w.file), w.markdown);
  for (const r of plan.removals) await rm(join(options.content, r.file), { force: true });
  const report = {
    sources: options.sources,
    outcomes: plan.outcomes.map((o) => ({ ...o, diagnostics: o.diagnostics.map((d) => ({ ...d, message: formatDiagnostic(d) })) })),
    removed: plan.removals,
  };
  await writeFileAtomic(join(options.content, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);

  for (const o of plan.outcomes) for (const d of o.diagnostics) log(`${join(options.sources, d.path)}:${formatDiagnostic(d).slice(d.path.length + 1)}`);
  for (const r of plan.removals) log(`removed ${r.file} (its source ${r.sourcePath} is gone)`);
  const count = (s: string) => plan.outcomes.filter((o) => o.status === s).length;
  const summary = { written: count("written"), unchanged: count("unchanged"), removed: plan.removals.length, reported: count("reported"), plan };
  log(
    `Ingested ${sourcePaths.length} sources from ${options.sources}: ${summary.written} written, ${summary.unchanged} unchanged, ` +
      `${summary.removed} removed, ${summary.reported} reported.` + (summary.written + summary.removed === 0 ? " Nothing to write." : ""),
  );
  return summary;
}

/** Reads the release files already under `content/releases`; a file that is not a valid release is left alone. */
async function readExisting(content: string, log: (line: string) => void): Promise<ExistingRelease[]> {
  const files = (await listFiles(join(content, "releases"))).filter((f) => f.endsWith(".md"));
  const out: ExistingRelease[] = [];
  for (const f of files) {
    const file = `releases/${f}`;
    const markdown = await readFile(join(content, file), "utf8");
    const fm = readFrontMatter(markdown);
    if (fm.ok) out.push({ file, id: fm.value.id, sourcePath: fm.value.source.path, markdown });
    else log(`${join(content, file)}:1:1: Unexpected front matter (${fm.error}), expected a release; left untouched [INVALID_RECORD]`);
  }
  return out;
}

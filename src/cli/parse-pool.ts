// Parses sources on every core: a pool of worker threads running parseSource, results handed back in input order.
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { type SourceResult, parseSource } from "../ingest/parse-source.ts";
import { readTaxonomy } from "../ingest/taxonomy.ts";
import type { ProgressCounter } from "../model/progress.ts";
import { startTypeScriptWorker } from "../site/typescript-worker.ts";

/** One source to parse: its path (as reported) and its bytes. */
export interface ParseJob {
  path: string;
  bytes: Uint8Array;
}

/** The taxonomy as written (its text and path), so each worker compiles its own copy. */
export interface TaxonomyInput {
  text: string;
  path: string;
}

export interface PoolOptions {
  /** How many worker threads; 0 or 1 parses in this thread (default: one per core when there are enough sources). */
  workers?: number;
  /** Advanced as sources are parsed. */
  progress?: ProgressCounter;
}

/**
 * Below this many sources starting threads costs more than it saves: each worker loads the TypeScript pipeline
 * through tsx and its data (country names, luxon), about 1–2.5 CPU seconds, the time to parse 500–1,000 releases.
 */
const MIN_SOURCES_FOR_WORKERS = 2000;
/** Sources sent to a worker at a time: large enough to keep messages few, small enough to share work evenly. */
const BATCH = 16;

/** The module each worker runs. */
const PARSE_WORKER = new URL("./parse-worker.ts", import.meta.url);

/**
 * Parses every job, on worker threads when there are several cores and enough sources, else in this thread. The
 * result is the same either way (parseSource is pure): one SourceResult per job, in the jobs' order.
 */
export async function parseSources(jobs: readonly ParseJob[], taxonomy: TaxonomyInput | null, options: PoolOptions = {}): Promise<SourceResult[]> {
  const workers = options.workers ?? (jobs.length >= MIN_SOURCES_FOR_WORKERS ? availableParallelism() : 1);
  if (workers <= 1 || jobs.length === 0) return parseHere(jobs, taxonomy, options.progress);
  const results: SourceResult[] = new Array(jobs.length);
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let batchStart = 0;
      const send = () => {
        if (next >= jobs.length) {
          resolve();
          return;
        }
        batchStart = next;
        const batch = jobs.slice(next, next + BATCH);
        next += batch.length;
        worker.postMessage(batch);
      };
      worker.on("message", (parsed: SourceResult[]) => {
        parsed.forEach((r, i) => (results[batchStart + i] = r));
        options.progress?.tick(parsed.length);
        send();
      });
      worker.on("error", reject);
      worker.on("exit", (code) => (next < jobs.length || code !== 0 ? reject(new Error(`A parsing worker stopped (exit code ${code})`)) : resolve()));
      send();
    });
  const pool = Array.from({ length: Math.min(workers, Math.ceil(jobs.length / BATCH)) }, () => startTypeScriptWorker(PARSE_WORKER, { workerData: { taxonomy }, execArgv: [] }));
  try {
    await Promise.all(pool.map(run));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}

/** The same work in this thread. */
function parseHere(jobs: readonly ParseJob[], taxonomy: TaxonomyInput | null, progress?: ProgressCounter): SourceResult[] {
  const compiled = compileTaxonomyInput(taxonomy);
  return jobs.map((j) => {
    const result = parseSource(j.bytes, { path: j.path, taxonomy: compiled });
    progress?.tick();
    return result;
  });
}

/** Compiles the taxonomy a pool was given; the caller has already reported a bad one, so a bad one here gives none. */
export function compileTaxonomyInput(taxonomy: TaxonomyInput | null) {
  if (!taxonomy) return undefined;
  const read = readTaxonomy(taxonomy.text, taxonomy.path);
  return "error" in read ? undefined : read.taxonomy;
}

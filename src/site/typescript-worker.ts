// Starts a worker thread running one of our TypeScript modules: its compiled entry when this code runs compiled (bin/runtime.js), else through tsx.
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/** The entry of a worker thread under tsx: registers it (a thread does not inherit the loader), then imports `workerData.entry`. */
const TSX_ENTRY = new URL("./ts-worker.mjs", import.meta.url);

/**
 * When set to a folder, each thread started here (and the threads it starts) writes a V8 CPU profile there as it
 * ends: run `COMMUNIQUE_CPU_PROF=/tmp/prof node --cpu-prof --cpu-prof-dir=/tmp/prof bin/communique.js build …` to
 * profile every thread of a build (docs/benchmarks.md).
 */
export const CPU_PROFILE_ENV = "COMMUNIQUE_CPU_PROF";

/**
 * A worker thread running `module` (a `.ts` file's URL, one of bin/runtime.js's entries when compiled). Compiled, the
 * thread loads the module's compiled file beside this one's; under tsx, it registers tsx first (about twice the time
 * to load the same modules).
 */
export function startTypeScriptWorker(module: URL, options: WorkerOptions = {}): Worker {
  const profiles = process.env[CPU_PROFILE_ENV];
  if (profiles) options = { ...options, execArgv: [...(options.execArgv ?? process.execArgv), "--cpu-prof", `--cpu-prof-dir=${profiles}`] };
  const compiled = import.meta.compiledUrl;
  if (compiled) return new Worker(new URL(`./${basename(fileURLToPath(module), ".ts")}.mjs`, compiled), options);
  return new Worker(TSX_ENTRY, { ...options, workerData: { ...(options.workerData as object), entry: module.href } });
}

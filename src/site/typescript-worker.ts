// Starts a worker thread running one of our TypeScript modules: its compiled entry when this code runs compiled (bin/runtime.js), else through tsx.
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/** The entry of a worker thread under tsx: registers it (a thread does not inherit the loader), then imports `workerData.entry`. */
const TSX_ENTRY = new URL("./ts-worker.mjs", import.meta.url);

/**
 * A worker thread running `module` (a `.ts` file's URL, one of bin/runtime.js's entries when compiled). Compiled, the
 * thread loads the module's compiled file beside this one's; under tsx, it registers tsx first (about twice the time
 * to load the same modules).
 */
export function startTypeScriptWorker(module: URL, options: WorkerOptions = {}): Worker {
  const compiled = import.meta.compiledUrl;
  if (compiled) return new Worker(new URL(`./${basename(fileURLToPath(module), ".ts")}.mjs`, compiled), options);
  return new Worker(TSX_ENTRY, { ...options, workerData: { ...(options.workerData as object), entry: module.href } });
}

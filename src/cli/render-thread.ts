// Runs the render phase on a worker thread, so the memory it used (the site index, Eleventy, templates) is freed before indexing.
import { Worker } from "node:worker_threads";
import type { ProgressCounter } from "../model/progress.ts";
import type { RenderOptions, RenderResult } from "../site/render.ts";

/** What the render worker posts: the page count, pages done, then its result or its error. */
export type RenderMessage = { kind: "total"; n: number } | { kind: "tick"; n: number } | { kind: "done"; result: RenderResult } | { kind: "failed"; message: string };

const WORKER_ENTRY = new URL("./ts-worker.mjs", import.meta.url);
const RENDER_WORKER = new URL("./render-worker.ts", import.meta.url).href;

/**
 * Renders the site as `renderSite` does, on a thread of its own. The render holds every release's record, the
 * site index and Eleventy's state (over a GiB at 10,000 releases); V8 keeps a heap it has grown, so in this thread
 * that memory would still be held while Pagefind indexes beside it. A worker's heap is released when it ends. A
 * failed render rejects with its message (and the causes it wraps), as in this thread.
 */
export function renderOnThread(options: Omit<RenderOptions, "progress">, progress?: ProgressCounter): Promise<RenderResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_ENTRY, { workerData: { entry: RENDER_WORKER, options }, execArgv: [] });
    let settled: { result: RenderResult } | { error: Error } | null = null;
    worker.on("message", (m: RenderMessage) => {
      if (m.kind === "total") progress?.setTotal(m.n);
      else if (m.kind === "tick") progress?.tick(m.n);
      else settled = m.kind === "done" ? { result: m.result } : { error: new Error(m.message) };
    });
    worker.on("error", (e) => (settled ??= { error: e }));
    // The result is taken once the thread has ended: its memory is then given back.
    worker.on("exit", (code) => {
      if (settled && "result" in settled) resolve(settled.result);
      else reject(settled?.error ?? new Error(`The render thread stopped (exit code ${code})`));
    });
  });
}

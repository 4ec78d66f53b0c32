// Runs the render phase on a worker thread, started when the build starts (its modules load while ingest runs) and ended before a build from scratch indexes, so the memory it used is freed first (an edit's index starts once its release pages are in place).
import type { ProgressCounter } from "../model/progress.ts";
import type { PendingPages } from "../search/shard-bundle.ts";
import type { PageRecord } from "../site/page-record.ts";
import type { KnownInputs, RenderOptions, RenderResult } from "../site/render.ts";
import { startTypeScriptWorker } from "../site/typescript-worker.ts";

/** What the render worker reads while ingest runs: the caches in `cache` and the files of `base` (the spare site, moved into the building folder), if any. */
export interface ReadAhead {
  cache: string;
  base?: string;
}

/** What the build posts to the render worker: the render to run, the hashes of the inputs ingest read or wrote, and the front matter it wrote. */
export interface RenderRequest {
  options: Omit<RenderOptions, "progress" | "known">;
  digests?: Pick<KnownInputs, "releaseDigests" | "sourceDigests" | "writtenFrontMatter">;
}

/**
 * What the render worker posts: the page count, pages done, the release pages once in place but those linked from
 * the live site, then once those are too (not always), then its result or its error.
 */
export type RenderMessage = { kind: "total"; n: number } | { kind: "tick"; n: number } | { kind: "releases"; record: PageRecord; pending: string[] } | { kind: "releasesLinked" } | { kind: "done"; result: RenderResult } | { kind: "failed"; message: string };

const RENDER_WORKER = new URL("./render-worker.ts", import.meta.url);

/**
 * The release pages' part of the render's record, once in place but the `pending` files (linked from the live site
 * after: in place once `pending.inPlace` resolves).
 */
export interface ReleasePages {
  record: PageRecord;
  pending: PendingPages;
}

/** A render worker thread, loading the site's modules (about a second) until it is asked to render. */
export interface RenderThread {
  /** Renders as `renderSite` does, once; resolves when the thread has ended, so its memory is given back. */
  render(request: RenderRequest, progress?: ProgressCounter): Promise<RenderResult>;
  /**
   * Resolves with the release pages' part of the record once they are in place, but those still to link from the
   * live site (pending until the thread says they are), while the rest of the site is rendered (renderSite's
   * `onReleasePages` and `onReleasePagesLinked`: an edit, an addition), or with null when the thread ends without that.
   */
  releasePages(): Promise<ReleasePages | null>;
  /** Ends the thread whatever it is doing (a build that stops before rendering, or after). */
  stop(): Promise<void>;
}

/**
 * Starts the render thread; given `readAhead`, it reads the caches and lists the base's files once loaded, while
 * ingest runs. The render holds every release's record, the site index and Eleventy's state (over a
 * GiB at 10,000 releases); V8 keeps a heap it has grown, so in the build's own thread that memory would still be held
 * while Pagefind indexes beside it. A worker's heap is released when it ends. A failed render rejects with its message
 * (and the causes it wraps), as in this thread.
 */
export function startRenderThread(readAhead?: ReadAhead): RenderThread {
  // Eleventy registers a module resolver for its watch mode (to import changed files afresh), which then answers every
  // import of the thread from a thread of its own (0.5 s of this one's time at 10,000 releases); each build's thread
  // imports everything once, so it is left out.
  const env = { ...process.env, ELEVENTY_SKIP_ESM_RESOLVER: "1" };
  const worker = startTypeScriptWorker(RENDER_WORKER, { workerData: { readAhead }, execArgv: [], env });
  let progress: ProgressCounter | undefined;
  let settled: { result: RenderResult } | { error: Error } | null = null;
  let releasesInPlace: (pages: ReleasePages | null) => void = () => {};
  const releasePages = new Promise<ReleasePages | null>((resolve) => (releasesInPlace = resolve));
  let releasesLinked: () => void = () => {};
  const releasePagesLinked = new Promise<void>((resolve) => (releasesLinked = resolve));
  worker.on("message", (m: RenderMessage) => {
    if (m.kind === "total") progress?.setTotal(m.n);
    else if (m.kind === "tick") progress?.tick(m.n);
    else if (m.kind === "releases") releasesInPlace({ record: m.record, pending: { files: new Set(m.pending), inPlace: releasePagesLinked } });
    else if (m.kind === "releasesLinked") releasesLinked();
    else settled = m.kind === "done" ? { result: m.result } : { error: new Error(m.message) };
  });
  worker.on("error", (e) => (settled ??= { error: e }));
  const exited = new Promise<number>((resolve) =>
    worker.on("exit", (code) => {
      releasesInPlace(null);
      releasesLinked();
      resolve(code);
    }),
  );
  return {
    async render(request, counter) {
      progress = counter;
      worker.postMessage(request satisfies RenderRequest);
      // The result is taken once the thread has ended: its memory is then given back.
      const code = await exited;
      if (settled && "result" in settled) return settled.result;
      throw settled?.error ?? new Error(`The render thread stopped (exit code ${code})`);
    },
    releasePages: () => releasePages,
    async stop() {
      await worker.terminate();
    },
  };
}

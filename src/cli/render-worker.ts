// A render worker thread: loads the site's modules at once, reads the caches and the base's file list while ingest runs, waits for the build's request, renders the site and posts its progress, its release pages once in place (see renderSite's onReleasePages and onReleasePagesLinked) and its result (or its error) back.
import { parentPort, workerData } from "node:worker_threads";
import { loadMapGeometry } from "../site/charts/map.ts";
import { minifiedAssets } from "../site/pages.ts";
import type { PageRecord } from "../site/page-record.ts";
import { readCachesAndBase, renderSite } from "../site/render.ts";
import { describeError } from "./errors.ts";
import type { ReadAhead, RenderMessage, RenderRequest } from "./render-thread.ts";

const post = (message: RenderMessage) => parentPort!.postMessage(message);

/** Progress is posted at most this often: a message per page written took the render thread 1.5 s at 10,000 releases. */
const TICK_INTERVAL_MS = 100;
let unsentTicks = 0;
let tickSentAt = 0;
const tick = (n = 1) => {
  unsentTicks += n;
  const now = performance.now();
  if (now - tickSentAt >= TICK_INTERVAL_MS) sendTicks(now);
};
const sendTicks = (now = performance.now()) => {
  if (unsentTicks > 0) post({ kind: "tick", n: unsentTicks });
  unsentTicks = 0;
  tickSentAt = now;
};
const readAhead = (workerData as { readAhead?: ReadAhead }).readAhead;

/**
 * The caches and the base's files (the spare site, already in the building folder, which nothing else touches until
 * the render), read at once (the build's request waits in the port meanwhile); none when something cannot be read:
 * the render then reads it itself, and reports what fails.
 */
function readNow(): ReturnType<typeof readCachesAndBase> | undefined {
  try {
    // The scripts and styles are minified now too (or taken from the cache), for Eleventy's pages (src/site/pages.ts
    // keeps them), and the world map projected (or taken from the cache).
    minifiedAssets(readAhead?.cache);
    if (readAhead) loadMapGeometry(readAhead.cache);
    return readAhead ? readCachesAndBase(readAhead.cache, readAhead.base) : undefined;
  } catch {
    return undefined;
  }
}
const ahead = readNow();

parentPort!.once("message", async ({ options, digests }: RenderRequest) => {
  try {
    // What was read ahead serves only a render with that cache, and the spare's files only one based on the spare.
    const cached = ahead && options.cache === readAhead?.cache ? { frontMatter: ahead.frontMatter, citations: ahead.citations, dataRows: ahead.dataRows, baseFiles: options.base ? ahead.baseFiles : undefined } : {};
    const onReleasePages = (record: PageRecord, pending: string[]) => {
      sendTicks();
      post({ kind: "releases", record, pending });
    };
    const onReleasePagesLinked = () => post({ kind: "releasesLinked" });
    const result = await renderSite({ ...options, known: { ...digests, ...cached }, progress: { setTotal: (n) => post({ kind: "total", n }), tick }, onReleasePages, onReleasePagesLinked });
    sendTicks();
    post({ kind: "done", result });
  } catch (e) {
    post({ kind: "failed", message: describeError(e) });
  }
});

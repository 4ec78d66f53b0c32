// A render worker thread: loads the site's modules at once, reads ahead the hashes of the inputs while ingest runs, waits for the build's request, renders the site and posts its progress and its result (or its error) back.
import { resolve } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { renderSite, snapshotInputs } from "../site/render.ts";
import { describeError } from "./errors.ts";
import type { ReadAhead, RenderMessage, RenderRequest } from "./render-thread.ts";

const post = (message: RenderMessage) => parentPort!.postMessage(message);
const readAhead = (workerData as { readAhead?: ReadAhead }).readAhead;

/** The inputs' hashes, read at once (the build's request waits in the port meanwhile); none when something cannot be read: the render then reads it and reports it. */
function readNow(): ReturnType<typeof snapshotInputs> | undefined {
  try {
    return readAhead ? snapshotInputs(readAhead) : undefined;
  } catch {
    return undefined;
  }
}
const ahead = readNow();

parentPort!.once("message", async ({ options, changedReleases }: RenderRequest) => {
  try {
    // What was read ahead serves only the render of those very folders, once ingest has said what it changed.
    const same = ahead && readAhead && changedReleases && resolve(options.content) === resolve(readAhead.content) && resolve(options.sources ?? "") === resolve(readAhead.sources) && options.cache === readAhead.cache;
    const snapshot = same ? { ...ahead!, changedReleases: changedReleases! } : undefined;
    const result = await renderSite({ ...options, snapshot, progress: { setTotal: (n) => post({ kind: "total", n }), tick: (n = 1) => post({ kind: "tick", n }) } });
    post({ kind: "done", result });
  } catch (e) {
    post({ kind: "failed", message: describeError(e) });
  }
});

// A render worker thread: renders the site and posts its progress and its result (or its error) back to the build.
import { parentPort, workerData } from "node:worker_threads";
import { renderSite, type RenderOptions } from "../site/render.ts";
import { describeError } from "./errors.ts";
import type { RenderMessage } from "./render-thread.ts";

const post = (message: RenderMessage) => parentPort!.postMessage(message);
try {
  const options = (workerData as { options: RenderOptions }).options;
  const result = await renderSite({ ...options, progress: { setTotal: (n) => post({ kind: "total", n }), tick: (n = 1) => post({ kind: "tick", n }) } });
  post({ kind: "done", result });
} catch (e) {
  post({ kind: "failed", message: describeError(e) });
}

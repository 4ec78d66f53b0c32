// A render worker thread: loads the site's modules at once, waits for the build's request, renders the site and posts its progress and its result (or its error) back.
import { parentPort } from "node:worker_threads";
import { renderSite } from "../site/render.ts";
import { describeError } from "./errors.ts";
import type { RenderMessage, RenderRequest } from "./render-thread.ts";

const post = (message: RenderMessage) => parentPort!.postMessage(message);
parentPort!.once("message", async ({ options }: RenderRequest) => {
  try {
    const result = await renderSite({ ...options, progress: { setTotal: (n) => post({ kind: "total", n }), tick: (n = 1) => post({ kind: "tick", n }) } });
    post({ kind: "done", result });
  } catch (e) {
    post({ kind: "failed", message: describeError(e) });
  }
});

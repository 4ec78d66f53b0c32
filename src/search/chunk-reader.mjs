// Worker thread of src/search/chunk-prefetch.ts: reads bundles' index chunks and gunzips them, handing each body back as it is ready.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { gunzipSync } from "node:zlib";

/** Compressed bytes still to read: the prefetch's budget. */
let left = workerData.budget;

parentPort.on("message", (message) => {
  if (message.end) {
    parentPort.postMessage({ ended: true });
    return;
  }
  const indexDir = join(message.dir, "index");
  let names;
  try {
    names = readdirSync(indexDir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    if (left <= 0) return;
    const file = join(indexDir, name);
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    // Bundles are read one after the other: the budget is checked again once the chunk's size is known.
    if (bytes.length > left) {
      left = 0;
      return;
    }
    left -= bytes.length;
    let body;
    try {
      body = gunzipSync(bytes);
    } catch {
      continue;
    }
    // A fresh copy of its own, so the whole buffer can be handed over rather than copied again.
    const own = new Uint8Array(body.length);
    own.set(body);
    parentPort.postMessage({ file, body: own }, [own.buffer]);
  }
});

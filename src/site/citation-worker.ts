// Worker thread: formats the citations of the items it is given, 64 at a time, and posts them in batches.
import { workerData } from "node:worker_threads";
import type { CslData } from "@citation-js/core";
import { stored, storedCitations, type PrefetchData, type StoredCitations } from "./citation-store.ts";
import { formatCitationBatch } from "./citations.ts";

/**
 * Items formatted and posted at a time: citeproc formats a batch's styles about twice as fast a release as one item
 * at a time (see formatCitationBatch), and the pages still get them soon.
 */
const BATCH = 64;

const data = workerData as PrefetchData;
for (let i = 0; i < data.items.length; i += BATCH) post(data.items.slice(i, i + BATCH));
data.port.close();

/** Formats a batch and posts its citations; an item citeproc fails on is left for the page, which reports it. */
function post(items: [string, CslData][]): void {
  let formatted: [string, StoredCitations][];
  try {
    const citations = formatCitationBatch(items.map(([, item]) => item));
    formatted = items.map(([key], i) => [key, stored(citations[i]!)]);
  } catch {
    formatted = items.flatMap(([key, item]): [string, StoredCitations][] => {
      try {
        return [[key, storedCitations(item)]];
      } catch {
        return [];
      }
    });
  }
  data.port.postMessage(formatted);
}

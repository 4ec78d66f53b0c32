// Worker thread: formats the citations of the release files it is given that are not yet cached, and posts them in batches.
import { readFileSync } from "node:fs";
import { workerData } from "node:worker_threads";
import { releaseUrl } from "../emit/id.ts";
import { splitFrontMatter } from "../emit/front-matter.ts";
import type { FrontMatter } from "../model/release.ts";
import type { CslData } from "@citation-js/core";
import { citationKey, stored, storedCitations, type PrefetchData, type StoredCitations } from "./citation-store.ts";
import { cslItem, formatCitationBatch } from "./citations.ts";
import { siteUrls } from "./config.ts";
import { parseFrontMatter } from "./front-matter.ts";

/**
 * Items formatted and posted at a time: citeproc formats a batch's styles about twice as fast a release as one item
 * at a time (see formatCitationBatch), and the pages still get them soon.
 */
const BATCH = 64;

const data = workerData as PrefetchData;
const known = new Set(data.known);
const urls = siteUrls(data.config);
let batch: [string, CslData][] = [];
for (const file of data.files) {
  try {
    const split = splitFrontMatter(readFileSync(file, "utf8"));
    if (!split) continue;
    const fm = parseFrontMatter(split.yaml) as FrontMatter;
    // The same item the page's filter makes (src/site/filters.ts), so the same key; a release the schema would
    // reject fails the build on the main thread anyway.
    const item = cslItem(fm, urls.absolute(releaseUrl(fm.id)), data.config);
    const key = citationKey(item);
    if (known.has(key)) continue;
    known.add(key);
    batch.push([key, item]);
  } catch {
    continue;
  }
  if (batch.length >= BATCH) post(batch.splice(0));
}
if (batch.length) post(batch);
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

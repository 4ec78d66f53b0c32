// Worker thread: formats the citations of the release files it is given that are not yet cached, and posts them in batches.
import { readFileSync } from "node:fs";
import { workerData } from "node:worker_threads";
import { releaseUrl } from "../emit/id.ts";
import { splitFrontMatter } from "../emit/front-matter.ts";
import type { FrontMatter } from "../model/release.ts";
import { citationKey, storedCitations, type PrefetchData, type StoredCitations } from "./citation-store.ts";
import { cslItem } from "./citations.ts";
import { siteUrls } from "./config.ts";
import { parseFrontMatter } from "./front-matter.ts";

/** Citations posted at a time: few messages, yet the pages get them soon. */
const BATCH = 16;

const data = workerData as PrefetchData;
const known = new Set(data.known);
const urls = siteUrls(data.config);
let batch: [string, StoredCitations][] = [];
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
    batch.push([key, storedCitations(item)]);
  } catch {
    continue;
  }
  if (batch.length >= BATCH) {
    data.port.postMessage(batch);
    batch = [];
  }
}
if (batch.length) data.port.postMessage(batch);
data.port.close();

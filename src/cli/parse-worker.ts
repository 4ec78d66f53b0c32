// A parsing worker thread: parses each batch of sources it is sent and posts the results back, in order.
import { parentPort, workerData } from "node:worker_threads";
import { parseSource } from "../ingest/parse-source.ts";
import { type ParseJob, type TaxonomyInput, compileTaxonomyInput } from "./parse-pool.ts";

const taxonomy = compileTaxonomyInput((workerData as { taxonomy: TaxonomyInput | null }).taxonomy);

parentPort!.on("message", (batch: ParseJob[]) => {
  parentPort!.postMessage(batch.map((j) => parseSource(j.bytes, { path: j.path, taxonomy })));
});

// Index chunks read and gunzipped ahead of the merge, on a thread of their own, while Pagefind indexes or a shard is spliced: the merge then finds them in memory.
import { Worker } from "node:worker_threads";

/**
 * Bytes of files read ahead at most, over every bundle: 10,000 releases' shards' chunks are about 37 MB (stored
 * uncompressed in the store, src/search/shard-bundle.ts); beyond the budget the merge reads the chunks itself, so memory
 * stays bounded at any size.
 */
export const PREFETCH_BYTES = 64 * 2 ** 20;

/**
 * Reads bundles' index chunks (`<bundle>/index/*.pf_index`) in the background, gunzipped, by path, on a thread of its
 * own (src/search/chunk-reader.mjs): while this one splices a shard, or waits on Pagefind, the other core reads ahead
 * (an edit's merge at 10,000 releases waited 1 s for chunks read and gunzipped on this thread). Nothing here is
 * trusted more than the file: a chunk is read as it is on disk, and one that cannot be read is left to the merge,
 * which reports it.
 */
export class ChunkPrefetch {
  private readonly bodies = new Map<string, Buffer>();
  /** The bundles asked for: each is read once, however often asked. */
  private readonly asked = new Set<string>();
  private worker: Worker | undefined;
  private ended: Promise<void> | undefined;

  constructor(private readonly budget = PREFETCH_BYTES) {}

  /** Starts reading the index chunks of the bundle in `dir`, after those of the bundles given before (once per bundle). */
  bundle(dir: string): void {
    if (this.asked.has(dir)) return;
    this.asked.add(dir);
    if (!this.worker) {
      this.worker = new Worker(new URL("./chunk-reader.mjs", import.meta.url), { workerData: { budget: this.budget } });
      this.worker.on("message", (message: { file?: string; body?: Uint8Array }) => {
        if (message.file && message.body) this.bodies.set(message.file, Buffer.from(message.body.buffer, message.body.byteOffset, message.body.byteLength));
      });
      this.ended = new Promise((resolve) => {
        this.worker!.on("message", (message: { ended?: boolean }) => message.ended && resolve());
        // A thread that fails leaves the chunks it did not read to the merge.
        this.worker!.on("error", () => resolve());
        this.worker!.on("exit", () => resolve());
      });
    }
    this.worker.postMessage({ dir });
  }

  /** The chunks read, by path (gunzipped: a Pagefind signature, then CBOR), once every read asked for has ended. */
  async ready(): Promise<ReadonlyMap<string, Buffer>> {
    if (this.worker) {
      this.worker.postMessage({ end: true });
      await this.ended;
      await this.close();
    }
    return this.bodies;
  }

  /** Stops the reading thread, if it runs (a build that fails before merging must not be kept alive by it). */
  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

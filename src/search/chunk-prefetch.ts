// Index chunks read (on the thread pool) and gunzipped ahead of the merge, while Pagefind indexes other shards: the merge then finds them in memory.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * Compressed bytes read ahead at most, over every bundle: 10,000 releases' shards and merged bundle are about 35 MB
 * (some 75 MB once gunzipped); beyond the budget the merge reads the chunks itself, so memory stays bounded at any size.
 */
export const PREFETCH_BYTES = 64 * 2 ** 20;

/**
 * Reads bundles' index chunks (`<bundle>/index/*.pf_index`) in the background, gunzipped, by path. Nothing here is
 * trusted more than the file: a chunk is read as it is on disk, and one that cannot be read is left to the merge,
 * which reports it.
 */
export class ChunkPrefetch {
  private readonly bodies = new Map<string, Buffer>();
  private readonly reading: Promise<void>[] = [];
  private left: number;

  constructor(budget = PREFETCH_BYTES) {
    this.left = budget;
  }

  /** Starts reading the index chunks of the bundle in `dir`, one after another. */
  bundle(dir: string): void {
    this.reading.push(this.read(join(dir, "index")).catch(() => undefined));
  }

  private async read(indexDir: string): Promise<void> {
    for (const name of (await readdir(indexDir)).sort()) {
      if (this.left <= 0) return;
      const file = join(indexDir, name);
      const bytes = await readFile(file);
      // Bundles are read side by side: the budget is checked again once the chunk's size is known.
      if (bytes.length > this.left) {
        this.left = 0;
        return;
      }
      this.left -= bytes.length;
      // Gunzipped here, between reads, while this thread waits on Pagefind: zlib's asynchronous form hands each 16 KB
      // of output back to this thread, which cost more of it than inflating the whole chunk at once.
      this.bodies.set(file, gunzipSync(bytes));
    }
  }

  /** The chunks read, by path (gunzipped: a Pagefind signature, then CBOR), once every read started has ended. */
  async ready(): Promise<ReadonlyMap<string, Buffer>> {
    await Promise.all(this.reading);
    return this.bodies;
  }
}

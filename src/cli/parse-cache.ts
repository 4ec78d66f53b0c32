// Parsed sources kept between ingests, keyed by a hash of everything parsing reads: an unchanged source is not parsed again.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { deserialize, serialize } from "node:v8";
import type { SourceResult } from "../ingest/parse-source.ts";
import { codeDigest } from "../site/page-record.ts";
import { writeFileAtomic } from "./files.ts";
import type { ParseJob, TaxonomyInput } from "./parse-pool.ts";

/** The cache file inside the cache folder. */
export const PARSE_CACHE_FILE = "parsed-sources.v8";

/**
 * Parse results by the SHA-256 of the code (src/, templates, package versions, Node), the taxonomy, the source's path
 * and its bytes: parseSource is a pure function of those, so a hit is exactly what parsing would give. Entries are
 * never trusted on anything else (no mtimes). Only the entries an ingest used are written back, so the file follows
 * the sources; it is written whole and atomically, so a killed ingest leaves the previous file.
 */
export class ParseCache {
  private readonly used = new Map<string, SourceResult>();
  /** Whether a result was parsed now: else, when every previous entry was used, the file is already what save would write. */
  private parsedNow = false;

  private constructor(
    private readonly file: string,
    private readonly version: string,
    private readonly previous: Map<string, SourceResult>,
  ) {}

  /** Opens the cache file (an unreadable or missing one is an empty cache). */
  static async open(file: string, taxonomy: TaxonomyInput | null): Promise<ParseCache> {
    const version = createHash("sha256").update(codeDigest()).update("\u0000").update(taxonomy?.text ?? "").digest("hex");
    let previous = new Map<string, SourceResult>();
    try {
      const read = deserialize(await readFile(file)) as { version?: unknown; entries?: unknown };
      if (read.version === version && Array.isArray(read.entries)) previous = new Map(read.entries as [string, SourceResult][]);
    } catch {
      // No cache yet, or one from a build that could not finish writing it: parse everything.
    }
    return new ParseCache(file, version, previous);
  }

  /** The key of a job: its path and bytes under this cache's version. */
  key(job: ParseJob): string {
    return createHash("sha256").update(this.version).update("\u0000").update(job.path).update("\u0000").update(job.bytes).digest("base64url");
  }

  /** The job's result from a previous ingest, if its inputs were the same. */
  get(key: string): SourceResult | undefined {
    const hit = this.previous.get(key);
    if (hit) this.used.set(key, hit);
    return hit;
  }

  /** Records a result parsed now. */
  set(key: string, result: SourceResult): void {
    this.used.set(key, result);
    this.parsedNow = true;
  }

  /** Writes the entries this ingest used, replacing the file (unless they are exactly the ones it holds). */
  async save(): Promise<void> {
    if (!this.parsedNow && this.used.size === this.previous.size) return;
    await writeFileAtomic(this.file, serialize({ version: this.version, entries: [...this.used] }));
  }
}

// Parsed sources kept between ingests, keyed by a hash of everything parsing reads: an unchanged source is not parsed again.
import { createHash } from "node:crypto";
import { appendFile, readFile } from "node:fs/promises";
import { deserialize, serialize } from "node:v8";
import { bodyDigest, lazyBody } from "../ingest/lazy-body.ts";
import type { SourceResult } from "../ingest/parse-source.ts";
import type { Block } from "../model/release.ts";
import { codeDigest } from "../site/page-record.ts";
import { writeFileAtomic } from "./files.ts";
import type { TaxonomyInput } from "./parse-pool.ts";

/** The cache file inside the cache folder. */
export const PARSE_CACHE_FILE = "parsed-sources.v8";

/** What starts each frame of the file, before its payload's length (4 bytes, little-endian). */
const FRAME_MAGIC = Buffer.from("CPC2");
const HEADER_BYTES = FRAME_MAGIC.length + 4;

/**
 * Entries no source used any more (a source edited or removed) that the file may still hold, as a share of the
 * entries it holds, before it is written whole again; and the frames it may hold. Up to this much garbage is kept so
 * that an ingest that parsed a few sources appends them rather than rewriting every entry (1.6 s at 10,000 sources).
 */
const MAX_STALE_SHARE = 0.25;
const MAX_FRAMES = 64;

/** One frame: the version every entry was parsed under and the entries it adds. */
interface Frame {
  version: string;
  entries: [string, StoredResult][];
}

/**
 * A parse result as the file keeps it: its items' release bodies (most of its bytes) serialized apart, each with its
 * hash, so that bringing the result back makes no body's objects until something reads that body (src/ingest/lazy-body.ts).
 */
interface StoredResult {
  /** The result, each release's body empty. */
  result: SourceResult;
  /** v8-serialized `(Block[] | null)[]`, one per item (null for an item without a release). */
  bodies: Uint8Array;
  /** Each item's body hash ({@link bodyDigest}), null for an item without a release. */
  digests: (string | null)[];
}

/** Splits a freshly parsed result into its stored form. */
function stored(result: SourceResult): StoredResult {
  const bodies = result.items.map((it) => it.release?.body ?? null);
  return {
    result: { ...result, items: result.items.map((it) => (it.release ? { ...it, release: { ...it.release, body: [] } } : it)) },
    bodies: serialize(bodies),
    digests: bodies.map((b) => (b ? bodyDigest(b) : null)),
  };
}

/** A stored result brought back, its bodies read from their bytes (all of the result's at once) when first used. */
function restored(entry: StoredResult): SourceResult {
  let bodies: (Block[] | null)[] | null = null;
  const bodyOf = (i: number) => () => (bodies ??= deserialize(entry.bodies) as (Block[] | null)[])[i]!;
  return { ...entry.result, items: entry.result.items.map((it, i) => (it.release ? { ...it, release: { ...it.release, body: lazyBody(bodyOf(i), entry.digests[i]!) } } : it)) };
}

/**
 * Parse results by the SHA-256 of the code (src/, templates, package versions, Node), the taxonomy, the source's path
 * and its bytes: parseSource is a pure function of those, so a hit is exactly what parsing would give. (Ingest may
 * know a source's hash without reading it, from its stats: src/cli/file-stats.ts.)
 *
 * The file is a sequence of frames (`CPC2`, the payload's length, a v8-serialized {@link Frame}), read in order. An
 * ingest that parsed some sources appends one frame of those alone; the file is written whole, atomically and with
 * only the entries this ingest used, when the entries no source uses any more grow past a quarter of those it holds, when
 * it holds too many frames, or when its end is damaged (an append killed half way: the frames before it are kept).
 */
export class ParseCache {
  private readonly used = new Map<string, StoredResult>();
  /** Results parsed by this ingest, for the frame that {@link save} may append. */
  private readonly parsedNow = new Map<string, StoredResult>();

  private constructor(
    private readonly file: string,
    private readonly version: string,
    private readonly previous: Map<string, StoredResult>,
    /** Frames read; -1 when the file cannot be appended to (missing, of another version, or with a damaged end). */
    private readonly frames: number,
  ) {}

  /** Opens the cache file (an unreadable or missing one is an empty cache). */
  static async open(file: string, taxonomy: TaxonomyInput | null): Promise<ParseCache> {
    const version = createHash("sha256").update(codeDigest()).update("\u0000").update(taxonomy?.text ?? "").digest("hex");
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      // No cache yet: parse everything.
      return new ParseCache(file, version, new Map(), -1);
    }
    const { frames, complete } = readFrames(bytes);
    if (frames.length === 0 || frames.some((f) => f.version !== version)) return new ParseCache(file, version, new Map(), -1);
    const previous = new Map<string, StoredResult>();
    for (const frame of frames) for (const [key, result] of frame.entries) previous.set(key, result);
    return new ParseCache(file, version, previous, complete ? frames.length : -1);
  }

  /** The key of a source: its path and the SHA-256 of its bytes (`bytesDigest`) under this cache's version. */
  key(path: string, digest: string): string {
    return createHash("sha256").update(this.version).update("\u0000").update(path).update("\u0000").update(digest).digest("base64url");
  }

  /** The job's result from a previous ingest, if its inputs were the same. */
  get(key: string): SourceResult | undefined {
    const hit = this.previous.get(key);
    if (!hit) return undefined;
    this.used.set(key, hit);
    return restored(hit);
  }

  /** Records a result parsed now. */
  set(key: string, result: SourceResult): void {
    const entry = stored(result);
    this.used.set(key, entry);
    this.parsedNow.set(key, entry);
  }

  /** Appends what this ingest parsed, or writes the entries it used in place of the file (see the class). */
  async save(): Promise<void> {
    const stale = this.previous.size - (this.used.size - this.parsedNow.size);
    const appendable = this.frames >= 0 && this.frames < MAX_FRAMES && stale <= this.previous.size * MAX_STALE_SHARE;
    if (appendable) {
      if (this.parsedNow.size > 0) await appendFile(this.file, frame({ version: this.version, entries: [...this.parsedNow] }));
      return;
    }
    await writeFileAtomic(this.file, frame({ version: this.version, entries: [...this.used] }));
  }
}

/** A frame's bytes: magic, payload length, payload. */
function frame(value: Frame): Buffer {
  const payload = serialize(value);
  const header = Buffer.alloc(HEADER_BYTES);
  FRAME_MAGIC.copy(header);
  header.writeUInt32LE(payload.length, FRAME_MAGIC.length);
  return Buffer.concat([header, payload]);
}

/** The frames of a file, up to the first damaged one; `complete` when every byte belonged to a frame. */
function readFrames(bytes: Buffer): { frames: Frame[]; complete: boolean } {
  const frames: Frame[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (bytes.length - at < HEADER_BYTES || !bytes.subarray(at, at + FRAME_MAGIC.length).equals(FRAME_MAGIC)) return { frames, complete: false };
    const length = bytes.readUInt32LE(at + FRAME_MAGIC.length);
    const end = at + HEADER_BYTES + length;
    if (end > bytes.length) return { frames, complete: false };
    try {
      const value = deserialize(bytes.subarray(at + HEADER_BYTES, end)) as Partial<Frame>;
      if (typeof value.version !== "string" || !Array.isArray(value.entries)) return { frames, complete: false };
      frames.push(value as Frame);
    } catch {
      return { frames, complete: false };
    }
    at = end;
  }
  return { frames, complete: true };
}

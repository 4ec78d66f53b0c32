// Parsed sources kept between ingests, keyed by a hash of everything parsing reads: an unchanged source is not parsed again.
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import { deserialize, serialize } from "node:v8";
import { bodyDigest, lazyBody } from "../ingest/lazy-body.ts";
import type { SourceResult } from "../ingest/parse-source.ts";
import type { Block } from "../model/release.ts";
import { codeDigest } from "../site/page-record.ts";
import { writeFileAtomic } from "./files.ts";
import type { TaxonomyInput } from "./parse-pool.ts";

/** The cache file inside the cache folder. */
export const PARSE_CACHE_FILE = "parsed-sources.v8";

/**
 * What starts each frame of the file, before the lengths (4 bytes each, little-endian) of its entries and of its
 * bodies, which follow in that order.
 */
const FRAME_MAGIC = Buffer.from("CPC3");
const HEADER_BYTES = FRAME_MAGIC.length + 8;

/**
 * Entries no source used any more (a source edited or removed) that the file may still hold, as a share of the
 * entries it holds, before it is written whole again; and the frames it may hold. Up to this much garbage is kept so
 * that an ingest that parsed a few sources appends them rather than rewriting every entry (1.6 s at 10,000 sources).
 */
const MAX_STALE_SHARE = 0.25;
const MAX_FRAMES = 64;

/** One frame's entries as written: the version every entry was parsed under, and each entry's result and body's place. */
interface FrameEntries {
  version: string;
  entries: [string, { result: SourceResult; digests: (string | null)[]; body: [number, number] }][];
}

/**
 * A parse result as the file keeps it: its items' release bodies (most of its bytes) serialized apart, each with its
 * hash, so that bringing the result back makes no body's objects until something reads that body (src/ingest/lazy-body.ts).
 */
interface StoredResult {
  /** The result, each release's body empty. */
  result: SourceResult;
  /**
   * v8-serialized `(Block[] | null)[]`, one per item (null for an item without a release): the bytes when parsed
   * now, else where they are in the file read (offset and length), read only when a body is used.
   */
  bodies: Uint8Array | { at: number; length: number };
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

/**
 * Parse results by the SHA-256 of the code (src/, templates, package versions, Node), the taxonomy, the source's path
 * and its bytes: parseSource is a pure function of those, so a hit is exactly what parsing would give. (Ingest may
 * know a source's hash without reading it, from its stats: src/cli/file-stats.ts.)
 *
 * The file is a sequence of frames (`CPC3`, two lengths, the v8-serialized {@link FrameEntries}, then the entries'
 * bodies one after another), read in order. Opening reads the entries and skips the bodies, four fifths of the bytes:
 * a body is read from the file when a release's body is first used (an edited release, or one emitted again), so
 * the file stays open until {@link close}. An ingest that parsed some sources appends one frame of those alone; the
 * file is written whole, atomically and with only the entries this ingest used, when the entries no source uses any
 * more grow past a quarter of those it holds, when it holds too many frames, or when its end is damaged (an append
 * killed half way: the frames before it are kept).
 */
export class ParseCache {
  private readonly used = new Map<string, StoredResult>();
  /** Results parsed by this ingest, for the frame that {@link save} may append. */
  private readonly parsedNow = new Map<string, StoredResult>();
  /** The file as opened (its bodies are read from it), -1 once closed or when there was none. */
  private fd: number;

  private constructor(
    private readonly file: string,
    private readonly version: string,
    private readonly previous: Map<string, StoredResult>,
    /** Frames read; -1 when the file cannot be appended to (missing, of another version, or with a damaged end). */
    private readonly frames: number,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Opens the cache file (an unreadable or missing one is an empty cache). */
  static async open(file: string, taxonomy: TaxonomyInput | null): Promise<ParseCache> {
    const version = createHash("sha256").update(codeDigest()).update("\u0000").update(taxonomy?.text ?? "").digest("hex");
    let fd: number;
    try {
      fd = openSync(file, "r");
    } catch {
      // No cache yet: parse everything.
      return new ParseCache(file, version, new Map(), -1, -1);
    }
    const { frames, complete } = readFrames(fd);
    if (frames.length === 0 || frames.some((f) => f.version !== version)) {
      closeSync(fd);
      return new ParseCache(file, version, new Map(), -1, -1);
    }
    const previous = new Map<string, StoredResult>();
    for (const frame of frames) for (const [key, result] of frame.entries) previous.set(key, result);
    return new ParseCache(file, version, previous, complete ? frames.length : -1, fd);
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
    return this.restored(hit);
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
      if (this.parsedNow.size > 0) await appendFile(this.file, frame(this.version, [...this.parsedNow], (e) => this.bodyBytes(e)));
      return;
    }
    await writeFileAtomic(this.file, frame(this.version, [...this.used], (e) => this.bodyBytes(e)));
  }

  /** Closes the file: the results handed out must not read a body they have not read yet (that throws). */
  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  /** A stored result brought back, its bodies read (all of the result's at once) when first used. */
  private restored(entry: StoredResult): SourceResult {
    let bodies: (Block[] | null)[] | null = null;
    const bodyOf = (i: number) => () => (bodies ??= deserialize(this.bodyBytes(entry)) as (Block[] | null)[])[i]!;
    return { ...entry.result, items: entry.result.items.map((it, i) => (it.release ? { ...it, release: { ...it.release, body: lazyBody(bodyOf(i), entry.digests[i]!) } } : it)) };
  }

  /** An entry's serialized bodies: as parsed now, or read from the file. */
  private bodyBytes(entry: StoredResult): Uint8Array {
    if (entry.bodies instanceof Uint8Array) return entry.bodies;
    if (this.fd < 0) throw new Error(`${this.file}: a release body was read after the parse cache was closed`);
    const bytes = Buffer.allocUnsafe(entry.bodies.length);
    if (readSync(this.fd, bytes, 0, bytes.length, entry.bodies.at) !== bytes.length) throw new Error(`${this.file}: the file ends inside a release body`);
    return bytes;
  }
}

/** A frame's bytes: magic, the two lengths, the entries, the bodies. */
function frame(version: string, entries: [string, StoredResult][], bodyBytes: (entry: StoredResult) => Uint8Array): Buffer {
  const bodies: Uint8Array[] = [];
  let at = 0;
  const written: FrameEntries["entries"] = entries.map(([key, entry]) => {
    const bytes = bodyBytes(entry);
    bodies.push(bytes);
    at += bytes.length;
    return [key, { result: entry.result, digests: entry.digests, body: [at - bytes.length, bytes.length] }];
  });
  const payload = serialize({ version, entries: written } satisfies FrameEntries);
  const header = Buffer.alloc(HEADER_BYTES);
  FRAME_MAGIC.copy(header);
  header.writeUInt32LE(payload.length, FRAME_MAGIC.length);
  header.writeUInt32LE(at, FRAME_MAGIC.length + 4);
  return Buffer.concat([header, payload, ...bodies]);
}

/**
 * The frames of the open file `fd`, up to the first damaged one, their bodies skipped (each entry notes where its
 * bodies are); `complete` when every byte belonged to a frame.
 */
function readFrames(fd: number): { frames: { version: string; entries: [string, StoredResult][] }[]; complete: boolean } {
  const size = fstatSync(fd).size;
  const frames: { version: string; entries: [string, StoredResult][] }[] = [];
  const header = Buffer.alloc(HEADER_BYTES);
  let at = 0;
  while (at < size) {
    if (size - at < HEADER_BYTES || readSync(fd, header, 0, HEADER_BYTES, at) !== HEADER_BYTES || !header.subarray(0, FRAME_MAGIC.length).equals(FRAME_MAGIC)) return { frames, complete: false };
    const entriesLength = header.readUInt32LE(FRAME_MAGIC.length);
    const bodiesAt = at + HEADER_BYTES + entriesLength;
    const end = bodiesAt + header.readUInt32LE(FRAME_MAGIC.length + 4);
    if (end > size) return { frames, complete: false };
    const payload = Buffer.allocUnsafe(entriesLength);
    try {
      if (readSync(fd, payload, 0, entriesLength, at + HEADER_BYTES) !== entriesLength) return { frames, complete: false };
      const value = deserialize(payload) as Partial<FrameEntries>;
      if (typeof value.version !== "string" || !Array.isArray(value.entries)) return { frames, complete: false };
      frames.push({ version: value.version, entries: value.entries.map(([key, e]) => [key, { result: e.result, digests: e.digests, bodies: { at: bodiesAt + e.body[0], length: e.body[1] } }]) });
    } catch {
      return { frames, complete: false };
    }
    at = end;
  }
  return { frames, complete: true };
}

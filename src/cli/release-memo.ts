// What ingest remembers of release files between builds: the Markdown each release record emitted and the key each file holds, both by hash, so unchanged releases are neither emitted nor read as YAML again.
import { readReleaseKey, type ReleaseKey } from "../emit/front-matter.ts";
import { bodyDigest } from "../ingest/lazy-body.ts";
import type { Release } from "../model/release.ts";
import { bytesDigest, readJsonFile } from "../site/site-files.ts";
import { writeFileAtomic } from "./files.ts";

/** The memo's file inside the cache folder. */
export const RELEASE_MEMO_FILE = "release-files.json";

/**
 * Two tables, valid for one version of the code (the emitter and the key reader are pure functions of their input):
 * the hash of a release record's JSON → the hash of the Markdown it emits, and the hash of a release file's text →
 * the key {@link readReleaseKey} reads from it. Only what an ingest used is written back, so the memo follows the
 * archive. Nothing is trusted but hashes: a file edited by hand hashes differently and is read again (ingest knows a
 * file's hash without reading it only while its stats are unchanged: src/cli/file-stats.ts).
 */
export class ReleaseMemo {
  private readonly emittedNow = new Map<string, string>();
  private readonly keysNow = new Map<string, ReleaseKey>();
  private changed = false;

  private constructor(
    private readonly file: string | null,
    private readonly version: string,
    private readonly emitted: Map<string, string>,
    private readonly keys: Map<string, ReleaseKey>,
  ) {}

  /** A memo that remembers nothing between ingests (no cache folder). */
  static none(): ReleaseMemo {
    return new ReleaseMemo(null, "", new Map(), new Map());
  }

  /** Opens the memo file written by an ingest of the same code version (anything else is an empty memo). */
  static async open(file: string, version: string): Promise<ReleaseMemo> {
    const read = readJsonFile(file) as { version?: unknown; emitted?: [string, string][]; keys?: [string, ReleaseKey][] } | null | undefined;
    try {
      if (read?.version === version && Array.isArray(read.emitted) && Array.isArray(read.keys)) return new ReleaseMemo(file, version, new Map(read.emitted), new Map(read.keys));
    } catch {
      // Entries of another shape (a damaged memo): like no memo, every release is emitted and every file read.
    }
    return new ReleaseMemo(file, version, new Map(), new Map());
  }

  /**
   * The id, source path and keys of a release file whose bytes hash as `hash` (SHA-256, base64url): remembered by
   * that hash, else read from its text (`markdown`, asked for only then).
   */
  keyOf(hash: string, markdown: () => string): ReturnType<typeof readReleaseKey> {
    const known = this.keys.get(hash) ?? this.keysNow.get(hash);
    if (known) {
      this.keysNow.set(hash, known);
      return known;
    }
    const read = readReleaseKey(markdown());
    if (read.ok) {
      this.keysNow.set(hash, read);
      this.changed = true;
    }
    return read;
  }

  /**
   * Records the key of a release file this ingest wrote, whose bytes hash as `hash`: taken from the front matter it
   * was emitted from (`releaseKeyOf`, src/emit/front-matter.ts), so the next ingest does not read the file back for it
   * (after a build from scratch, 10,000 files: about 2 s). A test checks that it is what {@link readReleaseKey} reads
   * from the file.
   */
  noteKey(hash: string, key: ReleaseKey): void {
    if (this.keysNow.has(hash)) return;
    this.keysNow.set(hash, key);
    this.changed = true;
  }

  /**
   * Whether `release` emits exactly the text of its file (whose bytes hash as `digest`), known without emitting it:
   * the Markdown its record emitted last time hashed so. False when unknown; the caller then emits and compares.
   */
  emitsSame(release: Release, digest: string): boolean {
    const record = recordDigest(release);
    const emitted = this.emitted.get(record) ?? this.emittedNow.get(record);
    if (emitted === undefined || emitted !== digest) return false;
    this.emittedNow.set(record, emitted);
    return true;
  }

  /** Records that `release` emitted Markdown whose hash is `digest`. */
  noteEmitted(release: Release, digest: string): void {
    this.emittedNow.set(recordDigest(release), digest);
    this.changed = true;
  }

  /** Writes what this ingest used, when that differs from what was read. */
  async save(): Promise<void> {
    if (!this.file) return;
    if (!this.changed && this.emittedNow.size === this.emitted.size && this.keysNow.size === this.keys.size) return;
    const sorted = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    await writeFileAtomic(this.file, JSON.stringify({ version: this.version, emitted: sorted(this.emittedNow), keys: sorted(this.keysNow) }));
  }
}

/** A release record's hash: its JSON with the body standing as the body's hash, so that a body kept in the parse cache is not read. */
function recordDigest(release: Release): string {
  return bytesDigest(JSON.stringify({ ...release, body: bodyDigest(release.body) }));
}

// What ingest remembers of the files it hashed (sources, release files) between builds: each file's hash by its inode, size and times, so an unchanged file is not read again.
import { type BigIntStats, readFileSync, statSync } from "node:fs";
import { writeFileAtomic } from "./files.ts";

/** The record's file inside the cache folder. */
export const FILE_STATS_FILE = "file-stats.json";

/** What identifies one version of a file without reading it: inode, size, and modification and change times in ns. */
type Signature = string;

const signature = (st: BigIntStats): Signature => `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;

/**
 * The SHA-256 of each file ingest read, by absolute path, with the signature the file had when it was read (taken
 * before reading). A file whose signature is unchanged since is taken as unchanged, as git's index and make do, with
 * their guard against a file changed within the clock tick in which it was recorded ("racily clean"): a signature is
 * trusted only when the file's modification time is older than the record's own file, written after it. Any write to
 * a file changes its change time (which no program can set back) and a replacement its inode, so an edit by hand, a
 * copy with preserved times or a file swapped in is read again. Only what an ingest recorded is written back.
 */
export class FileStats {
  private readonly now = new Map<string, [Signature, string]>();

  private constructor(
    private readonly file: string | null,
    private readonly known: Map<string, [Signature, string]>,
    /** The record file's modification time (ns): signatures of files modified since then, or in the same tick, are not trusted. */
    private readonly recordedAt: bigint,
  ) {}

  /** A record that remembers nothing (no cache folder): every file is read. */
  static none(): FileStats {
    return new FileStats(null, new Map(), 0n);
  }

  /** Opens the record (a missing or damaged one remembers nothing). */
  static open(file: string): FileStats {
    try {
      const recordedAt = statSync(file, { bigint: true }).mtimeNs;
      const read = JSON.parse(readFileSync(file, "utf8")) as { files?: [string, Signature, string][] };
      if (Array.isArray(read.files)) return new FileStats(file, new Map(read.files.map(([path, sig, digest]) => [path, [sig, digest]])), recordedAt);
    } catch {
      // No record yet, or a damaged one: every file is read.
    }
    return new FileStats(file, new Map(), 0n);
  }

  /** The file's stats, to be taken before it is read (a write during the read then shows at the next build). */
  static stat(path: string): BigIntStats {
    return statSync(path, { bigint: true });
  }

  /** The hash recorded for the file at `path` when its stats `st` are those it had then, and it was recorded safely. */
  digest(path: string, st: BigIntStats): string | undefined {
    const entry = this.known.get(path);
    if (!entry || st.mtimeNs >= this.recordedAt || entry[0] !== signature(st)) return undefined;
    this.now.set(path, entry);
    return entry[1];
  }

  /** Records that the file at `path`, whose stats before it was read or after it was written are `st`, hashes as `digest`. */
  note(path: string, st: BigIntStats, digest: string): void {
    this.now.set(path, [signature(st), digest]);
  }

  /** Writes what this ingest recorded, in place of the file. */
  async save(): Promise<void> {
    if (!this.file) return;
    const files = [...this.now].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, [sig, digest]]) => [path, sig, digest]);
    await writeFileAtomic(this.file, JSON.stringify({ files }));
  }
}

// releases.json and releases.csv made from rows kept between builds: a release's rows by its file's hash and its URL, only the rows of releases new or changed made again.
import { appendFileSync, readFileSync } from "node:fs";
import { CSV_HEADER, releaseCsvRow, releaseJsonRow } from "./data-files.ts";
import type { ReleaseItem } from "./releases.ts";
import type { SiteUrls } from "./config.ts";
import { cacheMayAppend, writeFileAtomicSync } from "./site-files.ts";

/** The two files, by site path: rendered together, from the same rows, whenever one of their releases changes. */
export const DATA_FILES = { json: "releases.json", csv: "releases.csv" } as const;

/** The cache file of rows, in the cache folder. */
export const DATA_ROWS_FILE = "data-rows.bin";

/** What starts the file, before the code's version and the entries (see {@link DataRows}). */
const MAGIC = Buffer.from("CDR1");

/** A release's two rows as the files hold them, UTF-8. */
interface Rows {
  json: Buffer;
  csv: Buffer;
}

/**
 * Each release's line of `/releases.json` and row of `/releases.csv`, by the SHA-256 of its file and its URL: both
 * are functions of its front matter (which its file's bytes and the code decide) and its URL alone. The file holds,
 * after {@link MAGIC}, length-prefixed (4 bytes, little-endian) byte strings: the code's version, then for each
 * release its file's hash, its URL (under the path prefix), its JSON line and its CSV row. Read whole; a file of
 * another version is no rows, a damaged one the entries before the damage. A build that made few rows appends them.
 */
export class DataRows {
  /** The rows this build used, for {@link save}. */
  private readonly used = new Map<string, Rows>();
  private made = 0;

  /** `whole`: whether the file read ended with a whole entry (an append after a cut one would never be read). */
  private constructor(private readonly version: string, private readonly earlier: ReadonlyMap<string, Rows>, private readonly whole = true) {}

  /** The rows kept in `file` by a build of code `version`. */
  static read(file: string, version: string): DataRows {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return new DataRows(version, new Map());
    }
    const parsed = parseRows(bytes, version);
    return parsed ? new DataRows(version, parsed.rows, parsed.whole) : new DataRows(version, new Map());
  }

  /** `/releases.json` and `/releases.csv` of `releases` (in the collection's order), as `releasesJson` and `releasesCsv` write them. */
  files(releases: readonly ReleaseItem[], urls: SiteUrls): { json: Buffer; csv: Buffer } {
    const rows = releases.map((item) => this.rowsOf(item, urls.href(item.url)));
    const json = releases.length === 0 ? [Buffer.from("[]\n")] : [Buffer.from("[\n"), ...joined(rows.map((r) => r.json), ",\n"), Buffer.from("\n]\n")];
    const csv = [Buffer.from(`${CSV_HEADER}\r\n`), ...rows.flatMap((r) => [r.csv, CRLF])];
    return { json: ownConcat(json), csv: ownConcat(csv) };
  }

  /**
   * Saves the rows this build used to `file`: the rows it made appended, while at most a quarter of the file's entries
   * are then unused (an edit or an addition writes one entry, not the 20 MB of 10,000); else the file written whole
   * (atomically) with the rows used, in key order, so the same rows give the same file.
   */
  save(file: string): void {
    const stale = this.earlier.size - (this.used.size - this.made);
    if (this.made === 0 && stale === 0) return;
    const entries = (rows: Iterable<[string, Rows]>) => [...rows].flatMap(([key, r]) => entry(key, r));
    if (cacheMayAppend({ entries: this.earlier.size, stale, whole: this.whole })) {
      if (this.made > 0) appendFileSync(file, Buffer.concat(entries([...this.used].filter(([key]) => !this.earlier.has(key)))));
      return;
    }
    const sorted = [...this.used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    writeFileAtomicSync(file, Buffer.concat([MAGIC, ...field(Buffer.from(this.version)), ...entries(sorted)]));
  }

  /** A release's rows: kept, else made. */
  private rowsOf(item: ReleaseItem, href: string): Rows {
    const key = `${item.digest}\u0000${href}`;
    let rows = this.used.get(key) ?? this.earlier.get(key);
    if (!rows) {
      rows = { json: Buffer.from(releaseJsonRow(item.data, href)), csv: Buffer.from(releaseCsvRow(item.data, href)) };
      this.made++;
    }
    this.used.set(key, rows);
    return rows;
  }
}

const CRLF = Buffer.from("\r\n");

/** `parts` in one buffer of its own (not a slice of Node's shared pool), which a writing thread can be handed. */
function ownConcat(parts: readonly Buffer[]): Buffer {
  const out = Buffer.allocUnsafeSlow(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const part of parts) at += part.copy(out, at);
  return out;
}

/** `parts` with `separator` between them. */
function joined(parts: readonly Buffer[], separator: string): Buffer[] {
  const sep = Buffer.from(separator);
  return parts.flatMap((part, i) => (i === 0 ? [part] : [sep, part]));
}

/** A release's entry in the file: its hash, URL, JSON line and CSV row, each length-prefixed. */
function entry(key: string, rows: Rows): Buffer[] {
  const [digest, url] = key.split("\u0000") as [string, string];
  return [...field(Buffer.from(digest)), ...field(Buffer.from(url)), ...field(rows.json), ...field(rows.csv)];
}

/** A length-prefixed byte string. */
function field(bytes: Buffer): Buffer[] {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(bytes.length);
  return [length, bytes];
}

/**
 * The rows of a file's bytes, by `<digest>\0<url>`: null when it is of another version or its start is damaged; the
 * entries before a damaged one (an append cut short) when one is.
 */
function parseRows(bytes: Buffer, version: string): { rows: Map<string, Rows>; whole: boolean } | null {
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  let at = MAGIC.length;
  const next = (): Buffer | null => {
    if (at + 4 > bytes.length) return null;
    const length = bytes.readUInt32LE(at);
    if (at + 4 + length > bytes.length) return null;
    const out = bytes.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    return out;
  };
  if (next()?.toString() !== version) return null;
  const rows = new Map<string, Rows>();
  while (at < bytes.length) {
    const [digest, url, json, csv] = [next(), next(), next(), next()];
    if (!digest || !url || !json || !csv) return { rows, whole: false };
    rows.set(`${digest.toString()}\u0000${url.toString()}`, { json, csv });
  }
  return { rows, whole: true };
}

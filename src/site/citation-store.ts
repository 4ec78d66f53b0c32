// Citations by content hash: kept on disk between builds (`<output>.cache/`), and formatted ahead of the pages by a worker thread.
import type { CslData } from "@citation-js/core";
import { createHash } from "node:crypto";
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from "node:worker_threads";
import { CITATION_STYLES, formatCitationBatch, formatCitations, type Citations } from "./citations.ts";
import { packageVersion } from "./package-version.ts";
import { CSL_DIR } from "./paths.ts";
import { cacheMayAppend, writeFileAtomicSync } from "./site-files.ts";
import { startTypeScriptWorker } from "./typescript-worker.ts";

/** What the store keeps of a release's citations: all but the CSL-JSON, which is the item itself. */
export type StoredCitations = Omit<Citations, "csl">;

/** The cache file inside the cache folder. */
export const CITATION_CACHE_FILE = "citations.ndjson";

let stylesHash: string | undefined;
/**
 * What else decides a citation besides its item: the CSL files, our formatting code (citations.ts, and
 * citation-shapes.ts, which fills most entries in) and the formatting libraries' versions. A change of any gives
 * every item a new key, so a stale cache is never read.
 */
function formatterVersion(): string {
  if (stylesHash === undefined) {
    const hash = createHash("sha256");
    for (const style of CITATION_STYLES) hash.update(readFileSync(join(CSL_DIR, style.file)));
    for (const code of ["./citations.ts", "./citation-shapes.ts"]) hash.update(readFileSync(new URL(code, import.meta.url)));
    for (const pkg of ["@citation-js/core", "@citation-js/plugin-csl", "@citation-js/plugin-bibtex", "@citation-js/plugin-ris", "citeproc"]) {
      hash.update(`${pkg}@${packageVersion(pkg)}\n`);
    }
    stylesHash = hash.digest("hex");
  }
  return stylesHash;
}

/** The key of an item's citations: SHA-256 of the item's JSON and of the formatter's version. */
export function citationKey(item: CslData): string {
  return createHash("sha256").update(formatterVersion()).update(JSON.stringify(item)).digest("base64url");
}

/** The citations of an item from what a store keeps. */
export function withCsl(item: CslData, stored: StoredCitations): Citations {
  return { ...stored, csl: JSON.stringify([item], null, 2) };
}

/** Formats an item's citations for the store (the CSL-JSON left out). */
export function storedCitations(item: CslData): StoredCitations {
  return stored(formatCitations(item));
}

/** What the store keeps of an item's citations: all but the CSL-JSON. */
export function stored(citations: Citations): StoredCitations {
  const { csl: _csl, ...rest } = citations;
  return rest;
}

/**
 * A cache file's entries by key: one `[key, citations]` JSON array a line, each line's citations decoded when first
 * asked for (a build uses those of the pages it renders; at 10,000 releases decoding all 17 MB took 0.2–0.3 s). A
 * missing or unreadable file is an empty cache; a torn or foreign line (a build killed while writing) loses that
 * entry only: a line whose key cannot be read is left out, one whose citations cannot be is missing when asked for.
 */
export class CitationCache {
  private readonly entries = new Map<string, Buffer | StoredCitations>();
  /**
   * Whether no torn line was met: the file ended with a whole line (one appended after a torn one would be torn with
   * it) and no line asked for failed to decode (appending would leave it in the file). Else the file is written whole.
   */
  whole = true;

  constructor(bytes?: Buffer) {
    if (!bytes) return;
    for (let start = 0; start < bytes.length; ) {
      const end = bytes.indexOf(NEWLINE, start);
      const line = bytes.subarray(start, end === -1 ? bytes.length : end);
      const key = lineKey(line);
      if (key !== null) this.entries.set(key, line);
      start = end === -1 ? bytes.length : end + 1;
    }
    this.whole = bytes.length === 0 || bytes[bytes.length - 1] === NEWLINE;
  }

  get size(): number {
    return this.entries.size;
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** An entry's citations, decoded from its line the first time. */
  get(key: string): StoredCitations | undefined {
    const entry = this.entries.get(key);
    if (!Buffer.isBuffer(entry)) return entry;
    let value: StoredCitations | undefined;
    try {
      value = (JSON.parse(entry.toString("utf8")) as [string, StoredCitations])[1];
    } catch {
      // Torn: missing.
    }
    if (value && typeof value.chicago === "string") this.entries.set(key, value);
    else {
      value = undefined;
      this.entries.delete(key);
      this.whole = false;
    }
    return value;
  }

  set(key: string, value: StoredCitations): void {
    this.entries.set(key, value);
  }
}

const NEWLINE = 0x0a;

/** The key a cache line starts with (`["<key>",`, a base64url key), or null for a line of another shape. */
function lineKey(line: Buffer): string | null {
  if (line[0] !== 0x5b || line[1] !== 0x22) return null;
  const close = line.indexOf(0x22, 2);
  if (close === -1 || line[close + 1] !== 0x2c) return null;
  const key = line.toString("latin1", 2, close);
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : null;
}

/** Reads a cache file (see {@link CitationCache}). */
export function readCitationCache(file: string): CitationCache {
  try {
    return new CitationCache(readFileSync(file));
  } catch {
    return new CitationCache();
  }
}

/**
 * Writes the entries in `keys` order to `file`, through a temporary file and a rename so a reader never sees half
 * a cache.
 */
export function writeCitationCache(file: string, entries: Iterable<[string, StoredCitations]>): void {
  const lines: string[] = [];
  for (const entry of entries) lines.push(JSON.stringify(entry));
  writeFileAtomicSync(file, lines.length ? `${lines.join("\n")}\n` : "");
}

/** Items to format below which no worker is started. */
const PREFETCH_MIN_ITEMS = 64;

/** The module the prefetching worker runs. */
const CITATION_WORKER = new URL("./citation-worker.ts", import.meta.url);

/** What the worker formats: the items the store does not have, by key, in the order it takes them. */
export interface PrefetchData {
  items: [string, CslData][];
  /** Where the worker posts its batches of `[key, citations]`. */
  port: MessagePort;
}

/**
 * A build's citations: looked up by key in what the disk cache held and what the worker has sent so far, formatted
 * here when missing. The file keeps the archive's entries, and at most a quarter more no release uses (see
 * {@link finish}).
 */
export class CitationStore {
  private readonly known: CitationCache;
  /** The entries this build used: cited by its pages, or marked by {@link keep}. */
  private readonly used = new Map<string, StoredCitations>();
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private exited: Promise<void> = Promise.resolve();
  /** Each item's key, computed once: the render asks about the same item object several times (prefetch, has, keep). */
  private readonly keys = new WeakMap<CslData, string>();
  /** Formatted here rather than taken from the disk cache or the worker (for the tests and the docs' figures). */
  formattedHere = 0;

  /** The keys the disk cache held when read (see {@link finish}). */
  private readonly onDisk: ReadonlySet<string>;

  /** `read`: the cache file's entries when already read (src/site/render.ts, readCachesAndBase). */
  constructor(
    private readonly file: string | null,
    read?: CitationCache,
  ) {
    this.known = read ?? (file ? readCitationCache(file) : new CitationCache());
    this.onDisk = new Set(this.known.keys());
  }

  /**
   * Starts a worker thread that formats the citations of the given items (the release pages' to render) that the
   * store does not have, from the last item to the first, while the pages are rendered from the first: the two meet
   * in the middle. The items are those the pages' filter makes, so the worker neither reads nor parses release files.
   * Not for fewer than `minItems` items to format, where starting the worker (loading citeproc) costs more
   * than it saves.
   */
  prefetch(options: { items: readonly CslData[]; minItems?: number }): void {
    if (this.worker) return;
    const items = new Map<string, CslData>();
    for (let i = options.items.length - 1; i >= 0; i--) {
      const key = this.keyOf(options.items[i]!);
      if (!this.known.has(key) && !this.used.has(key)) items.set(key, options.items[i]!);
    }
    if (items.size < (options.minItems ?? PREFETCH_MIN_ITEMS)) return;
    // Eleventy renders its pages without giving the event loop a turn, so the batches are read from the port
    // synchronously (receiveMessageOnPort) when a page asks for a citation, not through message events.
    const { port1, port2 } = new MessageChannel();
    const workerData: PrefetchData = { items: [...items], port: port2 };
    const worker = startTypeScriptWorker(CITATION_WORKER, { workerData, transferList: [port2] });
    worker.unref();
    port1.unref();
    // A worker that fails costs only time: every missing citation is formatted here.
    worker.on("error", () => {});
    this.exited = new Promise((resolve) => worker.once("exit", () => resolve()));
    this.port = port1;
    this.worker = worker;
  }

  /** The citations of an item, from the cache or the worker when they have it, else formatted now. */
  citations(item: CslData): Citations {
    const key = this.keyOf(item);
    let stored = this.used.get(key) ?? this.known.get(key);
    if (!stored && this.port) {
      this.drain();
      stored = this.known.get(key);
    }
    if (!stored) {
      stored = storedCitations(item);
      this.formattedHere++;
    }
    this.used.set(key, stored);
    return withCsl(item, stored);
  }

  /** {@link citationKey} of an item, once per item object. */
  private keyOf(item: CslData): string {
    let key = this.keys.get(item);
    if (key === undefined) this.keys.set(item, (key = citationKey(item)));
    return key;
  }

  /** Whether the cache or the worker has an item's citations (what the worker has posted so far is taken first). */
  has(item: CslData): boolean {
    const key = this.keyOf(item);
    if (this.used.has(key) || this.known.has(key)) return true;
    if (this.port) this.drain();
    return this.known.has(key);
  }

  /**
   * Formats here, as one batch, the citations of those of `items` the store does not have: the pages about to be
   * rendered, once they have caught up with the worker (each style is formatted once per batch, about twice as fast a
   * release as one by one; see formatCitationBatch).
   */
  formatAhead(items: readonly CslData[]): void {
    const missing = new Map<string, CslData>();
    for (const item of items) {
      const key = this.keyOf(item);
      if (!this.used.has(key) && !this.known.has(key)) missing.set(key, item);
    }
    if (missing.size === 0) return;
    let formatted: Citations[];
    try {
      formatted = formatCitationBatch([...missing.values()]);
    } catch {
      // An item citeproc fails on is formatted alone when its page asks, which then reports it with the page.
      return;
    }
    [...missing.keys()].forEach((key, i) => this.known.set(key, stored(formatted[i]!)));
    this.formattedHere += missing.size;
  }

  /** Keeps an item's citations in the cache when it has them, though no page was rendered with them in this build. */
  keep(item: CslData): void {
    const key = this.keyOf(item);
    const stored = this.used.get(key) ?? this.known.get(key);
    if (stored) this.used.set(key, stored);
  }

  /** Resolves when the worker has formatted everything it was given (or failed). */
  prefetched(): Promise<void> {
    // Unreferenced so a build never waits for it; whoever waits for it here must keep the process alive.
    this.worker?.ref();
    return this.exited;
  }

  /** Takes every batch the worker has posted so far. */
  private drain(): void {
    for (let m = receiveMessageOnPort(this.port!); m; m = receiveMessageOnPort(this.port!)) {
      for (const [key, value] of m.message as [string, StoredCitations][]) if (!this.known.has(key)) this.known.set(key, value);
    }
  }

  /**
   * Stops the worker and saves what this build used: the entries new to the file are appended, unless the file's
   * entries no release uses any more would then be over a quarter of them, or there is no file: then it is written
   * whole with the entries used (sorted by key, so the same entries give the same file), `archive.keepAll()` having
   * marked those of the releases whose pages were not rendered. `archive.items`: the archive's number of items (one
   * a release); those this build's pages did not cite are taken to be in the file already (their inputs, so their
   * keys, did not change), which spares an edit computing every release's key and rewriting the file (at 10,000
   * releases 0.2 s and 17 MB). Without `archive`, only the items this build cited count as used.
   */
  async finish(archive?: { items: number; keepAll(): void }): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.port?.close();
    this.port = null;
    if (worker) await worker.terminate();
    if (!this.file) return;
    const added = [...this.used].filter(([key]) => !this.onDisk.has(key));
    const stale = this.onDisk.size - ((archive?.items ?? this.used.size) - added.length);
    if (cacheMayAppend({ entries: this.onDisk.size, stale, whole: this.known.whole })) {
      if (added.length > 0) appendFileSync(this.file, `${added.map((entry) => JSON.stringify(entry)).join("\n")}\n`);
      return;
    }
    archive?.keepAll();
    writeCitationCache(this.file, [...this.used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}

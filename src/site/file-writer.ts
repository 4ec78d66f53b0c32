// Writes and links files on a thread of their own (a render's pages, an ingest's release files), so the JavaScript that makes them never waits on the disk.
import { linkSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { ProgressCounter } from "../model/progress.ts";

/** Bytes handed to the writing thread and not yet written above which {@link FileWriter.write} waits: memory stays bounded when the disk is slower than the pages. */
const MAX_PENDING_BYTES = 16 * 1024 * 1024;
/** Files sent to the writing thread at a time: few messages, and the thread never idle for long. */
const BATCH_FILES = 32;

/**
 * One file for the writing thread, by absolute path: its bytes (their buffer is transferred, not copied), written in
 * place or, `atomic`, through a temporary sibling renamed over it; or the file to copy.
 */
type WriteOp = { file: string; bytes: Uint8Array; atomic: boolean } | { file: string; from: string };

/** What the writing thread answers for each batch: its files and bytes, and the first failure (no file is written after it). */
interface WriteAck {
  files: number;
  bytes: number;
  error: { message: string; code?: string } | null;
}

/**
 * The writing thread, plain JavaScript (no TypeScript loader to start): makes each folder once and writes or copies
 * each file as `writeFileSync` or `copyFileSync` would here, in the order queued. A file is written in place (the
 * render has removed any that could be a hard link), or atomically as writeFileAtomicSync (src/site/site-files.ts)
 * writes it: `<file>.<pid>.tmp`, then renamed, the temporary file removed if either fails.
 */
const WRITER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const { dirname } = require("node:path");
const made = new Set();
let failed = null;
// The buffers it is sent are garbage once written, but a thread that allocates next to nothing seldom collects, so
// they could pile up to V8's limit for outside memory: collected every ${MAX_PENDING_BYTES} bytes instead, with \`gc\`
// taken at run time as src/cli/gc.ts does (the render's peak varies from run to run more than this moved it).
require("node:v8").setFlagsFromString("--expose-gc");
const collect = require("node:vm").runInNewContext("gc");
let uncollected = 0;
parentPort.on("message", (batch) => {
  let bytes = 0;
  let error = null;
  for (const op of batch) {
    if (op.bytes) bytes += op.bytes.byteLength;
    if (failed) continue;
    try {
      const dir = dirname(op.file);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      if (op.atomic) {
        const tmp = op.file + "." + process.pid + ".tmp";
        try {
          writeFileSync(tmp, op.bytes);
          renameSync(tmp, op.file);
        } catch (e) {
          // The write's own error is the one reported, whatever removing its temporary file says.
          try {
            rmSync(tmp, { force: true });
          } catch {}
          throw e;
        }
      } else if (op.bytes) writeFileSync(op.file, op.bytes);
      else copyFileSync(op.from, op.file);
    } catch (e) {
      failed = { message: e.message, code: e.code };
      error = failed;
    }
  }
  parentPort.postMessage({ files: batch.length, bytes, error });
  uncollected += bytes;
  if (uncollected >= ${MAX_PENDING_BYTES}) {
    batch.length = 0;
    collect();
    uncollected = 0;
  }
});
`;

/**
 * Writes and links files under a folder. Links and removals happen at once; writes and copies are queued to a
 * worker thread (the encoding to UTF-8 stays here, the folders and the system calls go there): `write` waits only
 * when too many bytes are queued, and {@link close} waits for every file and throws the first that failed. A path
 * is linked or written, never both while a write to it is queued (the render links a page's files, or removes the
 * links before writing them), so no write and link meet on one path.
 */
export class FileWriter {
  private readonly made = new Set<string>();
  private worker: Worker | null = null;
  private batch: WriteOp[] = [];
  private batchBytes = 0;
  private pendingFiles = 0;
  private pendingBytes = 0;
  private failure: Error | null = null;
  private waiting: (() => void) | null = null;

  /** `atomic`: every file is written through a temporary sibling renamed over it, so no reader sees half a file. */
  constructor(
    private readonly root: string,
    private readonly progress?: ProgressCounter,
    private readonly options: { atomic?: boolean } = {},
  ) {}

  /** Queues `text` to be written at `path` (relative, `/`-separated); waits while too much is queued. */
  async write(path: string, text: string): Promise<void> {
    this.queue(path, text);
    await this.room();
  }

  /**
   * Queues `bytes` to be written at `path` (relative, `/`-separated), as {@link write} writes a text. They are handed
   * to the writing thread when they fill a buffer of their own (`Buffer.allocUnsafeSlow`), else copied into one.
   */
  async writeBytes(path: string, bytes: Buffer): Promise<void> {
    this.throwIfFailed();
    let own = bytes;
    if (bytes.byteOffset !== 0 || bytes.buffer.byteLength !== bytes.byteLength) {
      own = Buffer.allocUnsafeSlow(bytes.byteLength);
      bytes.copy(own);
    }
    this.enqueue(path, own);
    await this.room();
  }

  /** Waits while too many bytes are queued; throws the first write that failed. */
  private async room(): Promise<void> {
    while (this.pendingBytes > MAX_PENDING_BYTES && !this.failure) await new Promise<void>((resolve) => (this.waiting = resolve));
    this.throwIfFailed();
  }

  /**
   * Queues `text` to be written at `path` without waiting, however much is queued: for a caller that holds every
   * text anyway (their bytes then wait here too, until written) and cannot wait between them.
   */
  queue(path: string, text: string): void {
    this.throwIfFailed();
    // Its own buffer (never a slice of Node's shared pool), so it can be transferred.
    const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
    bytes.write(text);
    this.enqueue(path, bytes);
  }

  /** Queues bytes in a buffer of their own to be written at `path`. */
  private enqueue(path: string, bytes: Buffer): void {
    this.batch.push({ file: join(this.root, path), bytes, atomic: this.options.atomic === true });
    this.batchBytes += bytes.byteLength;
    this.progress?.tick();
    if (this.batch.length >= BATCH_FILES) this.send();
  }

  /** Queues a copy of the file `from` at `file` (both absolute), made as `copyFileSync` makes it: a file already there is overwritten in place, so it must not be a link. */
  copy(from: string, file: string): void {
    this.throwIfFailed();
    this.batch.push({ file, from });
    if (this.batch.length >= BATCH_FILES) this.send();
  }

  /** Hard-links `from` at `path`; false when `from` does not exist. */
  link(path: string, from: string): boolean {
    try {
      linkSync(from, this.place(path));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw e;
    }
  }

  /** Removes a file linked here (never one queued to be written). */
  remove(path: string): void {
    rmSync(join(this.root, path), { force: true });
  }

  /** Waits until every file queued so far is written; throws the first write that failed. */
  async flush(): Promise<void> {
    this.send();
    while (this.pendingFiles > 0 && !this.failure) await new Promise<void>((resolve) => (this.waiting = resolve));
    this.throwIfFailed();
  }

  /** Waits until every queued file is written and stops the thread; throws the first write that failed. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.stop();
    }
  }

  /** Stops the thread, leaving what it has not written (for a render that failed anyway). */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  /** Sends the batch to the writing thread, started on the first one. */
  private send(): void {
    if (this.batch.length === 0) return;
    const worker = (this.worker ??= this.start());
    worker.postMessage(this.batch, this.batch.flatMap((op) => ("bytes" in op ? [op.bytes.buffer as ArrayBuffer] : [])));
    this.pendingFiles += this.batch.length;
    this.pendingBytes += this.batchBytes;
    this.batch = [];
    this.batchBytes = 0;
  }

  private start(): Worker {
    const worker = new Worker(WRITER_SOURCE, { eval: true });
    worker.unref();
    worker.on("message", (ack: WriteAck) => {
      this.pendingFiles -= ack.files;
      this.pendingBytes -= ack.bytes;
      if (ack.error && !this.failure) this.failure = Object.assign(new Error(ack.error.message), { code: ack.error.code });
      this.wake();
    });
    worker.on("error", (e) => {
      this.failure ??= e;
      this.wake();
    });
    worker.on("exit", () => {
      if (this.worker === worker && this.pendingFiles > 0) this.failure ??= new Error("The thread writing the files stopped before it had written them all.");
      this.wake();
    });
    return worker;
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /** The absolute path of `path`, its folder made. */
  private place(path: string): string {
    const file = join(this.root, path);
    const dir = dirname(file);
    if (!this.made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.made.add(dir);
    }
    return file;
  }
}

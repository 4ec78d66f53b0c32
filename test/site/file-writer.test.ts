// The file writer: queued writes land byte for byte in their folders (atomically when asked), close waits for them, a failed write is thrown.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { FileWriter } from "../../src/site/file-writer.ts";

const withDir = async (run: (dir: string) => Promise<void>) => {
  const dir = mkdtempSync(join(tmpdir(), "file-writer-"));
  try {
    await run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

test("every queued file is written, in its folder and byte for byte, once close resolves", () =>
  withDir(async (dir) => {
    const files = new FileWriter(dir);
    // More than a batch, some over the pool size Node slices small buffers from, and text beyond ASCII.
    const texts = Array.from({ length: 100 }, (_, i) => `<p>Page ${i}: Côte d’Ivoire, 日本, ${"x".repeat(i * 97)}</p>\n`);
    for (const [i, text] of texts.entries()) await files.write(`releases/${2000 + (i % 7)}/${i}/index.html`, text);
    await files.write("a.txt", "");
    await files.close();
    for (const [i, text] of texts.entries()) assert.equal(readFileSync(join(dir, `releases/${2000 + (i % 7)}/${i}/index.html`), "utf8"), text);
    assert.equal(readFileSync(join(dir, "a.txt"), "utf8"), "");
  }));

test("bytes are written as given, whether in a buffer of their own (handed over) or a slice of another (copied)", () =>
  withDir(async (dir) => {
    const files = new FileWriter(dir);
    const own = Buffer.allocUnsafeSlow(5);
    own.write("whole");
    const pooled = Buffer.from("pooled"); // a slice of Node's shared pool, which must not be handed over
    const slice = Buffer.from("--slice--").subarray(2, 7);
    await files.writeBytes("own.txt", own);
    await files.writeBytes("pooled.txt", pooled);
    await files.writeBytes("a/slice.txt", slice);
    await files.close();
    assert.equal(readFileSync(join(dir, "own.txt"), "utf8"), "whole");
    assert.equal(readFileSync(join(dir, "pooled.txt"), "utf8"), "pooled");
    assert.equal(readFileSync(join(dir, "a/slice.txt"), "utf8"), "slice");
    // The copied ones are still readable here.
    assert.equal(pooled.toString(), "pooled");
    assert.equal(slice.toString(), "slice");
  }));

test("a write that fails is thrown by close, with the system's message", () =>
  withDir(async (dir) => {
    // A file where a folder must go: the write below it cannot be made.
    writeFileSync(join(dir, "blocked"), "a file");
    const files = new FileWriter(dir);
    await files.write("ok/index.html", "fine");
    await files.write("blocked/index.html", "never");
    await assert.rejects(files.close(), (e: NodeJS.ErrnoException) => e.code === "ENOTDIR" || e.code === "EEXIST");
    assert.equal(readFileSync(join(dir, "ok/index.html"), "utf8"), "fine");
  }));

test("links and removals happen at once; a link from a missing file says so", () =>
  withDir(async (dir) => {
    writeFileSync(join(dir, "from.html"), "linked");
    const files = new FileWriter(dir);
    assert.equal(files.link("a/b/index.html", join(dir, "from.html")), true);
    assert.equal(readFileSync(join(dir, "a/b/index.html"), "utf8"), "linked");
    assert.equal(files.link("c/index.html", join(dir, "missing.html")), false);
    files.remove("a/b/index.html");
    assert.throws(() => readFileSync(join(dir, "a/b/index.html")));
    await files.close();
  }));

test("more bytes than may be queued at once (write waits for the thread, which collects what it has written): all land", () =>
  withDir(async (dir) => {
    const files = new FileWriter(dir);
    const page = (i: number) => `${String(i).padStart(4, "0")}${"é".repeat(512 * 1024)}`;
    for (let i = 0; i < 48; i++) await files.write(`big/${i}.html`, page(i));
    await files.close();
    for (let i = 0; i < 48; i++) assert.equal(readFileSync(join(dir, `big/${i}.html`), "utf8"), page(i));
  }));

test("queue never waits, however much is queued: all of it lands once close resolves", () =>
  withDir(async (dir) => {
    const files = new FileWriter(dir, undefined, { atomic: true });
    const page = (i: number) => `${String(i).padStart(4, "0")}${"é".repeat(512 * 1024)}`;
    for (let i = 0; i < 48; i++) assert.equal(files.queue(`big/${i}.md`, page(i)), undefined);
    await files.close();
    for (let i = 0; i < 48; i++) assert.equal(readFileSync(join(dir, `big/${i}.md`), "utf8"), page(i));
    assert.deepEqual(readdirSync(join(dir, "big")).filter((f) => !f.endsWith(".md")), []);
  }));

test("atomic writes replace a file whole through a temporary sibling, which a failure leaves no trace of", () =>
  withDir(async (dir) => {
    writeFileSync(join(dir, "kept.md"), "old");
    // A folder named as the temporary file of `failing.md`: its write cannot be made.
    mkdirSync(join(dir, `failing.md.${process.pid}.tmp`, "inside"), { recursive: true });
    const files = new FileWriter(dir, undefined, { atomic: true });
    // An inode taken before: a file replaced by a rename has a new one (a write in place keeps it).
    const before = statSync(join(dir, "kept.md")).ino;
    await files.write("kept.md", "new");
    await files.write("releases/2021/06/a.md", "a");
    await files.close();
    assert.equal(readFileSync(join(dir, "kept.md"), "utf8"), "new");
    assert.notEqual(statSync(join(dir, "kept.md")).ino, before);
    assert.equal(readFileSync(join(dir, "releases/2021/06/a.md"), "utf8"), "a");
    assert.deepEqual(readdirSync(join(dir, "releases/2021/06")), ["a.md"]);

    const failing = new FileWriter(dir, undefined, { atomic: true });
    await failing.write("failing.md", "never");
    await assert.rejects(failing.close(), (e: NodeJS.ErrnoException) => e.code === "EISDIR");
    assert.equal(existsSync(join(dir, "failing.md")), false);
    assert.deepEqual(readdirSync(dir).sort(), ["failing.md." + process.pid + ".tmp", "kept.md", "releases"]);
  }));

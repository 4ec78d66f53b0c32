// Disk helpers for the CLI: walking a folder in a stable order, writing files atomically, clearing what a killed run left.
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join, relative, sep } from "node:path";
import { writeFileAtomicSync } from "../site/site-files.ts";

/** Every file under `root` (hidden files and folders skipped), as sorted POSIX paths relative to `root`. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
      throw e;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) out.push(relative(root, full).split(sep).join("/"));
    }
  }
  await walk(root);
  return out.sort();
}

/** {@link writeFileAtomicSync}, for the callers that await their writes. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  writeFileAtomicSync(path, data);
}

/** The temporary file of {@link writeFileAtomicSync}: `<file>.<pid>.tmp`. */
const TMP_NAME = /\.(\d+)\.tmp$/;

/** Whether the process `pid` is still running (a temporary file or folder it owns is not stale). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Deletes the `<file>.<pid>.tmp` files under `root` that a killed run left (their process is gone); `files`: the
 * files under `root` as {@link listFiles} gives them (the caller lists them once for this and its own use).
 */
export async function removeStaleTemporaries(root: string, files: readonly string[]): Promise<string[]> {
  const stale = files.filter((f) => {
    const m = TMP_NAME.exec(f);
    return m !== null && !alive(Number(m[1]));
  });
  for (const f of stale) await rm(join(root, f), { force: true });
  return stale;
}

/** The folder a build renders into beside `target`: `<target>.building-<pid>-XXXXXX` (mkdtemp adds the suffix). */
export function buildingPrefix(target: string): string {
  return `${target}.building-${process.pid}-`;
}

/**
 * Clears what killed builds left beside `target`: `.building-<pid>-*`, `.old-<pid>` and `.deleting-<pid>` folders of
 * processes that are gone. A build killed between its two renames leaves no `target` but a complete `.old-<pid>`:
 * that previous site is put back first (a `.deleting-` folder may be half deleted: never put back).
 */
export async function removeStaleBuilds(target: string): Promise<string[]> {
  const dir = dirname(target);
  const name = basename(target);
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(building|old|deleting)-(\\d+)(?:-.*)?$`);
  const stale: { path: string; kind: string }[] = [];
  for (const entry of await readdir(dir).catch(() => [] as string[])) {
    const m = pattern.exec(entry);
    if (m && !alive(Number(m[2]))) stale.push({ path: join(dir, entry), kind: m[1]! });
  }
  const old = stale.find((s) => s.kind === "old");
  if (old && !existsSync(target)) await rename(old.path, target);
  for (const s of stale) await rm(s.path, { recursive: true, force: true });
  return stale.map((s) => s.path);
}

/**
 * The script of {@link removeInBackground}'s process: it renames the folder to `<prefix><its own pid>`, so that
 * {@link removeStaleBuilds} leaves it alone while it runs and clears it if it dies, then deletes it.
 */
const REMOVER = `const fs = require("node:fs");
const [from, prefix] = process.argv.slice(1);
const mine = prefix + process.pid;
fs.renameSync(from, mine);
fs.rmSync(mine, { recursive: true, force: true });`;

/**
 * Deletes a folder from a detached process of its own, so the caller need not wait: deleting a site of 45,000 files
 * takes this disk 5 to 7 s. The folder is first renamed to `<prefix><pid>` (`prefix` from {@link deletingPrefix}).
 */
export function removeInBackground(path: string, prefix: string): void {
  const child = spawn(process.execPath, ["-e", REMOVER, path, prefix], { detached: true, stdio: "ignore" });
  child.on("error", () => rmSync(path, { recursive: true, force: true }));
  child.unref();
}

/** The name a replaced site has between the swap's two renames: `<target>.old-<pid>`. */
export function oldSitePrefix(target: string): string {
  return `${target}.old-`;
}

/** The name a replaced site has while {@link removeInBackground} deletes it: `<target>.deleting-<pid>`, never put back. */
export function deletingPrefix(target: string): string {
  return `${target}.deleting-`;
}

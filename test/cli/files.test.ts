// What killed builds leave beside a site is cleared, a complete previous site put back, a half-deleted one never; a replaced site is deleted in the background.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { test } from "node:test";
import { deletingPrefix, oldSitePrefix, removeInBackground, removeStaleBuilds } from "../../src/cli/files.ts";

/** The pid of a process that has ended. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString());
}

async function folderWith(path: string, text: string): Promise<void> {
  await mkdir(path, { recursive: true });
  await writeFile(join(path, "index.html"), text);
}

test("a dead build's complete .old- site is put back; its half-deleted .deleting- site is removed, never put back", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-files-"));
  try {
    const target = join(dir, "site");
    const dead = deadPid();
    await folderWith(`${deletingPrefix(target)}${dead}`, "half deleted");
    await folderWith(`${target}.building-${dead}-abc123`, "half built");
    // No site: the .deleting- folder is not a candidate, the .old- one is.
    assert.deepEqual((await removeStaleBuilds(target)).length, 2);
    assert.equal(existsSync(target), false, "a half-deleted site is never made the live one");
    assert.deepEqual(await readdir(dir), []);

    await folderWith(`${oldSitePrefix(target)}${dead}`, "previous");
    await folderWith(`${deletingPrefix(target)}${dead}`, "half deleted");
    await removeStaleBuilds(target);
    assert.equal(await readFile(join(target, "index.html"), "utf8"), "previous");
    assert.deepEqual(await readdir(dir), ["site"]);

    // A live process's folders are left alone.
    await folderWith(`${deletingPrefix(target)}${process.pid}`, "being deleted");
    assert.deepEqual(await removeStaleBuilds(target), []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("removeInBackground deletes the folder from another process, after the caller has moved on", async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-files-"));
  try {
    const target = join(dir, "site");
    const old = `${oldSitePrefix(target)}${process.pid}`;
    for (let i = 0; i < 50; i++) await folderWith(join(old, `page-${i}`), "old page");
    removeInBackground(old, deletingPrefix(target));
    assert.ok(existsSync(old) || (await readdir(dir)).some((f) => f.startsWith("site.deleting-")), "the call does not wait for the deletion");
    let left = await readdir(dir);
    for (let waited = 0; left.length > 0 && waited < 20_000; waited += 50) {
      await delay(50);
      left = await readdir(dir);
    }
    assert.deepEqual(left, []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

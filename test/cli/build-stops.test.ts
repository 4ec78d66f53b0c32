// A build that stops before rendering (here, a configuration that cannot be read) ends its process: the render thread started with it is stopped too.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { copySample } from "../site/sample.ts";

const CLI = join(import.meta.dirname, "../../bin/communique.js");

test("a build whose configuration cannot be read says so, exits, and writes no site", async () => {
  const { dir, sources, content } = await copySample("communique-stops-");
  try {
    const run = spawnSync(process.execPath, [CLI, "build", "--no-progress", "--sources", sources, "--content", content, "--output", join(dir, "site"), "--config", join(dir, "missing.json")], { encoding: "utf8", timeout: 60_000 });
    assert.equal(run.error, undefined, "the process ended by itself");
    assert.notEqual(run.status, 0);
    assert.match(run.stdout, /Build failed: .*missing\.json/);
    // Only ingest's own work and its cache: no site, no half-built folder.
    assert.deepEqual((await readdir(dir)).filter((f) => f.startsWith("site") && f !== "site.cache"), []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

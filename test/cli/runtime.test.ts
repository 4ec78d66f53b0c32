// The compiled runtime (bin/runtime.js): compiled once, reused while its inputs are unchanged, given up when one changes; its command and its threads do what the TypeScript does under tsx.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { compileRuntime, currentRuntime, RUNTIME_DIR } from "../../bin/runtime.js";
import { parseSource } from "../../src/ingest/parse-source.ts";

const ROOT = join(import.meta.dirname, "../..");
const SEED = join(ROOT, "../shared/seed/000_0399d071038372ee.txt");

test("a compiled runtime is current until one of its inputs, the Node that compiled it or the checkout's place changes", async () => {
  // Beside the real runtimes: the bundles find their packages in the repository's node_modules.
  await mkdir(dirname(RUNTIME_DIR), { recursive: true });
  const dir = await mkdtemp(join(dirname(RUNTIME_DIR), "runtime-test-"));
  try {
    assert.equal(currentRuntime(dir), null, "nothing compiled yet");
    const compiled = await compileRuntime(dir);
    assert.equal(currentRuntime(dir), compiled);
    const latestFile = join(dir, "latest.json");
    const latest = JSON.parse(readFileSync(latestFile, "utf8")) as { name: string; node: string; root: string; inputs: Record<string, string> };
    // Every module of the command is an input, and the settings that shape the bundle.
    for (const input of ["src/cli/main.ts", "src/ingest/parse-source.ts", "src/site/render.ts", ".eleventy.ts", "package-lock.json", "bin/runtime.js"]) assert.ok(input in latest.inputs, input);
    writeFileSync(latestFile, JSON.stringify({ ...latest, inputs: { ...latest.inputs, "src/cli/main.ts": "0".repeat(64) } }));
    assert.equal(currentRuntime(dir), null, "a changed source");
    writeFileSync(latestFile, JSON.stringify({ ...latest, node: "v0.0.0" }));
    assert.equal(currentRuntime(dir), null, "another Node");
    // Its modules name this checkout's files: a checkout moved, or another sharing these packages, compiles its own.
    writeFileSync(latestFile, JSON.stringify({ ...latest, root: "/elsewhere/communique/" }));
    assert.equal(currentRuntime(dir), null, "another checkout");
    writeFileSync(latestFile, JSON.stringify(latest));
    assert.equal(currentRuntime(dir), compiled);
    // Compiling the same inputs again gives the same folder.
    assert.equal(await compileRuntime(dir), compiled);

    // The compiled command answers as the TypeScript does.
    const help = (args: string[], env: NodeJS.ProcessEnv) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
    const viaTsx = help(["--import", "tsx", "src/cli/main.ts", "--help"], {});
    const viaBundle = help([join(compiled, "main.mjs"), "--help"], {});
    assert.equal(viaBundle.status, 0, viaBundle.stderr);
    assert.equal(viaBundle.stdout, viaTsx.stdout);

    // A compiled parsing thread gives what parseSource gives here.
    const bytes = readFileSync(SEED);
    const worker = new Worker(pathToFileURL(join(compiled, "parse-worker.mjs")), { workerData: { taxonomy: null } });
    try {
      const results = await new Promise((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
        worker.postMessage([{ path: "seed.txt", bytes }]);
      });
      assert.deepEqual(results, [parseSource(bytes, { path: "seed.txt" })]);
    } finally {
      await worker.terminate();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// Minified assets kept in the build's cache: a later build (a new process) takes an asset's code from there while its text is unchanged, and minifies again what the cache does not hold.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { MINIFIED_CACHE_FILE } from "../../src/site/pages.ts";

const repo = join(import.meta.dirname, "../..");

/** The assets `minifiedAssets(cache)` gives in a process of its own (the process keeps what it minified). */
function assetsIn(cache: string): [string, string][] {
  const script = `import("./src/site/pages.ts").then((m) => process.stdout.write(JSON.stringify(m.minifiedAssets(${JSON.stringify(cache)}))))`;
  return JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "-e", script], { cwd: repo, encoding: "utf8" })) as [string, string][];
}

test("a build takes each asset's minified code from the cache while its text is unchanged", { timeout: 60_000 }, async () => {
  const cache = await mkdtemp(join(tmpdir(), "communique-minified-"));
  try {
    const first = assetsIn(cache);
    assert.ok(first.some(([name]) => name === "search.js") && first.some(([name]) => name === "site.css"));
    const file = join(cache, MINIFIED_CACHE_FILE);
    const kept = JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
    assert.deepEqual(Object.values(kept).sort(), first.map(([, code]) => code).sort(), "one entry per asset, its code");
    // The cache is what the next build uses: an entry changed there comes back as it is; one missing is minified again.
    const [changedKey, missingKey] = Object.keys(kept);
    const changedName = first.find(([, code]) => code === kept[changedKey!])![0];
    const missingName = first.find(([, code]) => code === kept[missingKey!])![0];
    await writeFile(file, JSON.stringify({ ...kept, [changedKey!]: "/* from the cache */", [missingKey!]: undefined }));
    const second = new Map(assetsIn(cache));
    assert.equal(second.get(changedName), "/* from the cache */");
    assert.equal(second.get(missingName), new Map(first).get(missingName));
    // A damaged cache is no cache.
    await writeFile(file, "not JSON");
    assert.deepEqual(assetsIn(cache), first);
    assert.deepEqual(JSON.parse(await readFile(file, "utf8")), kept);
  } finally {
    await rm(cache, { recursive: true, force: true });
  }
});

// A build killed at random points (SIGKILL: no cleanup runs) leaves the previous site byte-identical, and the next
// build clears what the killed ones left and completes.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { setTimeout as delay } from "node:timers/promises";
import { join, relative } from "node:path";
import { test } from "node:test";
import { build } from "../../src/cli/build.ts";
import { SAMPLE_SOURCES, SAMPLE_TAXONOMY } from "../site/sample.ts";

const ROOT = join(import.meta.dirname, "../..");
const FIRST = ["245386.txt", "245393.txt"];
const ADDED = "245489.txt";

async function tree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), await readFile(join(e.parentPath, e.name)));
  }
  return out;
}

function same(a: Map<string, Buffer>, b: Map<string, Buffer>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k)?.equals(v) === true);
}

/** Runs `communique build` as its own process; kills it with SIGKILL after `killAfter` ms (if still running). */
function runBuild(args: string[], killAfter?: number): Promise<{ code: number | null; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "bin/communique.js"), "build", ...args], { cwd: ROOT, stdio: "ignore", env: { ...process.env, COMMUNIQUE_SERVING: "1" } });
    let killed = false;
    const timer = killAfter === undefined ? null : setTimeout(() => (killed = child.kill("SIGKILL")), killAfter);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, killed });
    });
  });
}

test("killing builds at random points leaves the previous site intact; the next build completes and cleans up", { timeout: 600_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-kill-"));
  try {
    const config = join(dir, "config.json");
    await writeFile(config, JSON.stringify({ baseUrl: "https://communique.example.org" }));
    const sources = join(dir, "sources");
    const content = join(dir, "content");
    const output = join(dir, "site");
    for (const f of FIRST) await cp(join(SAMPLE_SOURCES, f), join(sources, f));
    await cp(SAMPLE_TAXONOMY, join(content, "taxonomy"), { recursive: true });
    const args = ["--sources", sources, "--content", content, "--output", output, "--config", config];

    // The previous site, and (in other folders) the complete site of the changed sources, for reference.
    const started = Date.now();
    assert.equal((await runBuild(args)).code, 0);
    const buildMs = Date.now() - started;
    const previous = await tree(output);
    await cp(join(SAMPLE_SOURCES, ADDED), join(sources, ADDED));
    const refContent = join(dir, "ref-content");
    await cp(SAMPLE_TAXONOMY, join(refContent, "taxonomy"), { recursive: true });
    assert.equal((await build({ sources, content: refContent, output: join(dir, "ref-site"), config, log: () => {} })).built, true);
    const next = await tree(join(dir, "ref-site"));
    assert.ok(!same(previous, next), "the change shows in the site");

    // Kill points spread over the whole build: ingest, rendering, indexing, the swap.
    let current = previous;
    const delays = [0.05, 0.2, 0.4, 0.6, 0.8, 0.95].map((f) => Math.round(f * buildMs * (0.8 + Math.random() * 0.4)));
    for (const delay of delays) {
      const { killed } = await runBuild(args, delay);
      if (!killed) {
        assert.ok(same(await tree(output), next), `a build that finished (${delay} ms) left the complete new site`);
        current = next;
        continue;
      }
      // A kill lands before the swap (the previous site stays), after it (the complete new site is in place, the
      // process was still tidying up), or between its two renames (the previous site waits complete beside the
      // output as `.old-<pid>`, and the next build puts it back). Never anything else.
      const old = (await readdir(dir)).find((f) => f.startsWith("site.old-"));
      const now = await tree(output).catch(() => null);
      const at = `killed after ${delay} ms (of ~${buildMs} ms)`;
      if (now === null) assert.ok(old !== undefined && same(await tree(join(dir, old)), current), `${at}: no site, and the previous one is not kept whole beside it`);
      else if (same(now, next)) current = next;
      else assert.ok(same(now, current), `${at}: the previous site is not intact`);
    }

    // The next build: clears the killed builds' folders and temporary files, and gives the complete new site.
    assert.equal((await runBuild(args)).code, 0);
    assert.ok(same(await tree(output), next), "the site after a clean build is the new one");
    // Only the build's own cache and the site it replaced (the spare, kept for the next build with the record of its
    // pages, unless a kill left the live site without its record) stay beside the site, once the background
    // deletions are done; a spare is one of the complete sites.
    const transient = async () => (await readdir(dir)).filter((f) => /^site\.(building|old|deleting)-/.test(f));
    for (let waited = 0; (await transient()).length > 0 && waited < 30_000; waited += 100) await delay(100);
    const beside = (await readdir(dir)).filter((f) => f.startsWith("site."));
    assert.ok(["site.cache", "site.cache,site.spare"].includes(beside.join()), `no .building-*, .old-* or .deleting-* folder left: ${beside.join(", ")}`);
    if (beside.includes("site.spare")) {
      assert.ok((await readdir(join(dir, "site.cache"))).includes("spare.json"), "the spare's record is kept");
      const spare = await tree(join(dir, "site.spare"));
      assert.ok(same(spare, previous) || same(spare, next), "the spare is a complete site");
    }
    assert.deepEqual([...(await tree(content)).keys()].filter((f) => f.endsWith(".tmp")), [], "no temporary release file left");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

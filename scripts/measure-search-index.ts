// Measures what indexing search shards costs on a built site: for each shard size and number of shards indexed at
// once, the peak resident memory of Pagefind's service process (VmHWM) and the wall time; prints a table.
// npm run measure:search-index -- --site DIR [--pages 1000,2000,4000] [--concurrency 1,2]
import { mkdtemp, readFileSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Command } from "commander";
import { releasePagesByYear } from "../src/search/index.ts";
import { indexShard } from "../src/search/shard-bundle.ts";
import { closeAll, pagefindServices } from "../src/search/services.ts";

const opts = new Command()
  .description("Index slices of a built site's release pages as Pagefind shards and report Pagefind's peak memory.")
  .requiredOption("--site <dir>", "the built site (communique build --output)")
  .option("--pages <list>", "comma-separated shard sizes (release pages)", "1000,2000,4000")
  .option("--concurrency <list>", "comma-separated numbers of shards indexed at once", "1,2")
  .parse()
  .opts<{ site: string; pages: string; concurrency: string }>();

/** Pagefind's service processes started by this one (the Node API spawns its binary as a child). */
function pagefindChildren(): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === process.pid && /pagefind/.test(stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")))) out.push(Number(name));
    } catch {
      // exited between the listing and the read
    }
  }
  return out;
}

/** Peak resident set of a process over its life, in bytes (`VmHWM` in /proc/<pid>/status). */
function peakRss(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) * 1024 : 0;
}

const files = [...(await releasePagesByYear(opts.site)).values()].flat();
const rows: { pages: number; concurrency: number; seconds: number; peakMiB: number; nodeMiB: number }[] = [];
for (const concurrency of opts.concurrency.split(",").map(Number)) {
  for (const pages of opts.pages.split(",").map(Number)) {
    if (pages * concurrency > files.length) {
      console.log(`skipped: ${concurrency} × ${pages} pages is more than the site's ${files.length}`);
      continue;
    }
    const out = await promisify(mkdtemp)(join(tmpdir(), "communique-index-memory-"));
    // One Pagefind service per shard indexed at once, as the build does (src/search/services.ts).
    const services = await pagefindServices(concurrency);
    const start = Date.now();
    try {
      // Disjoint slices, so each shard holds different pages as the build's shards do.
      const results = await Promise.all(services.map((service, i) => indexShard(opts.site, files.slice(i * pages, (i + 1) * pages), join(out, `s${i}/`), undefined, service)));
      const errors = results.flat();
      if (errors.length) throw new Error(errors.join("\n"));
      const seconds = (Date.now() - start) / 1000;
      const peak = pagefindChildren().reduce((sum, pid) => sum + peakRss(pid), 0);
      const node = peakRss(process.pid);
      rows.push({ pages, concurrency, seconds, peakMiB: peak / 2 ** 20, nodeMiB: node / 2 ** 20 });
      console.log(`${concurrency} × ${pages} pages: ${seconds.toFixed(1)} s, Pagefind peak ${(peak / 2 ** 20).toFixed(0)} MiB (this process: ${(node / 2 ** 20).toFixed(0)} MiB)`);
    } finally {
      // New service processes for the next configuration, so its peak is that configuration's alone.
      await closeAll(services);
      await rm(out, { recursive: true, force: true });
    }
  }
}
const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`\n| shards at once | pages per shard | wall | Pagefind peak (VmHWM) |\n|---|---:|---:|---:|`);
for (const r of rows) console.log(`| ${r.concurrency} | ${r.pages} | ${r.seconds.toFixed(1)} s | ${r.peakMiB.toFixed(0)} MiB |`);
console.log(`\nload average at the end: ${load}`);

// Measures ingest throughput on one core: parsing + merging + emitting in memory, and a whole `ingest` run to a temp folder (text files or feeds).
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Command } from "commander";
import { ingest } from "../src/cli/ingest.ts";
import { releaseMarkdown } from "../src/emit/markdown.ts";
import { clearItemCache, parseSource } from "../src/ingest/parse-source.ts";
import { mergeReleases } from "../src/ingest/dedupe.ts";
import { readTaxonomy } from "../src/ingest/taxonomy.ts";

const opts = new Command()
  .option("--sources <dir>", "folder of sources (text files or feeds)", "../shared/corpus/text")
  .option("--rounds <n>", "passes over the sources in memory", "5")
  .parse()
  .opts<{ sources: string; rounds: string }>();

// The archive's taxonomy, as ingest uses it: topic ranking is part of the work measured.
const loaded = readTaxonomy(await readFile("content/taxonomy/topics.yaml", "utf8"), "taxonomy/topics.yaml");
if ("error" in loaded) throw new Error(loaded.error.reason);
const { taxonomy } = loaded;

const files = (await readdir(opts.sources)).sort();
const inputs = await Promise.all(files.map(async (f) => ({ path: f, bytes: await readFile(join(opts.sources, f)) })));
const bytes = inputs.reduce((n, i) => n + i.bytes.length, 0);

/** One pass as ingest makes it: every source parsed, duplicates merged, every release emitted. */
function pass(): number {
  const merged = mergeReleases(inputs.map((i) => parseSource(i.bytes, { path: i.path, taxonomy })));
  for (const r of merged.releases) releaseMarkdown(r.release);
  return merged.releases.length;
}
// Warm up once so the JIT and luxon's locale tables are ready, as they are in a long ingest. Each pass starts with
// an empty item cache: within a pass it pays off (snapshots repeat items), across passes it would not be measuring.
const releases = pass();
const rounds = Number(opts.rounds);
let parseMs = 0;
for (let r = 0; r < rounds; r++) {
  clearItemCache();
  const t0 = performance.now();
  pass();
  parseMs += (performance.now() - t0) / rounds;
}

const dir = await mkdtemp(join(tmpdir(), "communique-bench-"));
await mkdir(join(dir, "taxonomy"), { recursive: true });
await copyFile("content/taxonomy/topics.yaml", join(dir, "taxonomy/topics.yaml"));
clearItemCache();
const t1 = performance.now();
await ingest({ sources: opts.sources, content: dir, log: () => {} });
const coldMs = performance.now() - t1;
clearItemCache();
const t2 = performance.now();
await ingest({ sources: opts.sources, content: dir, log: () => {} });
const warmMs = performance.now() - t2;
await rm(dir, { recursive: true, force: true });

const rate = (ms: number) => Math.round((releases * 1000) / ms).toLocaleString("en-US");
console.log(`${inputs.length} sources, ${(bytes / 1e6).toFixed(1)} MB, ${releases} releases, one core (Node ${process.version})\n`);
console.log("| phase | time | releases per second |\n|---|---|---|");
console.log(`| parse + emit in memory (mean of ${rounds}) | ${parseMs.toFixed(0)} ms | ${rate(parseMs)} |`);
console.log(`| ingest to an empty folder (read, parse, write) | ${coldMs.toFixed(0)} ms | ${rate(coldMs)} |`);
console.log(`| ingest again, nothing changed | ${warmMs.toFixed(0)} ms | ${rate(warmMs)} |`);

// Measures ingest throughput on one core: parsing + merging + emitting in memory, and whole `ingest` runs into RAM and onto disk (text files or feeds).
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Command } from "commander";
import { listFiles, writeFileAtomic } from "../src/cli/files.ts";
import { ingest } from "../src/cli/ingest.ts";
import { ENTITY_RULES } from "../src/extract/index.ts";
import { releaseMarkdown } from "../src/emit/markdown.ts";
import { clearYamlCache } from "../src/emit/yaml-writer.ts";
import { clearItemCache, parseSource } from "../src/ingest/parse-source.ts";
import { mergeReleases } from "../src/ingest/dedupe.ts";
import { withResolvedPeople } from "../src/ingest/resolve-people.ts";
import { readTaxonomy } from "../src/ingest/taxonomy.ts";

const opts = new Command()
  .option("--sources <dir>", "folder of sources (text files or feeds)", "../shared/corpus/text")
  .option("--rounds <n>", "passes over the sources in memory (and half as many whole ingest runs)", "7")
  .parse()
  .opts<{ sources: string; rounds: string }>();

// The archive's taxonomy, as ingest uses it: topic ranking is part of the work measured.
const loaded = readTaxonomy(await readFile("content/taxonomy/topics.yaml", "utf8"), "taxonomy/topics.yaml");
if ("error" in loaded) throw new Error(loaded.error.reason);
const { taxonomy } = loaded;

const files = (await readdir(opts.sources)).sort();
const inputs = await Promise.all(files.map(async (f) => ({ path: f, bytes: await readFile(join(opts.sources, f)) })));
const bytes = inputs.reduce((n, i) => n + i.bytes.length, 0);

/** One pass as ingest makes it: every source parsed, duplicates merged, every release emitted (unless `emit` is false). */
function pass(emit = true): number {
  const merged = withResolvedPeople(mergeReleases(inputs.map((i) => parseSource(i.bytes, { path: i.path, taxonomy }))));
  if (emit) for (const r of merged.releases) releaseMarkdown(r.release);
  return merged.releases.length;
}
// Warm up once so the JIT and luxon's locale tables are ready, as they are in a long ingest. Each pass starts with
// an empty item cache and an empty cache of written YAML strings: within a pass they pay off (snapshots repeat items,
// releases repeat names), across passes they would not be measuring.
const releases = pass();
const rounds = Number(opts.rounds);

// Each round: a full pass, then the same without the entity rules, and without them nor emitting (where the time
// goes), interleaved so all three see the same machine load. CPU time of this process is the one-core figure; wall
// time also counts time other processes took the core.
const entityRuns = ENTITY_RULES.map((r) => r.run);
const entities = (on: boolean) => ENTITY_RULES.forEach((r, i) => ((r as { run: (typeof entityRuns)[number] }).run = on ? entityRuns[i]! : () => {}));
const measure = (f: () => void) => {
  clearItemCache();
  clearYamlCache();
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const d = process.cpuUsage(c);
  return { cpu: (d.user + d.system) / 1000, wall: performance.now() - t };
};
const runs = { full: [] as { cpu: number; wall: number }[], noEntities: [] as number[], noEntitiesNoEmit: [] as number[] };
for (let r = 0; r < rounds; r++) {
  runs.full.push(measure(() => pass()));
  entities(false);
  runs.noEntities.push(measure(() => pass()).cpu);
  runs.noEntitiesNoEmit.push(measure(() => pass(false)).cpu);
  entities(true);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const fullCpu = median(runs.full.map((r) => r.cpu));
const fullWall = median(runs.full.map((r) => r.wall));

type Run = { cpu: number; wall: number };
/** A fresh content folder under `parent` holding only the taxonomy, as a first ingest finds it. */
async function emptyContent(parent: string): Promise<string> {
  const dir = await mkdtemp(join(parent, "communique-bench-"));
  await mkdir(join(dir, "taxonomy"), { recursive: true });
  await copyFile("content/taxonomy/topics.yaml", join(dir, "taxonomy/topics.yaml"));
  return dir;
}
/** One whole `ingest` run into `dir`, wall and CPU time. */
async function ingestRun(dir: string): Promise<Run> {
  clearItemCache();
  clearYamlCache();
  const c = process.cpuUsage();
  const t = performance.now();
  await ingest({ sources: opts.sources, content: dir, log: () => {} });
  const d = process.cpuUsage(c);
  return { cpu: (d.user + d.system) / 1000, wall: performance.now() - t };
}
/** Whole ingest runs per place: half as many as in-memory passes, each being a pass and more. */
const wholeRounds = Math.max(1, rounds >> 1);
const medianRun = (runs: Run[]) => ({ cpu: median(runs.map((r) => r.cpu)), wall: median(runs.map((r) => r.wall)) });

/**
 * Whole runs under `parent`, each into a fresh folder, then the same again over its own output (nothing changed);
 * then the file system's own share: the files one run wrote, written again into a fresh folder the way ingest writes
 * them (a temporary file, then a rename) with nothing else done. The folders are deleted only after the last run:
 * deleting thousands of files makes the next writes slower on this machine's disk.
 */
async function wholeRuns(parent: string): Promise<{ cold: Run; warm: Run; files: number; fsOnly: Run }> {
  const folders: string[] = [];
  const coldRuns: Run[] = [];
  const warmRuns: Run[] = [];
  for (let r = 0; r < wholeRounds; r++) {
    const dir = await emptyContent(parent);
    folders.push(dir);
    coldRuns.push(await ingestRun(dir));
    warmRuns.push(await ingestRun(dir));
  }
  const written = (await listFiles(folders[0]!)).filter((f) => f.startsWith("releases/"));
  const contents = await Promise.all(written.map((f) => readFile(join(folders[0]!, f), "utf8")));
  const fsDir = await mkdtemp(join(parent, "communique-bench-fs-"));
  folders.push(fsDir);
  const c = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < written.length; i++) await writeFileAtomic(join(fsDir, written[i]!), contents[i]!);
  const d = process.cpuUsage(c);
  const fsOnly = { cpu: (d.user + d.system) / 1000, wall: performance.now() - t };
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
  return { cold: medianRun(coldRuns), warm: medianRun(warmRuns), files: written.length, fsOnly };
}
// Output in RAM (as FACTS.md measures the plain stack), then on the disk, where the file system's cost varies.
const RAM = "/dev/shm";
const places = [...(existsSync(RAM) ? [{ name: `in RAM (${RAM})`, parent: RAM }] : []), { name: `on disk (${tmpdir()})`, parent: tmpdir() }];
const whole = [];
for (const place of places) whole.push({ ...place, ...(await wholeRuns(place.parent)) });

const rate = (ms: number) => Math.round((releases * 1000) / ms).toLocaleString("en-US");
// CPU time of the whole process (every thread) is the one-core figure; under `taskset -c 0` wall time is too.
const cores = availableParallelism();
console.log(`${inputs.length} sources, ${(bytes / 1e6).toFixed(1)} MB, ${releases} releases, Node ${process.version}, ${cores === 1 ? "run on one core" : `${cores} cores available (CPU time is the one-core figure)`}\n`);
console.log("| phase | wall time | CPU time | releases per CPU second |\n|---|---|---|---|");
console.log(`| parse + merge + emit in memory (median of ${rounds}) | ${fullWall.toFixed(0)} ms | ${fullCpu.toFixed(0)} ms | ${rate(fullCpu)} |`);
for (const w of whole) {
  console.log(`| ingest to an empty folder ${w.name} (read, parse, write; median of ${wholeRounds}) | ${w.cold.wall.toFixed(0)} ms | ${w.cold.cpu.toFixed(0)} ms | ${rate(w.cold.cpu)} |`);
  console.log(`| ingest again ${w.name}, nothing changed (median of ${wholeRounds}) | ${w.warm.wall.toFixed(0)} ms | ${w.warm.cpu.toFixed(0)} ms | ${rate(w.warm.cpu)} |`);
  console.log(`| of which the file system ${w.name}: its ${w.files} files written alone (temporary file, rename) | ${w.fsOnly.wall.toFixed(0)} ms | ${w.fsOnly.cpu.toFixed(0)} ms | |`);
}
console.log(`\nWhere the time goes: CPU time of one in-memory pass (median of ${rounds}) by what it includes:\n`);
console.log("| pass | CPU time | releases per CPU second |\n|---|---|---|");
console.log(`| everything (parse, entity rules, emit) | ${fullCpu.toFixed(0)} ms | ${rate(fullCpu)} |`);
console.log(`| without the entity rules | ${median(runs.noEntities).toFixed(0)} ms | ${rate(median(runs.noEntities))} |`);
console.log(`| without the entity rules and without emitting | ${median(runs.noEntitiesNoEmit).toFixed(0)} ms | ${rate(median(runs.noEntitiesNoEmit))} |`);

// Full-build benchmark: our build of N generated releases against plain Eleventy + the Pagefind CLI over the same Markdown.
import { spawn } from "node:child_process";
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { type CorpusFormat, corpusFiles, generateRelease, releaseText } from "./corpus-generator.ts";
import { endedChildrenCpuMs, type MemorySample, peakBetween, sampleTree } from "./process-tree.ts";
import { codeDigest } from "../src/site/page-record.ts";

const count = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive whole number");
  return n;
};
const opts = new Command()
  .description("Build an archive of N generated releases, then the plain stack over the same Markdown; print both.")
  .option("--releases <n>", "how many releases", count, 1000)
  .option("--format <format>", "source format: text, feed or mixed", "mixed")
  .option("--seed <s>", "generator seed", count, 1)
  .option("--work <dir>", "working folder (sources, content, sites); outside the repository, whose .gitignore Eleventy obeys", join(tmpdir(), "communique-bench"))
  .option("--no-baseline", "skip the plain Eleventy + Pagefind run")
  .option("--incremental", "also time rebuilds after adding one release and after editing one")
  .option("--results <dir>", "folder for the JSON results", "bench/results")
  .parse()
  .opts<{ releases: number; format: string; seed: number; work: string; baseline: boolean; incremental?: boolean; results: string }>();

const root = resolve(import.meta.dirname, "..");
const work = resolve(opts.work, `${opts.releases}-${opts.format}-${opts.seed}`);
const sources = join(work, "sources");
const content = join(work, "content");
const site = join(work, "site");
const timings = join(work, "timings.jsonl");

/** The machine's load, read before each measured run: other people share these two cores. */
const load = () => loadavg().map((l) => Number(l.toFixed(2)));

/**
 * Entries in the kernel's cache of file names (Linux; null elsewhere). Making and linking a site's folders and files
 * costs the kernel more when it holds millions: copying a 10,000-release site's tree as hard links took 4.7 s of
 * system time with 2.8 million entries cached and 1.0 s just after they were dropped (docs/benchmarks.md).
 */
function cachedNames(): number | null {
  try {
    return Number(readFileSync("/proc/sys/fs/dentry-state", "utf8").split(/\s+/)[0]);
  } catch {
    return null;
  }
}

interface Run {
  ms: number;
  peak: number;
  /** CPU time of the whole process tree, every core (Pagefind's binary included). */
  cpuMs: number;
  samples: MemorySample[];
  start: number;
  end: number;
}

/** Runs a command to completion while sampling its whole process tree's memory; rejects when it fails. */
function measured(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const start = Date.now();
    const cpuBefore = endedChildrenCpuMs();
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const sampler = sampleTree(child.pid!);
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("close", (code) => {
      const end = Date.now();
      const samples = sampler.stop();
      if (code !== 0) return reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${output.slice(-4000)}`));
      resolvePromise({ ms: end - start, peak: Math.max(...samples.map((s) => s.rss)), cpuMs: endedChildrenCpuMs() - cpuBefore, samples, start, end });
    });
  });
}

/** Writes the generated sources once per (count, format, seed); a marker says the folder is complete. */
async function generate(): Promise<void> {
  const marker = join(work, "sources.done");
  if (existsSync(marker)) return;
  await rm(sources, { recursive: true, force: true });
  await mkdir(sources, { recursive: true });
  let batch: Promise<void>[] = [];
  for (const f of corpusFiles(opts.releases, opts.seed, opts.format as CorpusFormat)) {
    batch.push(writeFile(join(sources, f.path), f.text));
    if (batch.length >= 256) {
      await Promise.all(batch);
      batch = [];
    }
  }
  await Promise.all(batch);
  await writeFile(marker, "");
}

/** Our build from an empty content folder and no previous site: `communique build`, phases timed by the CLI. */
async function ourBuild(): Promise<{ run: Run; phases: Record<string, PhaseRun> }> {
  await rm(content, { recursive: true, force: true });
  await rm(site, { recursive: true, force: true });
  // A build from scratch: no citations kept from an earlier run either.
  await rm(`${site}.cache`, { recursive: true, force: true });
  await mkdir(join(content, "taxonomy"), { recursive: true });
  await copyFile(join(root, "content/taxonomy/topics.yaml"), join(content, "taxonomy/topics.yaml"));
  return timedBuild();
}

/** One phase of our build: wall time, peak memory of the process tree, and the CPU time of the build's process (all its threads). */
interface PhaseRun {
  ms: number;
  peak: number;
  cpuMs: number;
}

/** `communique build` over the working folder as it stands, with each phase's time and peak memory. */
async function timedBuild(): Promise<{ run: Run; phases: Record<string, PhaseRun> }> {
  await rm(timings, { force: true });
  const run = await measured(process.execPath, [join(root, "bin/communique.js"), "build", "--sources", sources, "--content", content, "--output", site], { COMMUNIQUE_TIMINGS: timings });
  const phases: Record<string, PhaseRun> = {};
  for (const line of (await readFile(timings, "utf8")).trim().split("\n")) {
    const p = JSON.parse(line) as { phase: string; start: number; end: number; cpuMs: number };
    phases[p.phase] = { ms: p.end - p.start, peak: peakBetween(run.samples, p.start, p.end), cpuMs: p.cpuMs };
  }
  return { run, phases };
}

const BASELINE_LAYOUT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main data-pagefind-body><h1>{{ title }}</h1><p>{{ date }}</p>{{ content | safe }}</main></body></html>
`;

/** Plain Eleventy (JS config, one minimal layout) over our Markdown, then the Pagefind CLI over its output. */
async function baseline(): Promise<{ eleventy: Run; pagefind: Run; pages: number }> {
  const dir = join(work, "baseline");
  const out = join(dir, "site");
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, "layouts"), { recursive: true });
  await writeFile(join(dir, "layouts/minimal.njk"), BASELINE_LAYOUT);
  const layouts = relative(content, join(dir, "layouts"));
  await writeFile(
    join(dir, "eleventy.config.cjs"),
    `module.exports = function (config) {
  config.setTemplateFormats(["md"]);
  config.addGlobalData("layout", "minimal.njk");
  return { dir: { includes: ${JSON.stringify(layouts)}, layouts: ${JSON.stringify(layouts)} }, markdownTemplateEngine: false };
};
`,
  );
  const eleventy = await measured(process.execPath, [join(root, "node_modules/@11ty/eleventy/cmd.cjs"), `--config=${join(dir, "eleventy.config.cjs")}`, `--input=${content}`, `--output=${out}`, "--quiet"]);
  const pagefind = await measured(join(root, "node_modules/.bin/pagefind"), ["--site", out]);
  const entry = JSON.parse(await readFile(join(out, "pagefind/pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return { eleventy, pagefind, pages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0) };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString("en-US")} MiB`;
const cell = (p?: { ms: number; peak: number }) => (p ? `${seconds(p.ms)} (${mib(p.peak)})` : "—");

await generate();
const loadBefore = load();
const namesCached = cachedNames();
console.log(`${opts.releases} releases (${opts.format}, seed ${opts.seed}); load ${loadBefore.join(" ")} on ${cpus().length} cores${namesCached === null ? "" : `; ${namesCached.toLocaleString("en-US")} file names cached by the kernel`}`);
// The code every page and parse result is keyed on: edited during the run, the rebuilds below would redo everything.
const codeAtStart = codeDigest();
const ours = await ourBuild();
const loadBetween = load();
const base = opts.baseline ? await baseline() : null;
const loadAfter = load();
const siteFiles = await countFiles(site);

/**
 * The source with one sentence added to its longest paragraph: an edit of the statement's body, the common
 * correction (a line inserted near the top would land among the header lines and change the title instead).
 */
function editBody(text: string): string {
  const paragraphs = text.split(/(\r?\n\r?\n)/);
  let longest = 0;
  for (let i = 0; i < paragraphs.length; i += 2) if (paragraphs[i]!.length > paragraphs[longest]!.length) longest = i;
  paragraphs[longest] = `${paragraphs[longest]} This sentence was added by an edit.`;
  return paragraphs.join("");
}

/** Stops the run when src/, templates/ or the packages changed since the full build: the rebuilds would not be incremental. */
function sameCode(): void {
  if (codeDigest() !== codeAtStart) throw new Error("The code (src/, templates/, package-lock.json) changed since the full build: an incremental rebuild would redo everything. Run the bench again without editing meanwhile, or from a clone.");
}

let incremental: { addMs: number; editMs: number; addCpuMs: number; editCpuMs: number; addLoad: number[]; editLoad: number[]; add: Record<string, PhaseRun>; edit: Record<string, PhaseRun> } | null = null;
if (opts.incremental) {
  // One new release (the generator's next one, as a text file), then an edit of one existing text source.
  const next = generateRelease(opts.seed, opts.releases);
  await writeFile(join(sources, `${next.pageId}.txt`), releaseText({ ...next, chrome: "none", crlf: false }));
  const addLoad = load();
  sameCode();
  const add = await timedBuild();
  const texts = (await readdir(sources)).filter((f) => f.endsWith(".txt")).sort();
  const edited = join(sources, texts[0]!);
  const original = await readFile(edited, "utf8");
  await writeFile(edited, editBody(original));
  const editLoad = load();
  sameCode();
  const edit = await timedBuild();
  // Leave the sources as generated, so the next run of this size starts from the same corpus.
  await writeFile(edited, original);
  await rm(join(sources, `${next.pageId}.txt`));
  sameCode();
  incremental = { addMs: add.run.ms, editMs: edit.run.ms, addCpuMs: add.run.cpuMs, editCpuMs: edit.run.cpuMs, addLoad, editLoad, add: add.phases, edit: edit.phases };
}

const total = { ms: ours.run.ms, peak: ours.run.peak, cpuMs: ours.run.cpuMs };
const baseTotal = base ? { ms: base.eleventy.ms + base.pagefind.ms, peak: Math.max(base.eleventy.peak, base.pagefind.peak), cpuMs: base.eleventy.cpuMs + base.pagefind.cpuMs } : null;
console.log("\n| run | ingest | render | index | total (wall, peak of the process tree) |\n|---|---|---|---|---|");
console.log(`| communiqué build | ${cell(ours.phases.ingest)} | ${cell(ours.phases.render)} | ${cell(ours.phases.index)} | ${cell(total)} |`);
if (base && baseTotal) {
  console.log(`| plain Eleventy + Pagefind CLI | — | ${cell(base.eleventy)} | ${cell(base.pagefind)} | ${cell(baseTotal)} |`);
  console.log(`\nratio (ours / baseline): time ${(total.ms / baseTotal.ms).toFixed(2)}, peak memory ${(total.peak / baseTotal.peak).toFixed(2)}; baseline indexed ${base.pages} pages`);
  console.log(`CPU time of each whole process tree (every core): ours ${seconds(total.cpuMs)}, baseline ${seconds(baseTotal.cpuMs)} (Eleventy ${seconds(base.eleventy.cpuMs)}, Pagefind ${seconds(base.pagefind.cpuMs)}); ratio ${(total.cpuMs / baseTotal.cpuMs).toFixed(2)}`);
}
const cpu = (phases: Record<string, PhaseRun>) => Object.entries(phases).map(([k, v]) => `${k} ${seconds(v.cpuMs)}`).join(", ");
console.log(`CPU time of our build (all threads): ${cpu(ours.phases)}`);
console.log(`site: ${siteFiles.toLocaleString("en-US")} files; load before/between/after: ${loadBefore.join(" ")} / ${loadBetween.join(" ")} / ${loadAfter.join(" ")}`);
if (incremental) {
  console.log(`incremental: add one release ${seconds(incremental.addMs)} (${((incremental.addMs / total.ms) * 100).toFixed(1)} % of the full build; CPU ${seconds(incremental.addCpuMs)}), edit one ${seconds(incremental.editMs)} (${((incremental.editMs / total.ms) * 100).toFixed(1)} %; CPU ${seconds(incremental.editCpuMs)}); load ${incremental.addLoad.join(" ")} / ${incremental.editLoad.join(" ")}`);
  console.log(`  add, per phase: ${Object.entries(incremental.add).map(([k, v]) => `${k} ${seconds(v.ms)} (CPU ${seconds(v.cpuMs)})`).join(", ")}`);
  console.log(`  edit, per phase: ${Object.entries(incremental.edit).map(([k, v]) => `${k} ${seconds(v.ms)} (CPU ${seconds(v.cpuMs)})`).join(", ")}`);
}

const date = new Date().toISOString().slice(0, 10);
await mkdir(opts.results, { recursive: true });
const resultFile = join(opts.results, `${date}-${opts.releases}.json`);
const strip = (r: Run) => ({ ms: r.ms, peakBytes: r.peak, cpuMs: r.cpuMs });
await writeFile(
  resultFile,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      releases: opts.releases,
      format: opts.format,
      seed: opts.seed,
      machine: { cores: cpus().length, node: process.version, loadBefore, loadBetween, loadAfter, namesCached },
      communique: { phases: Object.fromEntries(Object.entries(ours.phases).map(([k, v]) => [k, { ms: v.ms, peakBytes: v.peak, cpuMs: v.cpuMs }])), total: strip(ours.run), siteFiles },
      baseline: base ? { eleventy: strip(base.eleventy), pagefind: strip(base.pagefind), total: { ms: baseTotal!.ms, peakBytes: baseTotal!.peak, cpuMs: baseTotal!.cpuMs }, pages: base.pages } : null,
      ratio: baseTotal ? { time: total.ms / baseTotal.ms, peak: total.peak / baseTotal.peak, cpu: total.cpuMs / baseTotal.cpuMs } : null,
      incremental,
    },
    null,
    2,
  )}\n`,
);
console.log(`results: ${relative(process.cwd(), resultFile)}`);

/** Files under a folder, recursively. */
async function countFiles(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) n += entry.isDirectory() ? await countFiles(join(dir, entry.name)) : 1;
  return n;
}


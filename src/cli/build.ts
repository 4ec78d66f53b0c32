// The build command: ingest, render with Eleventy and index with Pagefind into a new folder (or the spare site updated), then swap it in.
import { appendFile, mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import { dirname, relative, resolve } from "node:path";
import { ChunkPrefetch } from "../search/chunk-prefetch.ts";
import { earlierShardBundles, type IndexResult, indexSite, type PreviousIndex, type ShardInputs } from "../search/index.ts";
import type { PendingPages } from "../search/shard-bundle.ts";
import { loadSiteConfig, type SiteConfig } from "../site/config.ts";
import { type PageRecord, readPageRecord, RELEASE_PAGES_FIRST, removePageRecord, writePageRecord } from "../site/page-record.ts";
import type { RenderResult } from "../site/render.ts";
import type { ProgressCounter } from "../model/progress.ts";
import { readJsonFile } from "../site/site-files.ts";
import { buildingPrefix, oldSitePrefix, removeStaleBuilds } from "./files.ts";
import { describeError } from "./errors.ts";
import { collectGarbage } from "./gc.ts";
import { ingest } from "./ingest.ts";
import { type RenderThread, startRenderThread } from "./render-thread.ts";
import { keepAsSpare, type SpareRecord, takeSpare } from "./spare-site.ts";
import { HeldProgress, noProgress, type Progress, withProgress } from "./progress.ts";

/** Set by `communique serve` in the environment of the builds it runs. */
export const SERVING_ENV = "COMMUNIQUE_SERVING";
/** When set, each build phase appends `{"phase","start","end"}` (ms since the epoch) as a JSON line to this file. */
export const TIMINGS_ENV = "COMMUNIQUE_TIMINGS";

/**
 * Runs one phase of the build, recording its start and end for `npm run bench` when asked to, and the CPU time the
 * process spent meanwhile (every thread: the citation worker's too), which other programs on the machine do not inflate.
 */
async function phase<T>(name: string, run: () => Promise<T>): Promise<T> {
  const start = Date.now();
  const cpu = process.cpuUsage();
  try {
    return await run();
  } finally {
    const file = process.env[TIMINGS_ENV];
    const used = process.cpuUsage(cpu);
    if (file) await appendFile(file, `${JSON.stringify({ phase: name, start, end: Date.now(), cpuMs: Math.round((used.user + used.system) / 1000) })}\n`);
  }
}

export interface BuildOptions {
  sources: string;
  content: string;
  output: string;
  /** The site configuration, or the path of its JSON file (default: the repository's communique.config.json). */
  config?: SiteConfig | string;
  /** Where human-readable output goes. */
  log?: (line: string) => void;
  /** Shows each phase's progress: sources parsed, pages written, pages indexed (default: nothing shown). */
  progress?: Progress;
  /** Release pages per search shard (default: src/search/index.ts, SHARD_PAGES); tests use small shards. */
  shardPages?: number;
}

export interface BuildResult {
  /** False when ingest reported sources or the site could not be built. */
  ok: boolean;
  /** Whether a new site replaced the one in `output` (false only when rendering or indexing failed). */
  built: boolean;
}

/**
 * Ingests `sources` into `content`, then renders and indexes the site into a new sibling of `output` and swaps it
 * in only once complete: a failed build leaves the previous site untouched, and a server never sees half a site.
 * Reported sources make the result not ok, but the site is still built from everything that was ingested.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  let config: SiteConfig;
  try {
    config = typeof options.config === "object" ? options.config : loadSiteConfig(options.config);
  } catch (e) {
    log(`Build failed: ${describeError(e)}`);
    return { ok: false, built: false };
  }
  const target = resolve(options.output);
  await mkdir(dirname(target), { recursive: true });
  // Folders of builds that were killed (a crash, Ctrl-C, SIGKILL) would pile up beside the output.
  await removeStaleBuilds(target);
  // `<output>.building-<pid>-XXXXXX`: beside the output so the final rename stays on one file system.
  const fresh = await mkdtemp(buildingPrefix(target));
  try {
    // The site the previous build replaced, when kept, is updated in place: only what changed since it was built is
    // deleted and written again, instead of a new tree of every page's folder and file. It is moved into the building
    // folder now, so that the render thread lists its files there while ingest runs.
    const base = await takeSpare(target, cacheDir(target), fresh);
    // The render thread loads the site's modules (about a second) while ingest runs, mostly on the other core, and
    // reads the caches and lists the base meanwhile, which the render would otherwise read after ingest.
    const renderThread = startRenderThread({ cache: cacheDir(target), base: base ? fresh : undefined });
    try {
      return await buildWith(renderThread, options, { log, config, target, fresh, base });
    } finally {
      await renderThread.stop();
    }
  } catch (e) {
    await discard(fresh);
    log(`Build failed: ${describeError(e)}`);
    log(`The previous site in ${shown(target)}/ (if any) was left as it was.`);
    return { ok: false, built: false };
  }
}

/** What {@link build} settled before ingest: the configuration, the output, its building folder and the spare taken into it. */
interface BuildSetup {
  log: (line: string) => void;
  config: SiteConfig;
  target: string;
  fresh: string;
  base: SpareRecord | null;
}

/**
 * The build, its render thread already started (and stopped by the caller, whatever happens here); a failure
 * throws, and the caller discards the building folder.
 */
async function buildWith(renderThread: RenderThread, options: BuildOptions, { log, config, target, fresh, base }: BuildSetup): Promise<BuildResult> {
  const progress = options.progress ?? noProgress;
  // Only the count, the hashes of the files ingest read or wrote and the front matter of those it wrote (so the render
  // does not read them again) are kept: the ingest's plan holds every release's Markdown, which rendering and
  // indexing do not need.
  const { reported, changed, digests } = await phase("ingest", async () => {
    const { reported, releaseDigests, sourceDigests, writtenFrontMatter, written, removed } = await ingest({ sources: options.sources, content: options.content, log, progress, cache: cacheDir(target) });
    return { reported, changed: written + removed, digests: { releaseDigests, sourceDigests, writtenFrontMatter } };
  });
  // Pages whose inputs are unchanged since the live site was built are hard-linked from it (its record says which).
  const pagesBefore = { site: target, record: await readPageRecord(cacheDir(target)) };
  // What ingest left is freed now, not held beside the render thread's peak (see collectGarbage).
  collectGarbage();
  const rendering = phase("render", () =>
    withProgress(progress("render", "pages written", 0), (counter) => {
      const rendering = renderThread.render({ options: { content: options.content, output: fresh, sources: options.sources, config, cache: cacheDir(target), previous: pagesBefore, base: base ? { record: base.pages } : undefined, quiet: true }, digests }, counter);
      // Posted with the request (a copy went to the render thread): let go and collected here, not held beside the
      // render's peak (at 100,000 releases some hundreds of MiB).
      digests.writtenFrontMatter.clear();
      collectGarbage();
      return rendering;
    }),
  );
  // Awaited below, once the index is on its way or settled.
  rendering.catch(() => {});
  const previous = await previousIndex(target);
  // When ingest changed a few release files (an edit, an addition), the index will merge the shards the live site was
  // indexed from, but those that hold them: their chunks are read now, while the render has yet to say which pages
  // changed, on the core it leaves.
  const prefetch = previous && changed > 0 && changed <= RELEASE_PAGES_FIRST ? new ChunkPrefetch() : undefined;
  for (const dir of prefetch ? earlierShardBundles(searchShards(target), previous!) : []) prefetch!.bundle(dir);
  const index = (pageDigests: PageRecord, counter: ProgressCounter, pending?: PendingPages) => indexSite(fresh, searchShards(target), { previous, base: base?.search, shardPages: options.shardPages, progress: counter, pageDigests, prefetch, pending });
  // An edit's or an addition's release pages are rendered first: once they are in place, their shards are indexed
  // (and the merged bundle made) beside the rest of the render, on the core it leaves; the index shows its progress
  // once the render's is done. A build from scratch indexes after the render, its thread's memory given back.
  const releasePages = await renderThread.releasePages();
  const held = new HeldProgress();
  // Those linked from the live site may still be on their way: the index waits for them only if it must read one.
  const early = releasePages ? phase("index", () => index(releasePages.record, held, releasePages.pending)) : undefined;
  early?.catch(() => {});
  let rendered: RenderResult;
  let search: IndexResult;
  try {
    try {
      rendered = await rendering;
    } catch (e) {
      // The index writes into the building folder: done before the caller deletes it.
      await early?.catch(() => {});
      throw e;
    }
    if (!early) {
      // What the render's request and answer left, not held beside Pagefind while it indexes.
      collectGarbage();
    }
    search = early
      ? await withProgress(progress("index", "pages indexed", 0, held.since), (counter) => {
          held.show(counter);
          return early;
        })
      : await phase("index", () => withProgress(progress("index", "pages indexed", 0), (counter) => index(rendered.record, counter)));
  } finally {
    // A read-ahead no index took (an index closes its own) stops, so the process can exit.
    await prefetch?.close();
  }
  if (search.errors.length > 0) throw new Error(`Pagefind could not index the site:\n  ${search.errors.join("\n  ")}`);
  // The record of what the live site was indexed from goes before the swap and comes back after it: a build
  // stopped in between leaves no record, so the next build indexes everything rather than trust a wrong one.
  await rm(searchRecord(target), { force: true });
  await removePageRecord(cacheDir(target));
  // The live site becomes the spare, described by the records it was built from.
  await swapIn(fresh, target, previous ? { pages: pagesBefore.record, search: previous.inputs } : null);
  await mkdir(cacheDir(target), { recursive: true });
  await writeFile(searchRecord(target), `${JSON.stringify({ inputs: search.inputs }, null, 2)}\n`);
  await writePageRecord(cacheDir(target), rendered.record);
  log(`Site written to ${shown(target)}/: ${rendered.files} files${rendered.reused ? ` (${rendered.reused} unchanged, kept from earlier builds)` : ""}, ${search.pages} release pages indexed for search${search.reused.length ? ` (${search.reused.length} unchanged search shards reused${search.spliced.length ? `, ${search.spliced.length} with changed pages spliced in` : ""})` : ""}.`);
  // `communique serve` runs builds as child processes and is already serving the site: skip the hint there.
  if (!process.env[SERVING_ENV]) log("Preview it with `npm start` (or `npx communique serve`), then open http://localhost:8080/");
  return { ok: reported === 0, built: true };
}

/**
 * Deletes a failed build's folder. Eleventy rejects on the first failing template while passthrough copies and
 * other page writes are still in flight (TemplateWriter.write uses Promise.all), and those can recreate files
 * after a first delete; so delete, let them land, delete again.
 */
async function discard(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await delay(SETTLE_MS);
  await rm(dir, { recursive: true, force: true });
}

/** How long in-flight writes of a failed Eleventy build get to finish before the second delete. */
const SETTLE_MS = 300;

/** `<output>.cache/`: what a build keeps for the next one (citations, search shards), beside the site and never published. */
export function cacheDir(output: string): string {
  return `${resolve(output)}.cache`;
}

/** The search shards' bundles, which the site's merged bundle is made from (src/search/index.ts). */
function searchShards(output: string): string {
  return `${cacheDir(output)}/search-shards`;
}

/** The cache file recording the input hash of each search shard of the site in `output`. */
function searchRecord(output: string): string {
  return `${cacheDir(output)}/search.json`;
}

/** The live site and the inputs its search shards were made from, when both are there. */
async function previousIndex(output: string): Promise<PreviousIndex | undefined> {
  const record = readJsonFile(searchRecord(output)) as { inputs?: ShardInputs } | null | undefined;
  return record?.inputs ? { site: resolve(output), inputs: record.inputs } : undefined;
}

/** A path as the user would type it: relative to the working directory when inside it, else absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" ? "." : rel.startsWith("..") ? path : rel;
}

/**
 * Replaces `target` by `fresh`: old site renamed away, new one renamed in (the old one restored on failure), then the
 * old one kept as the spare when `record` describes it, else deleted in the background.
 */
async function swapIn(fresh: string, target: string, record: SpareRecord | null): Promise<void> {
  const old = `${oldSitePrefix(target)}${process.pid}`;
  await rm(old, { recursive: true, force: true });
  let hadOld = true;
  try {
    await rename(target, old);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    hadOld = false;
  }
  try {
    await rename(fresh, target);
  } catch (e) {
    if (hadOld) await rename(old, target);
    throw e;
  }
  // The new site is live: the old one is kept for the next build, or goes in the background (a killed deletion is
  // cleared by the next build).
  if (hadOld) await keepAsSpare(target, cacheDir(target), old, record);
}

// Measures a first search on a built site: what the browser transfers (gzip, counted by the server, since a web
// worker's requests are invisible to Playwright), the time until the first results are drawn when the page is opened
// with the query, and the time from submitting the word on the search page, open and ready, to its results, for
// given words.
// npm run measure:search -- --site DIR [--words rare,common,the] [--runs 3]
import { createReadStream, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { Command } from "commander";
import { launchChromium } from "../test/browser/chromium.ts";

const opts = new Command()
  .description("Serve a built site with gzip and measure the first search of each word in a fresh Chromium profile.")
  .requiredOption("--site <dir>", "the built site (communique build --output)")
  .option("--words <list>", "comma-separated words or quoted phrases", "the")
  .option("--runs <n>", "fresh-profile runs per word (the median time is reported)", "3")
  .parse()
  .opts<{ site: string; words: string; runs: string }>();

const TYPES: Record<string, string> = { ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml", ".wasm": "application/wasm" };
/** Pagefind's own files (index, filter, fragment chunks, metadata, WASM) are gzip already; hosts send them as is. */
const COMPRESSIBLE = new Set([".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"]);

interface Transfer {
  path: string;
  bytes: number;
}
let log: Transfer[] = [];
const gzipCache = new Map<string, Buffer>();

// A static host as a real one would serve the site: gzip for text, Pagefind's pre-compressed files untouched.
const root = normalize(opts.site);
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  let file = join(root, path.endsWith("/") ? `${path}index.html` : path);
  if (!file.startsWith(root)) return void res.writeHead(403).end();
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const ext = extname(file);
    const headers: Record<string, string> = { "content-type": TYPES[ext] ?? "application/octet-stream" };
    if (COMPRESSIBLE.has(ext) && /gzip/.test(String(req.headers["accept-encoding"]))) {
      let body = gzipCache.get(file);
      if (!body) gzipCache.set(file, (body = gzipSync(await readFile(file), { level: 6 })));
      log.push({ path, bytes: body.length });
      res.writeHead(200, { ...headers, "content-encoding": "gzip" }).end(body);
    } else {
      log.push({ path, bytes: (await stat(file)).size });
      res.writeHead(200, headers);
      createReadStream(file).pipe(res);
    }
  } catch {
    log.push({ path, bytes: 0 });
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** Which part of the search a request is. */
function kind(path: string): string {
  if (path.endsWith(".html") || path.endsWith("/")) return "page";
  if (path.startsWith("/assets/")) return "site and search UI (JS, CSS)";
  if (path.endsWith("pagefind.js")) return "Pagefind JS";
  if (path.endsWith("pagefind-worker.js")) return "Pagefind worker";
  if (/wasm\.[\w-]+\.pagefind$/.test(path)) return "Pagefind WASM";
  if (path.endsWith(".pf_meta") || path.endsWith("pagefind-entry.json") || path.endsWith("shards.json")) return "index metadata (entry, meta, manifest)";
  if (path.includes("/filter/")) return "filter chunks";
  if (path.includes("/index/")) return "index chunks";
  if (path.includes("/fragment/")) return "result fragments";
  return "other";
}

/**
 * Runs in the page: puts `word` in the search box, submits the form (no typing pause) and resolves with the time
 * until search.js has drawn its answer (it sets `data-shown` on the app to the address of the state drawn).
 */
function submitAndTime(word: string): Promise<number> {
  const app = document.getElementById("search-app")!;
  const form = app.querySelector("form")!;
  return new Promise((resolve) => {
    const start = performance.now();
    new MutationObserver((_, observer) => {
      // The empty search drawn on arrival shows as ""; the word's answer as its address.
      if (!app.dataset.shown) return;
      observer.disconnect();
      // The answer is in the document; the next frame shows it.
      requestAnimationFrame(() => resolve(performance.now() - start));
    }).observe(app, { attributes: true, attributeFilter: ["data-shown"] });
    (form.elements.namedItem("q") as HTMLInputElement).value = word;
    form.requestSubmit();
  });
}

const browser = await launchChromium();
const runs = Number(opts.runs);
const words = opts.words.split(",").map((w) => w.trim()).filter(Boolean);
const report: { word: string; results: string; kb: Record<string, number>; totalKb: number; requests: number; msToResults: number[]; msToIndex: number[]; msReady: number[]; msTyped: number[] }[] = [];
for (const word of words) {
  const times: number[] = [];
  const opened: number[] = [];
  let transfers: Transfer[] = [];
  let status = "";
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext(); // a fresh profile: nothing cached
    const page = await context.newPage();
    log = [];
    await page.goto(`${base}/search/?q=${encodeURIComponent(word)}`);
    // search.js marks the first answer drawn: results, "No results", or only the notice of common words left out.
    await page.waitForFunction(() => performance.getEntriesByName("search:answered").length > 0, undefined, { timeout: 60_000 });
    times.push(await page.evaluate(() => performance.getEntriesByName("search:answered")[0]!.startTime));
    // The index is marked open once Pagefind has loaded it: after the answer when that needed no search ("the").
    await page.waitForFunction(() => performance.getEntriesByName("search:index-open").length > 0, undefined, { timeout: 60_000 });
    opened.push(await page.evaluate(() => performance.getEntriesByName("search:index-open")[0]!.startTime));
    status = [await page.locator(".search__dropped").textContent(), await page.locator(".search__status").textContent()].filter(Boolean).join(" ");
    await page.waitForLoadState("networkidle");
    transfers = [...log];
    await context.close();
  }
  // The reader's wait: the search page already open (its index opened on arrival), the word submitted, results drawn.
  const typed: number[] = [];
  const ready: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/search/`);
    // The page is ready for the reader once its index is open and its engine warmed up (search.js).
    await page.waitForFunction(() => performance.getEntriesByName("search:warm").length > 0, undefined, { timeout: 60_000 });
    ready.push(await page.evaluate(() => performance.getEntriesByName("search:warm")[0]!.startTime));
    typed.push(await page.evaluate(submitAndTime, word));
    await context.close();
  }
  const kb: Record<string, number> = {};
  for (const t of transfers) kb[kind(t.path)] = (kb[kind(t.path)] ?? 0) + t.bytes / 1024;
  const total = transfers.reduce((s, t) => s + t.bytes, 0) / 1024;
  report.push({ word, results: status, kb, totalKb: total, requests: transfers.length, msToResults: times, msToIndex: opened, msReady: ready, msTyped: typed });
}
await browser.close();
server.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const r of report) {
  console.log(`\n“${r.word}”: ${r.results}`);
  for (const [k, v] of Object.entries(r.kb).sort()) console.log(`  ${k.padEnd(40)} ${v.toFixed(1).padStart(7)} KB`);
  console.log(`  ${"total (gzip, as transferred)".padEnd(40)} ${r.totalKb.toFixed(1).padStart(7)} KB in ${r.requests} requests`);
  console.log(`  time to first answer (navigation start → results drawn): median ${median(r.msToResults).toFixed(0)} ms of ${r.msToResults.map((t) => t.toFixed(0)).join(", ")}`);
  console.log(`    the index open (Pagefind's entry, metadata and WebAssembly loaded, every bundle merged): median ${median(r.msToIndex).toFixed(0)} ms`);
  console.log(`  the search page ready (navigation start → index open and engine warmed up): median ${median(r.msReady).toFixed(0)} ms`);
  console.log(`  on the open search page (word submitted → results drawn): median ${median(r.msTyped).toFixed(0)} ms of ${r.msTyped.map((t) => t.toFixed(0)).join(", ")}`);
}
console.log(`\nload average: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")} (${cpus().length} cores)`);
console.log(`\n${JSON.stringify(report)}`);

// Test helper: what the search page should find, computed from the built sample's Markdown front matter (not from
// the index), and how to read every result of a search across its pages.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { parse } from "yaml";
import { countryName } from "../../src/extract/countries.ts";
import { readTopicLabels } from "../../src/site/taxonomy.ts";

/** A release as its facets name it (the labels the release pages show and Pagefind indexes). */
export interface TruthRelease {
  title: string;
  date: string;
  type: string[];
  office: string[];
  speaker: string[];
  topic: string[];
  country: string[];
  year: string[];
}

/** Every release of the content folder, with its facet values. */
export async function readTruth(contentDir: string): Promise<TruthRelease[]> {
  const topics = readTopicLabels(contentDir);
  const out: TruthRelease[] = [];
  const dir = join(contentDir, "releases");
  for (const entry of await readdir(dir, { recursive: true })) {
    if (!entry.endsWith(".md")) continue;
    const text = await readFile(join(dir, entry), "utf8");
    const data = parse(text.split(/^---$/m)[1]!) as Record<string, unknown> & { title: string; date: string; speakers: { name: string }[]; topics: string[]; countries: string[] };
    out.push({
      title: data.title,
      date: data.date,
      type: data["type"] ? [data["type"] as string] : [],
      office: data["office"] ? [data["office"] as string] : [],
      speaker: [...new Set(data.speakers.map((s) => s.name))],
      topic: data.topics.map((t) => topics.get(t) ?? t),
      country: data.countries.map((c) => countryName(c)),
      year: [data.date.slice(0, 4)],
    });
  }
  return out;
}

/** Facet key → value → number of releases. */
export function facetCounts(releases: TruthRelease[], key: keyof TruthRelease): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of releases) for (const v of r[key] as string[]) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** The most common value of a facet (ties: alphabetical), for tests that pick a value without hard-coding it. */
export function commonest(releases: TruthRelease[], key: keyof TruthRelease, rank = 0): string {
  const sorted = [...facetCounts(releases, key)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return sorted[rank]![0];
}

/** A shown result: title and date. */
export interface ShownResult {
  title: string;
  date: string;
}

/** Waits for the search page to settle on `status` text matching `pattern`. */
export async function waitForStatus(page: Page, pattern: RegExp): Promise<string> {
  const status = page.locator(".search__status");
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector(".search__status")?.textContent ?? ""), pattern.source, { timeout: 20_000 });
  return (await status.textContent()) ?? "";
}

/** The total in the status line ("12 results for …"; "No results" is 0). */
export async function shownTotal(page: Page): Promise<number> {
  const text = await waitForStatus(page, /^(\d+ results?|No results)/);
  return text.startsWith("No") ? 0 : Number(/^(\d+)/.exec(text)![1]);
}

/** Every result of the current search, following the pager's "Next" link to the last page. */
export async function allResults(page: Page): Promise<ShownResult[]> {
  const out: ShownResult[] = [];
  const total = await shownTotal(page);
  for (;;) {
    const items = await page.locator(".result").evaluateAll((nodes) =>
      nodes.map((n) => ({ title: n.querySelector(".result__title")?.textContent ?? "", date: n.querySelector("time")?.getAttribute("datetime") ?? "" })),
    );
    out.push(...items);
    const next = page.locator(".search__pager a", { hasText: "Next" });
    if (out.length >= total || (await next.count()) === 0) break;
    const before = await page.locator(".search__status").textContent();
    await next.click();
    await page.waitForFunction((b) => document.querySelector(".search__status")?.textContent !== b, before);
  }
  return out;
}

/** Sorted titles, for comparing result sets. */
export function titles(results: { title: string }[]): string[] {
  return results.map((r) => r.title).sort();
}

/**
 * Waits until the page shows the search its address describes (search.js sets `data-shown` when drawn). A string
 * predicate: tsx would wrap named functions inside a passed function in a helper the page does not have.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    `(() => {
      const shown = document.getElementById("search-app")?.dataset.shown;
      if (shown === undefined) return false;
      const a = new URLSearchParams(shown); a.sort();
      const b = new URLSearchParams(window.location.search); b.sort();
      return a.toString() === b.toString();
    })()`,
    undefined,
    { timeout: 20_000 },
  );
}

// Measures what the charts cost on a large archive: every timeline and the world map for N generated releases, and the map's size.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { Command } from "commander";
import { readFrontMatter } from "../src/emit/front-matter.ts";
import type { FrontMatter } from "../src/model/release.ts";
import { countryCounts } from "../src/site/charts/country-counts.ts";
import { mapGeometry, worldMap } from "../src/site/charts/map.ts";
import { monthCounts, timeline, timelineSvg, yearTimeline } from "../src/site/charts/timeline.ts";
import { buildSiteIndex, type ReleaseItem } from "../src/site/collections.ts";
import { parseSiteConfig } from "../src/site/config.ts";

const opts = new Command()
  .option("--releases <n>", "releases to generate", "100000")
  .option("--content <dir>", "folder whose releases/ are copied", "content")
  .parse()
  .opts<{ releases: string; content: string }>();

const dir = join(opts.content, "releases");
const samples: FrontMatter[] = [];
for (const f of (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".md")).sort()) {
  const read = readFrontMatter(await readFile(join(dir, f), "utf8"));
  if (read.ok) samples.push(read.value);
}
// Copies of the sample over 25 years (about eleven a day); people and places renamed in groups so the archive has
// thousands of facet values, as a real one does.
const n = Number(opts.releases);
const start = Date.UTC(2000, 0, 1);
const items: ReleaseItem[] = Array.from({ length: n }, (_, i) => {
  const base = samples[i % samples.length]!;
  const date = new Date(start + Math.floor((i * 25 * 365.25) / n) * 86_400_000).toISOString().slice(0, 10);
  const group = i % 2000;
  const data: FrontMatter = {
    ...base,
    id: `${date}-copy-${i}`,
    date,
    people: base.people.map((p) => ({ ...p, id: `${p.id}-${group}` })),
    places: base.places.map((p) => `${p} ${group % 500}`),
  };
  return { url: `/releases/${date.replaceAll("-", "/")}/copy-${i}/`, inputPath: `copy-${i}.md`, data, digest: `copy-${i}` };
});

let t = performance.now();
const index = buildSiteIndex(items, parseSiteConfig({}), new Map());
const indexMs = performance.now() - t;
const values = Object.values(index.facets).flat();

const href = (p: string) => p;
t = performance.now();
let svgBytes = 0;
svgBytes += timelineSvg(timeline(monthCounts(index.releases.map((r) => r.data.date))), href, "t").length;
for (const v of values) svgBytes += timelineSvg(timeline(monthCounts(v.releases.map((r) => r.data.date))), href, "t").length;
for (const y of index.archive.years) svgBytes += timelineSvg(yearTimeline(y.year, new Map(y.months.map((m) => [`${m.year}-${m.month}`, m.count]))), href, "t").length;
const timelinesMs = performance.now() - t;

t = performance.now();
mapGeometry();
const projectMs = performance.now() - t;
t = performance.now();
const map = worldMap(countryCounts(index), href, "map-title");
const shadeMs = performance.now() - t;
const gzip = gzipSync(map.svg).length;

const charts = 1 + values.length + index.archive.years.length;
console.log(`${n.toLocaleString("en-US")} releases, ${values.length.toLocaleString("en-US")} facet values, ${index.archive.years.length} years (site index built in ${(indexMs / 1000).toFixed(2)} s)`);
console.log(`timelines: ${charts.toLocaleString("en-US")} charts in ${(timelinesMs / 1000).toFixed(2)} s (${((timelinesMs * 1000) / charts).toFixed(0)} µs a chart), ${(svgBytes / charts / 1024).toFixed(1)} KB of SVG a chart on average`);
console.log(`world map: projected in ${projectMs.toFixed(0)} ms (once per process), shaded in ${shadeMs.toFixed(0)} ms; ${map.rows.length} countries; ${(map.svg.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);

// The charts of the built sample: golden SVGs (UPDATE=1 rewrites them), every chart link resolves, every page that should have a chart has one.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { gzipSync } from "node:zlib";
import { buildSample, type SampleSite } from "./sample.ts";
import { pageLinks, siteFiles } from "./site-check.ts";

const FIXTURES = join(import.meta.dirname, "fixtures/charts");
const update = process.env["UPDATE"] === "1";

let site: SampleSite;
let files: string[];
before(async () => {
  site = await buildSample("communique-charts-");
  assert.equal(site.result.built, true, site.log.join("\n"));
  files = await siteFiles(site.output);
});
after(async () => {
  await site?.remove();
});

const read = (path: string) => readFile(join(site.output, path), "utf8");
const one = (html: string, pattern: RegExp, what: string) => {
  const found = html.match(pattern);
  assert.ok(found, `no ${what}`);
  return found[0];
};
const TIMELINE = /<svg class="timeline__svg"[\s\S]*?<\/svg>/;
const MAP = /<svg class="map__svg"[\s\S]*?<\/svg>/;
const CALENDAR = /<table class="calendar">[\s\S]*?<\/table>\s*<ul class="chart__legend chart__legend--calendar">[\s\S]*?<\/ul>/;

/** Compares with (or, with UPDATE=1, writes) a golden file. */
function golden(name: string, actual: string): void {
  const file = join(FIXTURES, name);
  if (update) {
    mkdirSync(FIXTURES, { recursive: true });
    writeFileSync(file, `${actual}\n`);
    return;
  }
  assert.ok(existsSync(file), `${file} is missing (UPDATE=1 writes it)`);
  assert.equal(`${actual}\n`, readFileSync(file, "utf8"), `${file} differs (UPDATE=1 rewrites it)`);
}

test("the sample's charts match their golden files", async () => {
  golden("home-timeline.svg", one(await read("index.html"), TIMELINE, "timeline on the home page"));
  golden("year-2021-timeline.svg", one(await read("archive/2021/index.html"), TIMELINE, "timeline on the 2021 page"));
  golden("topic-cybersecurity-timeline.svg", one(await read("topics/cybersecurity/index.html"), TIMELINE, "timeline on a topic page"));
  golden("person-christopher-painter-timeline.svg", one(await read("people/christopher-painter/index.html"), TIMELINE, "timeline on a person page"));
  golden("world-map.svg", one(await read("index.html"), MAP, "map on the home page"));
  golden("month-2021-05-calendar.html", one(await read("archive/2021/05/index.html"), CALENDAR, "heat-map calendar"));
});

test("the map is drawn once and is the same on the home page and the country index; its size", async (t) => {
  const home = one(await read("index.html"), MAP, "map on the home page");
  assert.equal(one(await read("countries/index.html"), MAP, "map on /countries/"), home);
  const gzip = gzipSync(home).length;
  t.diagnostic(`sample world map: ${(home.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
  console.log(`sample world map SVG: ${(home.length / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip`);
  assert.ok(gzip < 150 * 1024);
});

test("every page that should show a chart shows one: home, archive, years, facet values; months a heat map; the country index a map", async () => {
  const html = files.filter((f) => f.endsWith("/index.html") && !f.includes("/page/"));
  const want = (f: string) => /^\/(?:archive\/\d{4}\/|(?:types|offices|speakers|people|countries|topics|delegations|places)\/[^/]+\/)index\.html$/.test(f) || f === "/index.html" || f === "/archive/index.html";
  const pages = html.filter(want);
  assert.ok(pages.length > 100, `${pages.length} pages with a timeline`);
  for (const f of pages) assert.match(await read(f), TIMELINE, `${f} has a timeline`);
  for (const f of html.filter((f) => /^\/archive\/\d{4}\/\d{2}\/index\.html$/.test(f))) assert.match(await read(f), CALENDAR, `${f} has a heat-map calendar`);
  for (const f of ["/index.html", "/countries/index.html"]) assert.match(await read(f), MAP, `${f} has the map`);
  for (const f of ["/topics/index.html", `/releases/2014/08/26/joint-statement-on-united-states-republic-of-korea-bilateral-cyber-policy-consultations/index.html`]) {
    const page = await read(f);
    assert.doesNotMatch(page, /<svg class="(?:timeline|map)__svg"/, `${f} has no chart`);
  }
  for (const f of ["/search/index.html", `/releases/2014/08/26/joint-statement-on-united-states-republic-of-korea-bilateral-cyber-policy-consultations/index.html`]) {
    assert.doesNotMatch(await read(f), /assets\/charts\.css/, `${f} shows no chart and does not load their styles`);
  }
});

test("every bar, country and calendar link of every chart resolves to a built page; no inline style or script", async () => {
  const set = new Set(files);
  let checked = 0;
  const broken: string[] = [];
  for (const f of files.filter((x) => x.endsWith(".html"))) {
    const page = await read(f);
    for (const fragment of [...page.matchAll(/<figure class="chart[\s\S]*?<\/figure>/g), ...page.matchAll(new RegExp(CALENDAR.source, "g"))].map((m) => m[0])) {
      assert.doesNotMatch(fragment, /\sstyle=|<script|\son[a-z]+=/i, `${f}: a chart has inline style or script`);
      for (const link of pageLinks(fragment).links) {
        checked++;
        const path = new URL(link, "https://communique.example.org/").pathname;
        const target = path.endsWith("/") ? `${path}index.html` : path;
        if (!set.has(target.replace(/#.*$/, ""))) broken.push(`${f}: ${link}`);
      }
    }
  }
  assert.ok(checked > 300, `${checked} chart links checked`);
  assert.deepEqual(broken, []);
});

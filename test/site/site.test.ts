// The built sample archive as a whole: every page type exists and validates, no internal link is broken, feeds and data files parse.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { gzipSync } from "node:zlib";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { HtmlValidate } from "html-validate";
import { buildSample, SEED, type SampleSite } from "./sample.ts";
import { checkLinks, PAGE_TYPES, siteFiles, TRANSCRIPT } from "./site-check.ts";

let site: SampleSite;
let files: string[];
before(async () => {
  site = await buildSample("communique-site-check-");
  assert.equal(site.result.built, true, site.log.join("\n"));
  files = await siteFiles(site.output);
});
after(async () => {
  await site?.remove();
});

const read = (path: string) => readFile(join(site.output, path), "utf8");


test("every page type exists", () => {
  for (const [type, path] of Object.entries(PAGE_TYPES)) assert.ok(files.includes(path), `${type}: ${path}`);
  for (const path of ["/robots.txt", "/sitemap.xml", "/releases.json", "/releases.csv", "/datapackage.json", "/atom.xml", "/rss.xml", "/feed.json", `${SEED.url}index.json`]) {
    assert.ok(files.includes(path), path);
  }
  for (const facet of ["topics/cybersecurity", "countries/kr", "types/media-note"]) {
    for (const feed of ["atom.xml", "rss.xml", "feed.json"]) assert.ok(files.includes(`/${facet}/${feed}`), `${facet}/${feed}`);
  }
});

test("every HTML page passes html-validate (recommended rules)", async () => {
  // Release titles are the Department's own and are not shortened; the rest of the recommended rules apply.
  const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } });
  const failures: string[] = [];
  for (const path of files.filter((f) => f.endsWith(".html") && !f.startsWith("/pagefind/"))) {
    const report = await validator.validateString(await read(path), path);
    for (const result of report.results) for (const m of result.messages) failures.push(`${path}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`);
  }
  assert.deepEqual(failures, []);
});

test("the link checker finds no broken internal link in the whole site", async () => {
  const { pages, links, broken } = await checkLinks(site.output);
  assert.ok(pages > 100 && links > 1000, `${pages} pages, ${links} links checked`);
  assert.deepEqual(broken, []);
});

test("the sitemap lists every page, robots.txt points at it", async () => {
  const sitemap = await read("sitemap.xml");
  assert.equal(XMLValidator.validate(sitemap), true);
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  const pages = files.filter((f) => f.endsWith(".html") && f !== "/404.html" && !f.startsWith("/pagefind/")).map((f) => `https://communique.example.org${f.replace(/index\.html$/, "")}`);
  assert.deepEqual([...locs].sort(), pages.sort());
  assert.match(sitemap, new RegExp(`<loc>https://communique.example.org${SEED.url}</loc><lastmod>2014-08-26</lastmod>`));
  assert.equal(await read("robots.txt"), "User-agent: *\nAllow: /\n\nSitemap: https://communique.example.org/sitemap.xml\n");
});

test("feeds parse: Atom and RSS as XML, JSON Feed as JSON, latest first, linked from their pages", async () => {
  const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["entry", "item", "link", "category", "author"].includes(name) });
  for (const dir of ["/", "/topics/cybersecurity/", "/countries/kr/", "/types/media-note/"]) {
    const atomText = await read(`${dir}atom.xml`);
    assert.equal(XMLValidator.validate(atomText), true, `${dir}atom.xml`);
    const atom = xml.parse(atomText).feed;
    assert.equal(atom["@_xmlns"], "http://www.w3.org/2005/Atom");
    assert.ok(atom.entry.length >= 1 && atom.entry.length <= 50);
    const rssText = await read(`${dir}rss.xml`);
    assert.equal(XMLValidator.validate(rssText), true, `${dir}rss.xml`);
    const rss = xml.parse(rssText).rss;
    assert.equal(rss["@_version"], "2.0");
    assert.equal(rss.channel.item.length, atom.entry.length);
    const json = JSON.parse(await read(`${dir}feed.json`)) as { version: string; items: { url: string; date_published: string }[] };
    assert.equal(json.version, "https://jsonfeed.org/version/1.1");
    assert.equal(json.items.length, atom.entry.length);
    const dates = json.items.map((i) => i.date_published);
    assert.deepEqual(dates, [...dates].sort().reverse(), "newest first");
    const page = await read(`${dir}index.html`);
    for (const [type, file] of [["application/atom+xml", "atom.xml"], ["application/rss+xml", "rss.xml"], ["application/feed+json", "feed.json"]] as const) {
      assert.match(page, new RegExp(`<link rel="alternate" type="${type.replace("+", "\\+")}" title="[^"]+" href="${dir}${file}">`), `${dir} links its ${file}`);
    }
  }
  const main = JSON.parse(await read("feed.json")) as { items: unknown[] };
  const all = JSON.parse(await read("releases.json")) as unknown[];
  assert.equal(main.items.length, Math.min(50, all.length));
  const seedEntry = xml.parse(await read("topics/cybersecurity/atom.xml")).feed.entry.find((e: { title: string }) => e.title === SEED.title);
  assert.ok(seedEntry, "the seed is in the cybersecurity feed");
  assert.match(seedEntry.summary, /^The Governments of the United States and the Republic of Korea held/);
});

test("releases.json has every field; releases.csv and datapackage.json describe the same releases", async () => {
  const records = JSON.parse(await read("releases.json")) as Record<string, unknown>[];
  const seed = records.find((r) => r["url"] === SEED.url)!;
  for (const key of ["id", "url", "title", "date", "type", "office", "speakers", "transcriptSpeakers", "location", "preamble", "delegations", "countries", "people", "organizations", "places", "events", "topics", "source"]) {
    assert.ok(key in seed, key);
  }
  assert.deepEqual(seed["countries"], ["US", "KR", "NL"]);
  const pkg = JSON.parse(await read("datapackage.json")) as { name: string; resources: { name: string; path: string; schema?: { fields: { name: string }[] } }[] };
  assert.equal(pkg.name, "communique-releases");
  assert.deepEqual(pkg.resources.map((r) => r.path), ["releases.csv", "releases.json"]);
  const csv = await read("releases.csv");
  const header = csv.split("\r\n")[0]!.split(",");
  assert.deepEqual(header, pkg.resources[0]!.schema!.fields.map((f) => f.name));
  // One line per release plus the header (the sample's fields hold no line breaks).
  assert.equal(csv.trimEnd().split("\r\n").length, records.length + 1);
  assert.ok(csv.includes(`${seed["id"]},${SEED.url},${SEED.title},2014-08-26,Media Note,Office of the Spokesperson,`));
  const one = JSON.parse(await read(`${SEED.url}index.json`)) as { id: string; body: string };
  assert.equal(one.id, seed["id"]);
  assert.match(one.body, /^The Governments of the United States/);
});

test("a release page: metadata panel linked to facets, paragraph links, breadcrumbs, previous and next, source download", async () => {
  const html = await read(`${SEED.url}index.html`);
  assert.match(html, /<li><a href="\/archive\/">Archive<\/a><\/li>\s*<li><a href="\/archive\/2014\/">2014<\/a><\/li>\s*<li><a href="\/archive\/2014\/08\/">August<\/a><\/li>/);
  assert.match(html, /<a href="\/types\/media-note\/">Media Note<\/a>/);
  assert.match(html, /<a href="\/countries\/kr\/">Republic of Korea<\/a>/);
  assert.match(html, /<a href="\/topics\/cybersecurity\/">Cybersecurity<\/a>/);
  assert.match(html, /<a href="\/delegations\/us\/">United States<\/a><br>Led by <a href="\/people\/christopher-painter\/">Christopher Painter<\/a>/);
  assert.match(html, /<p id="p3" data-pagefind-title="Paragraph 3">Both sides .*<a class="pl" href="#p3" aria-label="Paragraph 3">¶<\/a><\/p>/);
  assert.match(html, /<a href="\/sources\/000_0399d071038372ee.txt" download>/);
  assert.equal(await readFile(join(site.output, "sources/000_0399d071038372ee.txt"), "latin1"), await readFile(join(site.sources, "000_0399d071038372ee.txt"), "latin1"));
  assert.match(html, /<nav class="pager" aria-label="Previous and next releases">/);
  assert.match(html, /rel="next"/);
  const transcript = await read(`${TRANSCRIPT}index.html`);
  assert.match(transcript, /<p id="p\d+" data-pagefind-title="Paragraph \d+" class="turn"><strong class="speaker">MS PORTER:<\/strong>.*<a class="pl" href="#p\d+" aria-label="Paragraph \d+">¶<\/a><\/p>/);
  assert.match(transcript, /rel="prev"/);
});

test("a release page carries Highwire, Dublin Core, Open Graph and schema.org metadata", async () => {
  const html = await read(`${SEED.url}index.html`);
  const absolute = `https://communique.example.org${SEED.url}`;
  for (const tag of [
    `<meta name="citation_title" content="${SEED.title}">`,
    `<meta name="citation_publication_date" content="2014/08/26">`,
    `<meta name="citation_public_url" content="${absolute}">`,
    `<meta name="DC.date" content="2014-08-26">`,
    `<meta name="DC.coverage" content="Republic of Korea">`,
    `<meta property="og:url" content="${absolute}">`,
    `<meta property="article:published_time" content="2014-08-26">`,
    `<link rel="canonical" href="${absolute}">`,
  ]) {
    assert.ok(html.includes(tag), tag);
  }
  const ld = JSON.parse(/<script type="application\/ld\+json">([^<]+)<\/script>/.exec(html)![1]!) as Record<string, unknown>;
  assert.equal(ld["@type"], "NewsArticle");
  assert.equal(ld["datePublished"], "2014-08-26");
  assert.equal(ld["dateline"], "Washington, DC");
  assert.deepEqual(ld["publisher"], { "@type": "GovernmentOrganization", name: "U.S. Department of State", url: "https://www.state.gov/" });
  assert.deepEqual((ld["about"] as { name: string }[]).map((a) => a.name), ["United States", "Republic of Korea", "Netherlands"]);
  assert.deepEqual((ld["mentions"] as { name: string }[]).map((a) => a.name), ["Christopher Painter", "Daniel Sepulveda", "Choi Sung-joo"]);
  assert.doesNotMatch(html, /<script>/, "no inline scripts");
});

test("facet pages: counts, newest first, a month's calendar", async () => {
  const topics = await read("topics/index.html");
  assert.match(topics, /<a href="\/topics\/cybersecurity\/">Cybersecurity<\/a> <span class="count">\(\d+\)<\/span>/);
  const country = await read("countries/kr/index.html");
  assert.match(country, /<h1>Country: Republic of Korea<\/h1>/);
  const month = await read("archive/2021/06/index.html");
  assert.match(month, /<table class="calendar">/);
  assert.match(month, /<a href="\/archive\/2021\/06\/#d03"><span class="calendar__n">3<\/span>/);
  assert.match(month, /<h2 id="d03">June 3, 2021/);
});

test("a release page's HTML and CSS weigh under 40 KB gzipped", async () => {
  const css = gzipSync(await readFile(join(site.output, "assets/site.css"))).length;
  const weights: [string, number][] = [];
  for (const path of files.filter((f) => f.startsWith("/releases/") && f.endsWith(".html"))) {
    weights.push([path, gzipSync(await readFile(join(site.output, path))).length + css]);
  }
  const seed = weights.find(([p]) => p === `${SEED.url}index.html`)![1];
  assert.ok(seed < 40 * 1024, `seed release: ${seed} bytes`);
  const heaviest = weights.sort((a, b) => b[1] - a[1])[0]!;
  assert.ok(heaviest[1] < 40 * 1024, `heaviest release page ${heaviest[0]}: ${heaviest[1]} bytes`);
});

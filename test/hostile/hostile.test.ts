// The hostile archive end to end: every bad source is reported or ingested as the same visible text, nothing is
// written outside the output folders, and no output (pages, feeds, JSON, CSV, citations) carries live markup.
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { after, before, test } from "node:test";
import { XMLParser } from "fast-xml-parser";
import { DomUtils, parseDocument } from "htmlparser2";
import type { Element } from "domhandler";
import { build } from "../../src/cli/build.ts";
import { SAMPLE_CONFIG } from "../site/sample.ts";
import { buildHostile, EXPECTED, type HostileSite, VISIBLE_BODY_TEXT } from "./site.ts";

let site: HostileSite;
before(async () => {
  site = await buildHostile();
});
after(async () => {
  await site?.remove();
});

/** Every file under `dir`, relative, with its bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), await readFile(join(e.parentPath, e.name)));
  }
  return out;
}

interface Outcome {
  path: string;
  item: number | null;
  status: string;
  id: string | null;
  diagnostics: { code: string; severity: string }[];
}

const titles = Object.values(EXPECTED).flatMap((e) => ("titles" in e ? e.titles : []));
const read = (path: string) => readFile(join(site.output, path), "utf8");

test("each hostile source is either reported with its code or ingested, and the site is still built", async () => {
  assert.equal(site.result.built, true, site.log.join("\n"));
  assert.equal(site.result.ok, false, "reported sources make the build not ok");
  const report = JSON.parse(await readFile(join(site.content, "ingest-report.json"), "utf8")) as { outcomes: Outcome[] };
  const releases = JSON.parse(await read("releases.json")) as { id: string; title: string; source: { path: string } }[];
  for (const [path, expected] of Object.entries(EXPECTED)) {
    const outcomes = report.outcomes.filter((o) => o.path === path);
    if ("reported" in expected) {
      assert.ok(outcomes.length > 0 && outcomes.every((o) => o.status === "reported"), `${path} is reported`);
      assert.ok(outcomes.some((o) => o.diagnostics.some((d) => d.code === expected.reported && d.severity === "error")), `${path} is ${expected.reported}`);
    } else {
      assert.deepEqual(outcomes.map((o) => o.status), expected.titles.map(() => "release"), path);
      assert.deepEqual(releases.filter((r) => r.source.path === path).map((r) => r.title).sort(), [...expected.titles].sort(), path);
      if (expected.info) assert.ok(outcomes[0]!.diagnostics.some((d) => d.code === expected.info), `${path} notes ${expected.info}`);
    }
  }
  assert.equal(releases.length, titles.length);
});

test("nothing is written outside the content and output folders, and no two releases share a file or page", async () => {
  // Beside the site, only the build's own cache (never published), whose file names no source chooses.
  assert.deepEqual((await readdir(site.dir)).sort(), ["content", "site", "site.cache", "sources"]);
  assert.deepEqual((await readdir(join(site.dir, "site.cache"))).sort(), ["citations.ndjson", "data-rows.bin", "file-stats.json", "front-matter.ndjson", "map-geometry.json", "minified-assets.json", "pages.json", "parsed-sources.v8", "release-files.json", "search-shards", "search.json"]);
  const files = [...(await tree(site.content)).keys()].filter((f) => f !== "ingest-report.json");
  for (const f of files) assert.match(f, /^releases\/\d{4}\/\d{2}\/\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/);
  assert.equal(files.length, titles.length, "one file per release");
  const urls = (JSON.parse(await read("releases.json")) as { url: string }[]).map((r) => r.url);
  assert.equal(new Set(urls).size, urls.length, "distinct pages");
  const all = await tree(site.output);
  for (const url of urls) assert.ok(all.has(`${url.slice(1)}index.html`), url);
  // The home page is the site's own, whatever a title or body says about permalinks.
  assert.match(await read("index.html"), /<h1>Latest releases<\/h1>/);
  // An external entity was never resolved: no line of /etc/passwd anywhere.
  for (const [path, bytes] of [...all, ...(await tree(site.content))]) assert.ok(!bytes.includes("root:x:0:0"), `${path} holds /etc/passwd`);
});

/** The dangerous things an HTML page must not hold, whatever its sources said. */
function liveMarkup(html: string): string[] {
  const doc = parseDocument(html);
  const problems: string[] = [];
  for (const el of DomUtils.findAll(() => true, doc.children) as Element[]) {
    const name = el.name.toLowerCase();
    if (name === "script") {
      const type = el.attribs["type"];
      if (type === "application/ld+json") JSON.parse(DomUtils.textContent(el));
      else if (!/^\/(assets|pagefind)\/[\w.-]+\.js$/.test(el.attribs["src"] ?? "")) problems.push(`script ${el.attribs["src"] ?? DomUtils.textContent(el).slice(0, 40)}`);
    }
    // The site's own charts are inline SVG: their elements are held to the same rules (no script, handler, style or
    // script link), and a source's SVG never gets that far (the sanitiser drops it).
    if (["iframe", "object", "embed", "style", "base", "frame", "img", "foreignobject", "math"].includes(name)) problems.push(`<${name}>`);
    if (name === "form" && el.attribs["action"] !== "/search/") problems.push(`form ${el.attribs["action"]}`);
    for (const [attr, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(attr) || attr === "style" || attr === "srcdoc") problems.push(`${name} ${attr}="${value}"`);
      if (["href", "src", "action", "formaction", "data", "xlink:href"].includes(attr) && /^\s*(javascript|data|vbscript):/i.test(value)) problems.push(`${name} ${attr}="${value}"`);
    }
  }
  return problems;
}

test("no page holds live markup from a source: no script, handler, style, frame or script link", async () => {
  const pages = [...(await tree(site.output)).keys()].filter((f) => f.endsWith(".html"));
  assert.ok(pages.length > 20);
  for (const page of pages) assert.deepEqual(liveMarkup(await read(page)), [], page);
});

test("titles and bodies show as the same text on release pages, in listings and in citations", async () => {
  const releases = JSON.parse(await read("releases.json")) as { title: string; url: string }[];
  const home = DomUtils.textContent(parseDocument(await read("index.html")));
  for (const r of releases) {
    const doc = parseDocument(await read(`${r.url.slice(1)}index.html`));
    const text = (selector: (e: Element) => boolean) => (DomUtils.findAll(selector, doc.children) as Element[]).map((e) => DomUtils.textContent(e));
    assert.deepEqual(text((e) => e.name === "h1"), [r.title], r.url);
    assert.ok(text((e) => e.name === "title")[0]!.startsWith(`${r.title} · `), r.url);
    assert.ok(home.includes(r.title), `home lists ${r.title}`);
    // Chicago, APA and MLA (HTML from citeproc), BibTeX, RIS and CSL-JSON: each gives the title back as written.
    const cites = text((e) => e.attribs["class"] === "cite__text");
    assert.equal(cites.length, 3);
    // citeproc's typography moves quotes and full stops around a title (`..“/../etc/passwd.”`), nothing else.
    const typeset = (t: string) => t.replace(/[“”‘’".]/g, "");
    for (const c of cites) assert.ok(typeset(c).includes(typeset(r.title)), `${r.url} citation ${c}`);
    const [bibtex, ris, csl] = text((e) => e.name === "pre" && "data-copy" in e.attribs);
    // BibTeX: LaTeX-escaped (no stray `%` comment, braces balanced) and holding the title's words. citation-js
    // writes ASCII only: letters outside Latin scripts are left out (docs/reliability.md, known limits).
    assert.doesNotMatch(bibtex!, /(^|[^\\])%/, `${r.url} BibTeX has a bare %`);
    assert.ok(balancedBraces(bibtex!), `${r.url} BibTeX braces`);
    for (const word of r.title.match(/[A-Za-z]{3,}/g) ?? []) assert.ok(bibtex!.includes(word), `${r.url} BibTeX lacks ${word}`);
    assert.ok(ris!.split("\n").includes(`TI  - ${r.title}`), `${r.url} RIS`);
    assert.equal((JSON.parse(csl!) as { title: string }[])[0]!.title, r.title, `${r.url} CSL`);
  }
  const pageText = (await Promise.all(releases.map(async (r) => DomUtils.textContent(parseDocument(await read(`${r.url.slice(1)}index.html`)))))).join("\n");
  for (const t of VISIBLE_BODY_TEXT) assert.ok(pageText.includes(t), `body text shown literally: ${t}`);
});

/** Whether `{` and `}` not escaped with a backslash pair up. */
function balancedBraces(tex: string): boolean {
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    if (tex[i] === "\\") i++;
    else if (tex[i] === "{") depth++;
    else if (tex[i] === "}" && --depth < 0) return false;
  }
  return depth === 0;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && csv[i + 1] === "\n") i++;
      row.push(field), rows.push(row), (row = []), (field = "");
    } else field += c;
  }
  if (field !== "" || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

test("feeds, JSON and CSV carry the titles as data, and feed summaries are text a reader cannot take for markup", async () => {
  const xml = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true, isArray: (name) => ["entry", "item"].includes(name) });
  const text = (v: unknown) => (typeof v === "object" && v !== null ? String((v as Record<string, unknown>)["#text"] ?? "") : String(v ?? ""));
  const atom = xml.parse(await read("atom.xml")) as { feed: { entry: { title: unknown; summary?: unknown; content?: unknown }[] } };
  assert.deepEqual(atom.feed.entry.map((e) => text(e.title)).sort(), [...titles].sort());
  for (const e of atom.feed.entry) {
    // Atom's title and summary are type="text" unless they say otherwise: nothing here says otherwise.
    for (const v of [e.title, e.summary, e.content]) if (typeof v === "object" && v !== null) assert.equal((v as Record<string, unknown>)["@_type"] ?? "text", "text");
  }
  const rss = xml.parse(await read("rss.xml")) as { rss: { channel: { item: { title: unknown; description?: unknown }[] } } };
  assert.deepEqual(rss.rss.channel.item.map((i) => text(i.title)).sort(), [...titles].sort());
  for (const i of rss.rss.channel.item) {
    // An RSS description is read as HTML: once read, it must be text only, no element at all.
    const html = text(i.description);
    assert.deepEqual(DomUtils.findAll(() => true, parseDocument(html).children).map((e) => e.name), [], `rss description of ${text(i.title)}: ${html}`);
  }
  const json = JSON.parse(await read("feed.json")) as { items: { title: string; content_html?: string }[] };
  assert.deepEqual(json.items.map((i) => i.title).sort(), [...titles].sort());
  assert.ok(json.items.every((i) => i.content_html === undefined), "JSON Feed items carry text, not HTML");
  const records = JSON.parse(await read("releases.json")) as { title: string; url: string }[];
  for (const r of records) assert.equal((JSON.parse(await read(`${r.url.slice(1)}index.json`)) as { title: string }).title, r.title);
  const [header, ...rows] = parseCsv(await read("releases.csv"));
  const col = header!.indexOf("title");
  assert.deepEqual(rows.map((r) => r[col]).sort(), [...titles].sort());
});

test("building the hostile archive twice gives byte-identical sites", async () => {
  const again = join(site.dir, "site-again");
  await build({ sources: site.sources, content: site.content, output: again, config: SAMPLE_CONFIG, log: () => {} });
  const [a, b] = [await tree(site.output), await tree(again)];
  assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
  for (const [path, bytes] of a) assert.ok(bytes.equals(b.get(path)!), `${path} differs between builds`);
});

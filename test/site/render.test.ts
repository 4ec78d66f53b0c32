// Rendering a hand-made content folder: everything is escaped, only releases/**/*.md are published, bodies are not templates.
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { stringify } from "yaml";
import { frontMatterOf } from "../../src/emit/markdown.ts";
import { parseRelease } from "../../src/ingest/parse-release.ts";
import { slugOf } from "../../src/site/facets.ts";
import { eleventyPathClash } from "../../src/site/paths.ts";
import { renderSite } from "../../src/site/render.ts";
import { SAMPLE_SOURCES } from "./sample.ts";

const SEED_SOURCE = "000_0399d071038372ee.txt";
const ID = "2014-08-26-escaping-test";
const URL_PATH = "releases/2014/08/26/escaping-test/index.html";

let dir: string;
let output: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "communique-render-"));
  const content = join(dir, "content");
  output = join(dir, "site");
  // Start from the seed's front matter as ingest makes it today, so the test follows the schema as it grows.
  const { release } = parseRelease(await readFile(join(SAMPLE_SOURCES, SEED_SOURCE)), { path: SEED_SOURCE });
  assert.ok(release, `${SEED_SOURCE} must parse`);
  const fm = {
    ...frontMatterOf(release),
    id: ID,
    title: `<script>alert("title")</script> & "Co"`,
    office: "Office <b>of</b> the Spokesperson",
    preamble: "<img src=x onerror=alert(1)>",
    revisions: [{ date: "2014-08-28", changes: "Title <changed>." }],
    corrected: { on: "2014-09-02", fields: ["type", "topics"] },
    places: ["Sana'a", "A & <B>"],
  };
  const body = [
    "Raw <i>HTML</i> stays text; \\*stars\\* and \\[brackets\\] are literal.",
    "{{ 7 * 7 }} and {% if true %}tags{% endif %} are not templates.",
    "**MR PRICE:** A turn.",
  ].join("\n\n");
  const files: Record<string, string> = {
    [`releases/2014/08/${ID}.md`]: `---\n${stringify(fm)}---\n\n${body}\n`,
    "README.md": "# Not a page\n",
    "notes/draft.md": "# Not a page either\n",
    "notes/page.njk": "<p>Not a template</p>\n",
    "sources/feed.md": "# A source, not a page\n",
    "ingest-report.json": "{}\n",
    [`corrections/${ID}.yaml`]: "type: Press Statement\ntopics: [cybersecurity]\n",
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(content, path)), { recursive: true });
    await writeFile(join(content, path), text);
  }
  await renderSite({ content, output, quiet: true });
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test("front matter and body text are escaped", async () => {
  const html = await readFile(join(output, URL_PATH), "utf8");
  assert.ok(!html.includes("<script>alert"), "title escaped");
  assert.ok(html.includes("<h1 data-pagefind-meta=\"title\">&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &quot;Co&quot;</h1>"));
  assert.ok(html.includes("<title>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &quot;Co&quot; · Communiqué</title>"));
  assert.ok(html.includes("Office &lt;b&gt;of&lt;/b&gt; the Spokesperson"));
  assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt;"));
  assert.ok(html.includes('<p id="p1" data-pagefind-title="Paragraph 1">Raw &lt;i&gt;HTML&lt;/i&gt; stays text; *stars* and [brackets] are literal. <a class="pl"'));
});

// List pages' titles were once escaped twice (Eleventy rendered the computed title, then the layout escaped it again).
test("a list page's title is escaped once", async () => {
  const html = await readFile(join(output, "places/sanaa/index.html"), "utf8");
  assert.ok(html.includes("<title>Place: Sana&#39;a · Communiqué</title>"), html.slice(0, 2000));
  assert.ok(html.includes("<h1>Place: Sana&#39;a</h1>"));
  const other = await readFile(join(output, `places/${slugOf("A & <B>")}/index.html`), "utf8");
  assert.ok(other.includes("<title>Place: A &amp; &lt;B&gt; · Communiqué</title>"));
});

test("a revised and corrected release says when it was last updated, and what changed", async () => {
  const html = await readFile(join(output, URL_PATH), "utf8");
  // The correction (September 2) is newer than the revision (August 28): it sets "last updated" and the metadata.
  assert.ok(html.includes('<p class="release__updated">Last updated <time datetime="2014-09-02">September 2, 2014</time>.</p>'));
  assert.ok(html.includes("Title &lt;changed&gt;."));
  assert.ok(html.includes('<meta property="article:modified_time" content="2014-09-02">'));
  assert.ok(html.includes(`Corrected by the archive's curators on <time datetime="2014-09-02">September 2, 2014</time>: type, topics.`));
});

test("release bodies are not run through a template language", async () => {
  const html = await readFile(join(output, URL_PATH), "utf8");
  assert.ok(html.includes('<p id="p2" data-pagefind-title="Paragraph 2">{{ 7 * 7 }} and {% if true %}tags{% endif %} are not templates. <a class="pl"'));
  assert.ok(html.includes('<p id="p3" data-pagefind-title="Paragraph 3" class="turn"><strong class="speaker">MR PRICE:</strong> A turn. <a class="pl"'));
});

test("dates stay calendar strings (front matter parsed with the yaml package)", async () => {
  const html = await readFile(join(output, URL_PATH), "utf8");
  assert.ok(html.includes('<time datetime="2014-08-26"'));
  const [record] = JSON.parse(await readFile(join(output, "releases.json"), "utf8")) as { date: string }[];
  assert.equal(record?.date, "2014-08-26");
});

test("only releases/**/*.md become pages", async () => {
  const files = (await readdir(output, { recursive: true })).filter((f) => f.endsWith(".html")).sort();
  // The one release, and the site's own pages: home, archive, its facets, search, 404.
  const releases = files.filter((f) => f.startsWith("releases/"));
  assert.deepEqual(releases, [URL_PATH]);
  for (const f of files) assert.match(f, /^(?:404\.html|index\.html|(?:archive|types|offices|speakers|people|countries|topics|delegations|places|search|releases)\/.*index\.html)$/, f);
  assert.ok(!files.some((f) => f.includes("notes") || f.includes("README")));
});

test("a content folder whose path begins with the working folder's text, outside it, stops the render with a clear reason", async () => {
  // Eleventy 3.1 misreads such a folder (src/site/paths.ts, eleventyPathClash): the render says so before it starts.
  const content = `${process.cwd()}-data/content`;
  await assert.rejects(renderSite({ content, output: join(dir, "clash-site") }), (e: Error) => e.message.includes(`the content folder ${content} begins with the text of the working folder ${process.cwd()}`));
  assert.equal(eleventyPathClash("/srv/site", "/srv/site-data/content") !== null, true);
  assert.equal(eleventyPathClash("/srv/site", "/srv/site/content"), null);
  assert.equal(eleventyPathClash("/srv/site", "/srv/other/content"), null);
  assert.equal(eleventyPathClash("/srv/site", "/srv/sit"), null);
});

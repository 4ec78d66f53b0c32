// An archive without releases (a new project, no sources yet) builds a site whose every link and asset resolves.
import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { build } from "../../src/cli/build.ts";
import { parseSiteConfig } from "../../src/site/config.ts";
import { checkLinks } from "./site-check.ts";

let dir: string;
let output: string;
const log: string[] = [];
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "communique-empty-"));
  const sources = join(dir, "sources");
  const content = join(dir, "content");
  await mkdir(sources);
  await cp(join(import.meta.dirname, "../../content/taxonomy"), join(content, "taxonomy"), { recursive: true });
  output = join(dir, "site");
  const result = await build({ sources, content, output, config: parseSiteConfig({ baseUrl: "https://communique.example.org" }), log: (line) => log.push(line) });
  assert.deepEqual(result, { ok: true, built: true }, log.join("\n"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test("an archive without releases builds, and every internal link, script and style of its pages resolves", async () => {
  assert.ok(log.some((l) => l.includes("0 release pages indexed for search")), log.join("\n"));
  const { pages, links, broken } = await checkLinks(output);
  assert.ok(pages >= 10 && links > 100, `${pages} pages, ${links} links checked`);
  assert.deepEqual(broken, []);
});

test("the search page of an archive without releases preloads no search bundle", async () => {
  const page = await readFile(join(output, "search/index.html"), "utf8");
  assert.match(page, /<link rel="modulepreload" href="\/assets\/search-engine\.js">/);
  assert.doesNotMatch(page, /pagefind\/all\//);
});

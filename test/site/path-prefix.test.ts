// A site deployed under a sub-path (/archive/): every link, asset, feed and sitemap URL carries the prefix and resolves.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { parseSiteConfig } from "../../src/site/config.ts";
import { buildSample, SEED, type SampleSite } from "./sample.ts";
import { checkLinks } from "./site-check.ts";

let site: SampleSite;
before(async () => {
  site = await buildSample("communique-prefix-", parseSiteConfig({ name: "State Archive", baseUrl: "https://example.gov", pathPrefix: "/archive/" }));
  assert.equal(site.result.built, true, site.log.join("\n"));
});
after(async () => {
  await site?.remove();
});

const read = (path: string) => readFile(join(site.output, path), "utf8");

test("every internal link resolves under /archive/, none escapes it", async () => {
  const { links, broken } = await checkLinks(site.output, "/archive/", "https://example.gov");
  assert.ok(links > 1000);
  assert.deepEqual(broken, []);
});

test("pages, feeds, sitemap and search use the prefix and the configured name", async () => {
  const home = await read("index.html");
  assert.match(home, /<link rel="stylesheet" href="\/archive\/assets\/site.css">/);
  assert.match(home, /<a class="site-name" href="\/archive\/">State Archive<\/a>/);
  assert.match(home, /<title>Latest releases · State Archive<\/title>/);
  assert.match(home, /<form class="site-search" role="search" action="\/archive\/search\/" method="get">/);
  const release = await read(`${SEED.url}index.html`);
  assert.match(release, new RegExp(`<link rel="canonical" href="https://example.gov/archive${SEED.url}">`));
  assert.match(await read("atom.xml"), new RegExp(`<link rel="alternate" type="text/html" href="https://example.gov/archive${SEED.url}"/>`));
  assert.match(await read("sitemap.xml"), new RegExp(`<loc>https://example.gov/archive${SEED.url}</loc>`));
  assert.match(await read("robots.txt"), /Sitemap: https:\/\/example.gov\/archive\/sitemap.xml/);
  assert.match(await read("search/index.html"), /data-base-url="\/archive\/" data-bundle="\/archive\/pagefind\/"/);
  const records = JSON.parse(await read("releases.json")) as { url: string }[];
  assert.ok(records.some((r) => r.url === `/archive${SEED.url}`));
});

// Search on a site deployed under a sub-path: Pagefind's bundle loads from /archive/pagefind/ and results link under /archive/.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { parseSiteConfig } from "../../src/site/config.ts";
import { buildSample, SEED, type SampleSite } from "../site/sample.ts";
import { browserSuite, launchChromium } from "./chromium.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

const NAME = "search under a path prefix finds and opens a release";

browserSuite([NAME], () => {
  let site: SampleSite;
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    site = await buildSample("communique-prefix-browser-", parseSiteConfig({ baseUrl: "http://127.0.0.1", pathPrefix: "/archive/" }));
    assert.equal(site.result.built, true, site.log.join("\n"));
    server = await serveStatic(site.output, "/archive/");
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await site?.remove();
  });

  test(NAME, async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/archive/`);
    await page.locator("#site-search-q").fill("cyber");
    await page.locator("#site-search-q").press("Enter");
    await page.waitForURL(`${server.url}/archive/search/?q=cyber`);
    const result = page.locator(".result__title a", { hasText: SEED.title });
    await result.first().waitFor({ timeout: 15_000 });
    await result.first().click();
    await page.waitForURL(`${server.url}/archive${SEED.url}?highlight=cyber`);
    assert.equal(await page.locator("h1").textContent(), SEED.title);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

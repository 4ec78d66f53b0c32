// Search in a real browser: build the sample, serve it, search with Pagefind's UI in Chromium and follow a result.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { buildSample, SEED, type SampleSite } from "../site/sample.ts";
import { CHROMIUM, CHROMIUM_MISSING as missing, launchChromium } from "./chromium.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

const SKIPPED = `browser tests skipped: ${CHROMIUM} not found`;

if (missing && process.env["CI"]) {
  test("browser tests need Chromium in CI", () => {
    assert.fail(`${CHROMIUM} not found; install it with: apt-get install -y --no-install-recommends chromium`);
  });
} else if (missing) {
  console.log(SKIPPED);
  test("search for a word and follow a result", { skip: SKIPPED }, () => {});
  test("the search box on the home page leads to results", { skip: SKIPPED }, () => {});
} else {
  let site: SampleSite;
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    site = await buildSample("communique-browser-");
    assert.equal(site.result.built, true, site.log.join("\n"));
    server = await serveStatic(site.output);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await site?.remove();
  });

  test("search for a word and follow a result", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/search/`);
    await page.locator(".pagefind-ui__search-input").fill("cyber");
    const result = page.locator(".pagefind-ui__result-link", { hasText: SEED.title });
    await result.first().waitFor({ timeout: 15_000 });
    await result.first().click();
    await page.waitForURL(`${server.url}${SEED.url}`);
    assert.equal(await page.locator("h1").textContent(), SEED.title);
    assert.equal(await page.locator("#p1").count(), 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the search box on the home page leads to results", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.locator("#site-search-q").fill("cyber");
    await page.locator("#site-search-q").press("Enter");
    await page.waitForURL(`${server.url}/search/?q=cyber`);
    const result = page.locator(".pagefind-ui__result-link", { hasText: SEED.title });
    await result.first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator(".pagefind-ui__search-input").inputValue(), "cyber");
    await page.close();
  });
}

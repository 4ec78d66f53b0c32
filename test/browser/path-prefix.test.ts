// Search on a site deployed under a sub-path: Pagefind's bundle loads from /archive/pagefind/ and results link under /archive/.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSiteConfig } from "../../src/site/config.ts";
import { SEED } from "../site/sample.ts";
import { browserSuite } from "./chromium.ts";
import { useSampleSite } from "./live-sample.ts";

const NAME = "search under a path prefix finds and opens a release";

browserSuite([NAME], () => {
  const live = useSampleSite("communique-prefix-browser-", parseSiteConfig({ baseUrl: "http://127.0.0.1", pathPrefix: "/archive/" }));

  test(NAME, async () => {
    const page = await live.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${live.server.url}/archive/`);
    await page.locator("#site-search-q").fill("cyber");
    await page.locator("#site-search-q").press("Enter");
    await page.waitForURL(`${live.server.url}/archive/search/?q=cyber`);
    const result = page.locator(".result__title a", { hasText: SEED.title });
    await result.first().waitFor({ timeout: 15_000 });
    await result.first().click();
    await page.waitForURL(`${live.server.url}/archive${SEED.url}?highlight=cyber`);
    assert.equal(await page.locator("h1").textContent(), SEED.title);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

// The search page keeps its whole state in the address: what the reader chooses (query, filter, range, sort, page)
// is written there, and a reload, back and forward, or the same link in a new tab show the same search again.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { browserSuite } from "./chromium.ts";
import { commonest, readTruth, settled } from "./search-truth.ts";
import { useSampleSite } from "./live-sample.ts";

const NAMES = ["choices go into the address and a reload restores them", "back and forward step through searches", "a shared link opens the same search"];

browserSuite(NAMES, () => {
  let office: string;
  const live = useSampleSite("communique-search-url-", undefined, async ({ site }) => {
    office = commonest(await readTruth(site.content), "office");
  });

  /** What the page shows: the form's fields, the checked filters, the status and the results' titles. */
  async function snapshot(page: Page) {
    await settled(page);
    return page.evaluate(() => ({
      q: (document.getElementById("search-q") as HTMLInputElement).value,
      from: (document.getElementById("search-from") as HTMLInputElement).value,
      to: (document.getElementById("search-to") as HTMLInputElement).value,
      sort: (document.getElementById("search-sort") as HTMLSelectElement).value,
      checked: [...document.querySelectorAll<HTMLInputElement>(".facet input:checked")].map((i) => `${i.name}=${i.value}`),
      status: document.querySelector(".search__status")?.textContent,
      results: [...document.querySelectorAll(".result__title")].map((t) => t.textContent),
      current: document.querySelector(".search__pager [aria-current=page]")?.textContent ?? "1",
    }));
  }

  /** Sets up a search through the page's own controls, one step at a time. */
  async function chooseEverything(page: Page) {
    await page.goto(`${live.server.url}/search/`);
    await page.locator("#search-q").fill("the");
    await page.locator("#search-q").press("Enter");
    await page.waitForURL(/\?q=the$/);
    await settled(page);
    await page.locator(".search__facets summary").click();
    await page.locator("fieldset.facet", { has: page.locator("legend", { hasText: "Office" }) }).getByLabel(new RegExp(`^${office} \\(`)).check();
    await page.waitForURL(/office=/);
    await page.locator("#search-from").fill("2014");
    await page.locator("#search-from").press("Enter");
    await page.waitForURL(/from=2014/);
    await page.locator("#search-sort").selectOption("oldest");
    await page.waitForURL(/sort=oldest/);
    await settled(page);
    await page.locator(".search__pager a", { hasText: "Next" }).click();
    await page.waitForURL(/page=2/);
    return snapshot(page);
  }

  test(NAMES[0]!, async () => {
    const page = await live.browser.newPage();
    const chosen = await chooseEverything(page);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get("q"), "the");
    assert.equal(url.searchParams.get("office"), office);
    assert.equal(url.searchParams.get("from"), "2014");
    assert.equal(url.searchParams.get("sort"), "oldest");
    assert.equal(url.searchParams.get("page"), "2");
    assert.equal(chosen.current, "2");
    assert.ok(chosen.results.length > 0);
    await page.reload();
    assert.deepEqual(await snapshot(page), chosen);
    await page.close();
  });

  test(NAMES[1]!, async () => {
    const page = await live.browser.newPage();
    const last = await chooseEverything(page);
    await page.goBack();
    const pageOne = await snapshot(page);
    assert.equal(pageOne.current, "1");
    assert.notDeepEqual(pageOne.results, last.results);
    await page.goBack();
    assert.equal((await snapshot(page)).sort, "relevance", "before the sort was chosen");
    await page.goForward();
    await page.goForward();
    assert.deepEqual(await snapshot(page), last);
    await page.close();
  });

  test(NAMES[2]!, async () => {
    const first = await live.browser.newPage();
    const chosen = await chooseEverything(first);
    const fresh = await live.browser.newContext();
    const other = await fresh.newPage();
    await other.goto(first.url());
    assert.deepEqual(await snapshot(other), chosen);
    await fresh.close();
    await first.close();
  });
});

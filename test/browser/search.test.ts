// Search in a real browser: build the sample, serve it, type a word, follow a result and a paragraph hit to the
// release with the words marked; the header box leads to results; without JavaScript the page says so.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { SEED } from "../site/sample.ts";
import { browserSuite } from "./chromium.ts";
import { settled, shownTotal } from "./search-truth.ts";
import { useSampleSite } from "./live-sample.ts";

const NAMES = [
  "search for a word and follow a result",
  "a paragraph hit links to its paragraph, where the words are marked",
  "the search box on the home page leads to results",
  "pages other than search load no search code until the header box is focused",
  "without JavaScript the search page says so and points to the browse pages",
  "common words are left out of a query, said so, and searched when quoted",
  "the open search page warms its engine up without fetching anything; a search in the address does not",
  "the search page fetches Pagefind's JS, the index's metadata and WebAssembly once, before Pagefind asks for them",
];

browserSuite(NAMES, () => {
  const live = useSampleSite("communique-browser-");

  /** The first bundle shards.json lists: its address and the files it names for preloading. */
  const firstBundle = async () => {
    const manifest = JSON.parse(await readFile(join(live.site.output, "pagefind/shards.json"), "utf8")) as { bundles: { path: string; preload: string[] }[] };
    return { bundle: `/pagefind/${manifest.bundles[0]!.path}`, preload: manifest.bundles[0]!.preload };
  };

  test(NAMES[0]!, async () => {
    const page = await live.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${live.server.url}/search/`);
    await page.getByLabel("Search releases", { exact: true }).first().waitFor();
    await page.locator("#search-q").pressSequentially("cyber", { delay: 30 });
    // Results come as you type: on a loaded machine a pause after "c" already shows (prefix) results, so wait for
    // the whole word's, which the status line names, and for the address to hold it.
    await page.waitForURL(/\/search\/\?q=cyber$/, { timeout: 15_000 });
    await page.locator(".search__status", { hasText: "“cyber”" }).waitFor({ timeout: 15_000 });
    const result = page.locator(".result__title a", { hasText: SEED.title });
    await result.first().waitFor({ timeout: 15_000 });
    assert.ok((await page.locator(".result mark").count()) > 0, "the excerpt marks the word");
    await result.first().click();
    await page.waitForURL(`${live.server.url}${SEED.url}?highlight=cyber`);
    assert.equal(await page.locator("h1").textContent(), SEED.title);
    assert.equal(await page.locator("#p1").count(), 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(NAMES[1]!, async () => {
    const page = await live.browser.newPage();
    await page.goto(`${live.server.url}/search/?q=cyber`);
    await settled(page);
    const hit = page.locator(".result", { hasText: SEED.title }).locator(".result__subs a").filter({ hasText: /^Paragraph 2$/ });
    assert.equal(await hit.count(), 1, "the seed's second paragraph is a hit");
    assert.match((await hit.getAttribute("href"))!, /\?highlight=cyber#p2$/);
    await hit.click();
    await page.waitForURL(`${live.server.url}${SEED.url}?highlight=cyber#p2`);
    await page.waitForSelector("#p2 mark.search-hit");
    const marked = await page.locator("#p2 mark.search-hit").allTextContents();
    assert.ok(marked.length >= 2 && marked.every((m) => /^cyber/i.test(m)), marked.join(", "));
    // The paragraph link (¶) is not statement text: never marked.
    assert.equal(await page.locator("a.pl mark").count(), 0);
    await page.close();
  });

  test(NAMES[2]!, async () => {
    const page = await live.browser.newPage();
    await page.goto(`${live.server.url}/`);
    await page.locator("#site-search-q").fill("cyber");
    await page.locator("#site-search-q").press("Enter");
    await page.waitForURL(`${live.server.url}/search/?q=cyber`);
    const result = page.locator(".result__title a", { hasText: SEED.title });
    await result.first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator("#search-q").inputValue(), "cyber");
    await page.close();
  });

  test(NAMES[3]!, async () => {
    const page = await live.browser.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${live.server.url}${SEED.url}`);
    await page.waitForLoadState("networkidle");
    assert.deepEqual(requested.filter((p) => p.startsWith("/pagefind/") || /\/assets\/search(?!-boot)/.test(p)), [], "nothing of search on a page view");
    const { bundle, preload } = await firstBundle();
    const prefetched = ["pagefind.js", ...preload].map((file) => page.waitForRequest((r) => new URL(r.url()).pathname === `${bundle}${file}`, { timeout: 10_000 }));
    await page.locator("#site-search-q").focus();
    // The first focus fetches Pagefind (from the first bundle the manifest lists) ahead of the search, with the
    // bundle's metadata and WebAssembly.
    await Promise.all(prefetched);
    await page.waitForLoadState("networkidle");
    assert.ok(!requested.some((p) => p.endsWith("pagefind-worker.js")), "no worker: Pagefind runs on the page");
    await page.close();
  });

  test(NAMES[4]!, async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${live.server.url}/search/?q=cyber`);
    const notice = page.locator(".search__notice");
    assert.match((await notice.textContent())!, /needs JavaScript/);
    assert.equal(await page.locator("form.search__form").isVisible(), false, "no form that cannot work");
    await notice.getByRole("link", { name: "archive by date" }).click();
    await page.waitForURL(`${live.server.url}/archive/`);
    await context.close();
  });

  test(NAMES[5]!, async () => {
    const page = await live.browser.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    // Only a common word: no search at all (a listing of every release is not "the releases containing the").
    await page.goto(`${live.server.url}/search/?q=the`);
    await settled(page);
    const notice = page.locator(".search__dropped");
    assert.equal(await notice.isVisible(), true);
    assert.match((await notice.textContent())!, /^“the” is too common and was left out; put words in double quotes to search for them exactly: "the"\.$/);
    assert.equal(await page.locator(".result").count(), 0);
    assert.equal(await page.locator(".search__status").textContent(), "");
    assert.ok(!requested.some((p) => p.includes("/index/")), "no index chunk fetched");
    // Beside other words, common ones change nothing: the same results as without them.
    await page.goto(`${live.server.url}/search/?q=cyber`);
    await settled(page);
    const cyber = await shownTotal(page);
    assert.ok(cyber > 0);
    assert.equal(await notice.isVisible(), false);
    await page.goto(`${live.server.url}/search/?q=${encodeURIComponent("The cyber of")}`);
    await settled(page);
    assert.equal(await shownTotal(page), cyber);
    assert.match((await notice.textContent())!, /^“the” and “of” are too common and were left out;/);
    assert.match((await page.locator(".search__status").textContent())!, /for “cyber”/);
    assert.equal(await page.locator(".result__title a").first().getAttribute("href").then((h) => new URL(h!, live.server.url).searchParams.get("highlight")), "cyber", "the landing page marks the words searched");
    // The notice's link searches the words as typed, as a phrase: "the" is then searched (every release has it).
    await page.goto(`${live.server.url}/search/?q=the`);
    await settled(page);
    await notice.getByRole("link", { name: '"the"' }).click();
    await page.waitForURL(`${live.server.url}/search/?q=%22the%22`);
    await settled(page);
    const releases = (JSON.parse(await readFile(join(live.site.output, "releases.json"), "utf8")) as unknown[]).length;
    assert.equal(await shownTotal(page), releases);
    assert.equal(await notice.isVisible(), false);
    await page.close();
  });

  test(NAMES[6]!, async () => {
    const page = await live.browser.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    const warmUps = async () => {
      await page.waitForFunction(() => performance.getEntriesByName("search:warm").length > 0, undefined, { timeout: 15_000 });
      return page.evaluate(() => (performance.getEntriesByName("search:warm")[0] as PerformanceMark).detail.searches as number);
    };
    await page.goto(`${live.server.url}/search/`);
    assert.equal(await warmUps(), 2);
    const opened = await page.evaluate(() => performance.getEntriesByName("search:index-open")[0]!.startTime);
    const warmed = await page.evaluate(() => performance.getEntriesByName("search:warm")[0]!.startTime);
    assert.ok(warmed > opened, "after the index opened");
    // Open means loaded: Pagefind's entry, metadata and WebAssembly were all in before the index was marked open.
    const loaded = await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => /pagefind-entry\.json|\.pf_meta$|wasm\.[\w-]+\.pagefind$/.test(e.name)).map((e) => (e as PerformanceResourceTiming).responseEnd));
    assert.equal(loaded.length, 3, "an entry, a metadata file and the WebAssembly");
    for (const end of loaded) assert.ok(end < opened, `loaded at ${end} ms, before the index was marked open at ${opened} ms`);
    assert.deepEqual(requested.filter((p) => /\/(index|filter|fragment)\//.test(p)), [], "no index, filter or fragment chunk");
    assert.equal(await page.locator(".result").count(), 0, "nothing drawn");
    assert.equal(await page.locator(".search__status").textContent(), "");
    // The warmed engine answers as a cold one: the same results as a search opened from its address.
    await page.locator("#search-q").fill("cyber");
    await page.locator("#search-q").press("Enter");
    await page.waitForURL(/\/search\/\?q=cyber$/);
    await settled(page);
    const warmTotal = await shownTotal(page);
    const warmTitles = await page.locator(".result__title a").allTextContents();
    await page.goto(`${live.server.url}/search/?q=cyber`);
    await settled(page);
    assert.equal(await warmUps(), 0, "a search asked for at arrival runs no warm-up");
    assert.equal(await shownTotal(page), warmTotal);
    assert.deepEqual(await page.locator(".result__title a").allTextContents(), warmTitles);
    await page.close();
  });

  test(NAMES[7]!, async () => {
    const { bundle, preload } = await firstBundle();
    const page = await live.browser.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${live.server.url}/search/?q=cyber`);
    await settled(page);
    assert.ok((await shownTotal(page)) > 0);
    // The manifest names them; the page asks for them as soon as it has read it, before Pagefind has read its entry
    // (which names them to Pagefind), and Pagefind's own requests are served from that preload: one request each.
    const entry = requested.indexOf(`${bundle}pagefind-entry.json`);
    assert.ok(entry > 0, "Pagefind read its entry");
    assert.deepEqual(preload.map((f) => f.replace(/_[0-9a-f]+\./, "_<hash>.")), ["pagefind.en_<hash>.pf_meta", "wasm.en.pagefind"]);
    for (const file of preload) {
      const at = requested.flatMap((p, i) => (p === `${bundle}${file}` ? [i] : []));
      assert.equal(at.length, 1, `${file} fetched once`);
      assert.ok(at[0]! < entry, `${file} asked for before Pagefind's entry`);
    }
    // Pagefind's JS is preloaded by the page itself, before the script has read the manifest, and used by its import.
    const script = requested.flatMap((p, i) => (p === `${bundle}pagefind.js` ? [i] : []));
    assert.equal(script.length, 1, "pagefind.js fetched once");
    assert.ok(script[0]! < requested.indexOf(`${bundle}${preload[0]}`), "pagefind.js asked for before the files the manifest names");
    await page.close();
  });
});

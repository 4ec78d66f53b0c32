// The search page with results shown: zero axe-core violations (light and dark), usable by keyboard alone, and no
// horizontal scrolling at 320 px wide.
import assert from "node:assert/strict";
import { test } from "node:test";
import { SEED } from "../site/sample.ts";
import { browserSuite } from "./chromium.ts";
import { settled } from "./search-truth.ts";
import { useSampleSite, readAxeSource } from "./live-sample.ts";

const NAMES = ["the search page with results, filters and pages has zero axe-core violations", "a search by keyboard alone", "at 320 px wide nothing scrolls sideways"];
/** Results, paragraph hits, every facet, a date range, and more than one page. */
const FULL = "/search/?q=%22the%22&from=2014&sort=newest";

browserSuite(NAMES, () => {
  let axeSource: string;
  const live = useSampleSite("communique-search-a11y-", undefined, async () => {
    axeSource = await readAxeSource();
  });

  test(NAMES[0]!, async () => {
    const failures: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      // axe-core is injected as an inline script, which the pages' CSP forbids (as it should): bypass it for the audit only.
      const context = await live.browser.newContext({ colorScheme, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${live.server.url}${FULL}`);
      await settled(page);
      assert.ok((await page.locator(".result__subs").count()) > 0, "paragraph hits shown");
      assert.ok(await page.locator(".search__pager").isVisible(), "pages shown");
      // A range error is part of the page too, and so is the notice of common words left out.
      for (const url of [FULL, "/search/?q=cyber&from=2021-13", "/search/?q=the+cyber"]) {
        await page.goto(`${live.server.url}${url}`);
        if (url === FULL) {
          await settled(page);
          // The filters, open, with their counts.
          await page.locator(".search__facets summary").click();
          await page.locator("fieldset.facet").first().waitFor();
        } else if (url.includes("from=")) await page.locator("#search-range-error").waitFor();
        else {
          await settled(page);
          await page.locator(".search__dropped").waitFor();
        }
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
          return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes[0]?.target)}`);
        });
        for (const v of violations) failures.push(`${colorScheme} ${url}: ${v}`);
      }
      await context.close();
    }
    assert.deepEqual(failures, []);
  });

  test(NAMES[1]!, async () => {
    const page = await live.browser.newPage();
    await page.goto(`${live.server.url}/search/`);
    await page.locator("#search-q").waitFor();
    // Skip link, then the header, to the page's own box: the keyboard reaches it in order.
    await page.locator("#search-q").focus();
    await page.keyboard.type("cyber");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\?q=cyber$/);
    await settled(page);
    // Tab forward to the first result's link and open it with Enter.
    let focused = "";
    for (let i = 0; i < 80 && !focused.includes(SEED.title); i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => (document.activeElement?.closest(".result__title") ? document.activeElement.textContent ?? "" : ""));
    }
    assert.equal(focused, SEED.title);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`${SEED.url}\\?highlight=cyber$`));
    await page.close();
  });

  test(NAMES[2]!, async () => {
    const page = await live.browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${live.server.url}${FULL}`);
    await settled(page);
    await page.locator(".search__facets summary").click();
    await page.locator("fieldset.facet").first().waitFor();
    const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(overflow.scroll <= overflow.client, `page is ${overflow.scroll}px wide in a ${overflow.client}px viewport`);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll("#search-app *")].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((e) => e.tagName + "." + e.className),
    );
    assert.deepEqual(wide, []);
    await page.close();
  });
});

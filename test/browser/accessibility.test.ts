// Every page type in a real browser: zero axe-core violations in light and dark schemes, charts at 320 px, copy buttons, and reading without JavaScript.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PALETTE } from "../../src/site/charts/palette.ts";
import { SEED } from "../site/sample.ts";
import { PAGE_TYPES } from "../site/site-check.ts";
import { browserSuite } from "./chromium.ts";
import { useSampleSite, readAxeSource } from "./live-sample.ts";

const TESTS = [
  "every page type has zero axe-core violations, light and dark",
  "charts at 320 px: the map scales, timelines scroll in their box, colours follow the scheme, links are named; axe finds nothing",
  "copy buttons copy a citation",
  "a release reads and browses without JavaScript",
];
/** The pages that show charts: timelines, the world map, a month's heat map. */
const CHART_PAGES = ["/", "/archive/", "/archive/2021/", "/archive/2021/05/", "/countries/", "/countries/kr/", "/topics/cybersecurity/", "/people/christopher-painter/"];

browserSuite(TESTS, () => {
  let axeSource: string;
  const live = useSampleSite("communique-a11y-", undefined, async () => {
    axeSource = await readAxeSource();
  });

  test(TESTS[0]!, async () => {
    const failures: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      // axe-core is injected as an inline script, which the pages' CSP forbids (as it should): bypass it for the audit only.
      const context = await live.browser.newContext({ colorScheme, bypassCSP: true });
      const page = await context.newPage();
      for (const [type, path] of Object.entries(PAGE_TYPES)) {
        await page.goto(`${live.server.url}${path.replace(/index\.html$/, "")}`);
        await page.addScriptTag({ content: axeSource });
        // Every rule axe runs by default: WCAG 2.0–2.2 A and AA, and its best practices.
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
          return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes[0]?.target)}`);
        });
        for (const v of violations) failures.push(`${colorScheme} ${type} ${path}: ${v}`);
      }
      await context.close();
    }
    assert.deepEqual(failures, []);
  });

  test(TESTS[1]!, async () => {
    const failures: string[] = [];
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await live.browser.newContext({ colorScheme, viewport: { width: 320, height: 800 }, bypassCSP: true });
      const page = await context.newPage();
      for (const path of CHART_PAGES) {
        await page.goto(`${live.server.url}${path}`);
        const layout = await page.evaluate(() => ({
          pageWidth: document.documentElement.scrollWidth,
          map: document.querySelector(".map__svg")?.getBoundingClientRect().width ?? null,
          boxes: [...document.querySelectorAll(".chart__scroll")].map((b) => b.getBoundingClientRect().right),
        }));
        if (layout.pageWidth > 320) failures.push(`${colorScheme} ${path}: the page scrolls sideways (${layout.pageWidth} px)`);
        if (layout.map !== null && !(layout.map > 250 && layout.map <= 320)) failures.push(`${colorScheme} ${path}: the map is ${layout.map} px wide`);
        for (const right of layout.boxes) if (right > 320) failures.push(`${colorScheme} ${path}: a timeline box ends at ${right} px`);
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
          return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes[0]?.target)}`);
        });
        for (const v of violations) failures.push(`${colorScheme} ${path} at 320 px: ${v}`);
      }
      // Shades come from charts.css, so they follow the reader's scheme (the fill attributes are only a fallback).
      await page.goto(`${live.server.url}/`);
      const us = page.locator(".map__svg").getByRole("link", { name: /^United States: \d+ releases$/ });
      assert.equal(await us.count(), 1, "the United States is a link named by its <title>");
      const fill = await us.locator("path").evaluate((el) => getComputedStyle(el).fill);
      assert.equal(fill, rgb(PALETTE[colorScheme][5]!.fill), `${colorScheme}: the most concerned country has the darkest shade`);
      await page.goto(`${live.server.url}/archive/2021/`);
      assert.equal(await page.getByRole("link", { name: "May 2021: 17 releases" }).count(), 1, "each bar is a link named with its month and count");
      await context.close();
    }
    assert.deepEqual(failures, []);
  });

  test(TESTS[2]!, async () => {
    const context = await live.browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: live.server.url });
    const page = await context.newPage();
    await page.goto(`${live.server.url}${SEED.url}`);
    const buttons = page.locator(".cite .copy-button");
    assert.equal(await buttons.count(), 6, "Chicago, APA, MLA, BibTeX, RIS, CSL-JSON");
    await page.getByRole("button", { name: "Copy Chicago" }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^Office of the Spokesperson\. “Joint Statement on United States-Republic of Korea/);
    assert.ok(!copied.includes("Copy"));
    await page.locator("#p2 a.pl").click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${live.server.url}${SEED.url}#p2`);
    assert.equal(new URL(page.url()).hash, "#p2");
    await context.close();
  });

  test(TESTS[3]!, async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${live.server.url}${SEED.url}`);
    assert.equal(await page.locator("h1").textContent(), SEED.title);
    assert.equal(await page.locator(".cite__text").count(), 3, "citations are in the page, not made by a script");
    await page.getByRole("link", { name: "Republic of Korea" }).first().click();
    await page.waitForURL(`${live.server.url}/countries/kr/`);
    assert.equal(await page.locator("h1").textContent(), "Country: Republic of Korea");
    await context.close();
  });
});

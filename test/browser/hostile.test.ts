// The hostile archive in a real browser: no injected payload runs on any page (the flag stays unset, no dialog, no
// CSP violation), payload text shows as text, and searching for it shows it as text too.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { buildHostile, type HostileSite } from "../hostile/site.ts";
import { browserSuite, launchChromium } from "./chromium.ts";
import { PageChecker, sitePages } from "./page-check.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

const PAYLOAD = "<script>window.__pwn()</script>";

browserSuite(["no payload of the hostile archive runs on any page"], () => {
  let site: HostileSite;
  let server: StaticServer;
  let browser: Browser;
  let checker: PageChecker;

  before(async () => {
    site = await buildHostile("communique-hostile-browser-");
    assert.equal(site.result.built, true, site.log.join("\n"));
    server = await serveStatic(site.output);
    browser = await launchChromium();
    checker = new PageChecker(browser);
  });

  after(async () => {
    await checker?.close();
    await browser?.close();
    await server?.close();
    await site?.remove();
  });

  test("the flag works: a page's own script can set it (control)", async () => {
    const r = await checker.visit(`${server.url}/`, (page) => page.evaluate(() => (window as unknown as { __pwn(): void }).__pwn()));
    assert.equal(r.pwned, true);
  });

  test("no payload of the hostile archive runs on any page, and payload text shows as text", async () => {
    const pages = await sitePages(site.output);
    assert.ok(pages.length > 20);
    const problems: string[] = [];
    for (const path of pages) {
      const r = await checker.visit(`${server.url}${path}`);
      if (r.pwned) problems.push(`${path}: a payload ran`);
      for (const p of [...r.violations, ...r.errors, ...r.dialogs]) problems.push(`${path}: ${p}`);
      if (path.startsWith("/releases/2021/08/0") && /script-window-pwn/.test(path)) assert.ok(r.text.includes(PAYLOAD), `${path} shows the payload as text`);
    }
    assert.deepEqual(problems, []);
  });

  test("the published sources are text, never run", async () => {
    for (const path of ["/sources/hostile.rss.txt", "/sources/hostile.atom.txt", "/sources/script-in-text.txt"]) {
      const r = await checker.visit(`${server.url}${path}`);
      assert.equal(r.pwned, false, path);
      assert.ok(r.text.includes("window.__pwn()"), `${path} shows its bytes`);
    }
  });

  test("search results show payload text as text and run nothing", async () => {
    const r = await checker.visit(`${server.url}/search/?q=${encodeURIComponent("Feed Title With")}`, async (page) => {
      await page.locator("main a[href^='/releases/']").first().waitFor({ timeout: 20_000 });
    });
    assert.equal(r.pwned, false);
    assert.deepEqual([...r.violations, ...r.errors, ...r.dialogs], []);
    assert.ok(r.text.includes(`${PAYLOAD} Feed Title With`), "the result's title shows the payload as text");
  });
});

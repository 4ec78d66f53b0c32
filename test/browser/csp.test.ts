// The Content-Security-Policy holds on every page of the built sample: no page, search included, trips it.
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { browserSuite } from "./chromium.ts";
import { PageChecker, sitePages } from "./page-check.ts";
import { useSampleSite } from "./live-sample.ts";

browserSuite(["no page of the sample violates its Content-Security-Policy"], () => {
  const live = useSampleSite("communique-csp-");

  test("every page carries the policy, without 'unsafe-inline' or 'unsafe-eval'", async () => {
    const pages = await sitePages(live.site.output);
    assert.ok(pages.length > 50, `only ${pages.length} pages`);
    for (const path of pages) {
      const html = await readFile(join(live.site.output, path.endsWith("/") ? `${path}index.html` : path), "utf8");
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      assert.ok(csp, `${path} has no policy`);
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/, path);
      assert.match(csp, /object-src 'none'/, path);
      assert.match(csp, /worker-src 'none'/, path);
      assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/, path);
      // What the policy forbids must not be in the page at all: inline handlers, style attributes, script bodies.
      assert.doesNotMatch(html, /\son[a-z]+=/i, `${path} has an inline event handler`);
      assert.doesNotMatch(html, /\sstyle=/i, `${path} has a style attribute`);
      assert.doesNotMatch(html, /<style[\s>]/i, `${path} has a style element`);
      for (const m of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (m[2]!.trim() !== "") assert.match(m[1]!, /type="application\/ld\+json"/, `${path} has an inline script`);
      }
    }
  });

  test("the check sees a violation when there is one (control page)", async () => {
    const policy = /<meta http-equiv="Content-Security-Policy"[^>]+>/.exec(await readFile(join(live.site.output, "index.html"), "utf8"))![0];
    await writeFile(join(live.site.output, "csp-control.html"), `<!DOCTYPE html><html><head>${policy}<script>window.__pwn()</script></head><body><p style="color: red">x</p><img src="/nowhere" onerror="window.__pwn()"></body></html>`);
    const checker = new PageChecker(live.browser);
    try {
      const r = await checker.visit(`${live.server.url}/csp-control.html`);
      assert.equal(r.pwned, false, "the policy blocked the inline script and handler");
      assert.ok(r.violations.some((v) => v.startsWith("script-src")), r.violations.join("\n"));
      assert.ok(r.violations.some((v) => v.startsWith("style-src")), r.violations.join("\n"));
    } finally {
      await checker.close();
    }
  });

  test("no page of the sample violates its Content-Security-Policy", async () => {
    const problems: string[] = [];
    const checker = new PageChecker(live.browser);
    try {
      for (const path of await sitePages(live.site.output)) {
        if (path === "/csp-control.html") continue;
        const r = await checker.visit(`${live.server.url}${path}`);
        for (const v of [...r.violations, ...r.errors]) problems.push(`${path}: ${v}`);
      }
    } finally {
      await checker.close();
    }
    assert.deepEqual(problems, []);
  });

  test("searching runs Pagefind (WebAssembly, no worker) within the policy", async () => {
    const checker = new PageChecker(live.browser);
    try {
      const r = await checker.visit(`${live.server.url}/search/?q=cyber`, async (page) => {
        await page.locator("main a[href^='/releases/']").first().waitFor({ timeout: 20_000 });
      });
      assert.deepEqual([...r.violations, ...r.errors], []);
      assert.match(r.text, /Cyber/);
    } finally {
      await checker.close();
    }
  });
});

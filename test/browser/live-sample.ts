// Test helper: a browser suite's set-up — the sample built, served and opened in Chromium before its tests, all closed after.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { after, before } from "node:test";
import type { Browser } from "playwright-core";
import type { SiteConfig } from "../../src/site/config.ts";
import { buildSample, SAMPLE_CONFIG, type SampleSite } from "../site/sample.ts";
import { launchChromium } from "./chromium.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

/** The built sample, its server and the browser; filled by the suite's first `before` hook, read inside tests. */
export interface LiveSample {
  site: SampleSite;
  server: StaticServer;
  browser: Browser;
}

/**
 * Registers the hooks that build the sample into a temporary folder named from `prefix` (with `config`, served under
 * `config.pathPrefix`), serve it and launch Chromium before the suite's tests, then run the suite's own `prepare`, and
 * close all three after them. (One hook, not one per suite: Node 20 does not wait for a top-level `before` hook to
 * end before starting the next.)
 */
export function useSampleSite(prefix: string, config: SiteConfig = SAMPLE_CONFIG, prepare?: (live: LiveSample) => Promise<void>): LiveSample {
  const live = {} as LiveSample;
  before(async () => {
    live.site = await buildSample(prefix, config);
    assert.equal(live.site.result.built, true, live.site.log.join("\n"));
    live.server = await serveStatic(live.site.output, config.pathPrefix);
    live.browser = await launchChromium();
    await prepare?.(live);
  });
  after(async () => {
    await live.browser?.close();
    await live.server?.close();
    await live.site?.remove();
  });
  return live;
}

/** axe-core's script, to inject into a page for an accessibility check. */
export function readAxeSource(): Promise<string> {
  return readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
}

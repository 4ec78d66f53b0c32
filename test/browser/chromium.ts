// Test helper: Debian's Chromium for the browser tests (never a downloaded browser), and how to skip without it.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium: these tests never download a browser. */
export const CHROMIUM = "/usr/bin/chromium";
/** Whether the browser is missing (tests are skipped, or fail under CI). */
export const CHROMIUM_MISSING = !existsSync(CHROMIUM);

/** Starts headless Chromium. Without the networking flags it keeps calling hosts this machine cannot reach. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** Why the tests of a suite are skipped when Chromium is missing. */
const SKIPPED = `browser tests skipped: ${CHROMIUM} not found`;

/**
 * Declares a browser suite: `define` declares its tests when Chromium is here. Without Chromium each named test is
 * skipped, except under CI, where one failing test says the browser is missing.
 */
export function browserSuite(names: readonly string[], define: () => void): void {
  if (CHROMIUM_MISSING && process.env["CI"]) {
    test("browser tests need Chromium in CI", () => assert.fail(`${CHROMIUM} not found; install it with: apt-get install -y --no-install-recommends chromium`));
  } else if (CHROMIUM_MISSING) {
    console.log(SKIPPED);
    for (const name of names) test(name, { skip: SKIPPED }, () => {});
  } else {
    define();
  }
}

// Test helper: Debian's Chromium for the browser tests (never a downloaded browser), and how to skip without it.
import { existsSync } from "node:fs";
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

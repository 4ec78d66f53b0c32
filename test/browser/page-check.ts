// Test helper: visit a built page in Chromium and collect what must never happen there: CSP violations, page
// errors, console errors, dialogs, and the hostile suite's flag being set by any script it did not load itself.
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { Browser, Page } from "playwright-core";

/** What went wrong on one page. Empty arrays and `pwned: false` mean a clean page. */
export interface PageReport {
  violations: string[];
  errors: string[];
  dialogs: string[];
  pwned: boolean;
}

/**
 * Registered before any page script: records `securitypolicyviolation` events, and defines the global flag
 * `window.__pwned` plus a `__pwn()` setter that hostile payloads call. Only a script that runs can set it.
 */
const INIT = `
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sourceFile || "") + ":" + e.lineNumber));
  window.__pwned = false;
  window.__pwn = () => { window.__pwned = true; };
`;

/** Every HTML file of a built site, as site paths (`/releases/…/`, `/404.html`). */
export async function sitePages(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const rel = relative(root, join(entry.parentPath, entry.name)).split(sep).join("/");
    out.push(`/${rel.replace(/(^|\/)index\.html$/, "$1")}`);
  }
  return out.sort();
}

/**
 * One browser tab with the checks in place, reused from page to page (a new tab per page costs more than the
 * page itself). `visit` navigates, lets `act` interact, and returns what went wrong there.
 */
export class PageChecker {
  private page: Page | null = null;
  private report: PageReport = { violations: [], errors: [], dialogs: [], pwned: false };

  constructor(private readonly browser: Browser) {}

  private async open(): Promise<Page> {
    if (this.page) return this.page;
    const page = await this.browser.newPage();
    await page.addInitScript(INIT);
    page.on("pageerror", (e) => this.report.errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") this.report.errors.push(m.text());
    });
    page.on("dialog", (d) => {
      this.report.dialogs.push(d.message());
      void d.dismiss();
    });
    this.page = page;
    return page;
  }

  async visit(url: string, act?: (page: Page) => Promise<void>): Promise<PageReport & { text: string }> {
    const page = await this.open();
    this.report = { violations: [], errors: [], dialogs: [], pwned: false };
    const response = await page.goto(url, { waitUntil: "load" });
    // The 404 page is served with status 404; Chromium logs that as a console error of its own.
    if (response?.status() === 404) this.report.errors = this.report.errors.filter((e) => !/status of 404/.test(e));
    if (act) await act(page);
    // Deferred scripts have run by "load"; a tick more lets image error handlers and timers have their chance.
    await page.waitForTimeout(20);
    const state = await page.evaluate(() => {
      const w = window as unknown as { __violations: string[]; __pwned: boolean };
      return { violations: w.__violations, pwned: w.__pwned, text: document.body?.innerText ?? document.documentElement.textContent ?? "" };
    });
    return { ...this.report, violations: [...this.report.violations, ...state.violations], pwned: state.pwned, text: state.text };
  }

  async close(): Promise<void> {
    await this.page?.close();
    this.page = null;
  }
}

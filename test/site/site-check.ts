// Test helper: reads a built site — its pages, and every internal link and fragment in them — for the link checker.
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { Parser } from "htmlparser2";
import { SEED } from "./sample.ts";

/** A transcript in the sample (speaker turns). */
export const TRANSCRIPT = "/releases/2021/06/02/department-press-briefing-june-2-2021/";

/** One page of each type: the pages html-validate and the browser tests check. */
export const PAGE_TYPES: Record<string, string> = {
  home: "/index.html",
  release: `${SEED.url}index.html`,
  transcript: `${TRANSCRIPT}index.html`,
  "archive index": "/archive/index.html",
  year: "/archive/2021/index.html",
  month: "/archive/2021/06/index.html",
  "type index": "/types/index.html",
  type: "/types/media-note/index.html",
  office: "/offices/office-of-the-spokesperson/index.html",
  speaker: "/speakers/antony-blinken/index.html",
  "people index": "/people/index.html",
  person: "/people/christopher-painter/index.html",
  "country index": "/countries/index.html",
  country: "/countries/kr/index.html",
  "topic index": "/topics/index.html",
  topic: "/topics/cybersecurity/index.html",
  delegation: "/delegations/kr/index.html",
  place: "/places/seoul/index.html",
  search: "/search/index.html",
  "not found": "/404.html",
};


/** Every file of a built site, as site paths (`/archive/index.html`), sorted. */
export async function siteFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.push(`/${relative(root, join(entry.parentPath, entry.name)).split(sep).join("/")}`);
  }
  return out.sort();
}

/** The links (`href`, `src`) and element ids of one HTML page. */
export function pageLinks(html: string): { links: string[]; ids: Set<string> } {
  const links: string[] = [];
  const ids = new Set<string>();
  const parser = new Parser({
    onopentag(name, attrs) {
      if (attrs["id"]) ids.add(attrs["id"]);
      if (name === "a" && attrs["name"]) ids.add(attrs["name"]);
      for (const attr of ["href", "src", "action"]) {
        const value = attrs[attr];
        if (value !== undefined && !(name === "link" && attrs["rel"] === "schema.DC")) links.push(value);
      }
    },
  });
  parser.write(html);
  parser.end();
  return { links, ids };
}

/** A broken link: the page it is on and what it points at. */
export interface BrokenLink {
  page: string;
  link: string;
  reason: string;
}

/**
 * Checks every internal link of every HTML page under `root`: the target file exists (a folder means its
 * index.html) and, with a fragment, the target page has that id. The site is served under `prefix` (`/` or
 * `/archive/`): an internal link must start with it. Links to other hosts are not followed.
 */
export async function checkLinks(root: string, prefix = "/", origin = "https://communique.example.org"): Promise<{ pages: number; links: number; broken: BrokenLink[] }> {
  const files = new Set(await siteFiles(root));
  const idsOf = new Map<string, Set<string>>();
  const parsed = new Map<string, ReturnType<typeof pageLinks>>();
  const read = async (path: string) => {
    let page = parsed.get(path);
    if (!page) parsed.set(path, (page = pageLinks(await readFile(join(root, path), "utf8"))));
    idsOf.set(path, page.ids);
    return page;
  };
  const broken: BrokenLink[] = [];
  let count = 0;
  const pages = [...files].filter((f) => f.endsWith(".html"));
  for (const page of pages) {
    const pageUrl = new URL(`${prefix.slice(0, -1)}${page.replace(/index\.html$/, "")}`, origin);
    for (const link of (await read(page)).links) {
      const url = new URL(link, pageUrl);
      if (url.origin !== origin || !/^https?:$/.test(url.protocol)) continue;
      count++;
      if (!url.pathname.startsWith(prefix)) {
        broken.push({ page, link, reason: `outside the path prefix ${prefix}` });
        continue;
      }
      let target = `/${decodeURIComponent(url.pathname.slice(prefix.length))}`;
      if (target.endsWith("/")) target += "index.html";
      if (!files.has(target)) {
        broken.push({ page, link, reason: "no such file" });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith(".html") && !(await read(target)).ids.has(fragment)) broken.push({ page, link, reason: `no id "${fragment}" in ${target}` });
    }
  }
  return { pages: pages.length, links: count, broken };
}

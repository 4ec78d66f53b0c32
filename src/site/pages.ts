// Eleventy plugin: the site pages in templates/pages/ as virtual templates (the only templates), and templates/assets/ in /assets/ (scripts and styles minified).
import type UserConfig from "@11ty/eleventy/UserConfig";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { transformSync, version as esbuildVersion } from "esbuild";
import { ASSETS_DIR, inputDirectory, PAGES_DIR } from "./paths.ts";
import { readJsonFile, writeFileAtomicSync } from "./site-files.ts";

/** Folder name the pages take inside the (virtual) input folder; nothing is ever written there. */
export const VIRTUAL_PAGES_DIR = "_communique-pages";
/** Likewise for the minified scripts and styles. */
const VIRTUAL_ASSETS_DIR = "_communique-assets";

/**
 * Adds every `templates/pages/*.njk` as a virtual template, so the content folder holds only data and any content
 * folder (a temporary one in tests) gets the same pages. Each page sets its own permalink and layout. Release
 * pages are not Eleventy's (src/site/release-pages.ts): nothing in the content folder is a template, so a stray
 * Nunjucks file there (notes, a draft) is skipped, not published.
 */
export default function pagesPlugin(eleventyConfig: UserConfig): void {
  const input = inputDirectory(eleventyConfig);
  eleventyConfig.addPreprocessor("site-pages-only", "njk", function (this: { inputPath: string }) {
    return eleventyConfig.isVirtualTemplate(relative(input, this.inputPath).split(sep).join("/")) ? undefined : false;
  });
  // Releases are read by renderSite, sources and corrections by ingest: skip walking them at all.
  for (const folder of ["releases", "sources", "corrections"]) eleventyConfig.ignores.add(`${input}${folder}/**`);
  for (const name of readdirSync(PAGES_DIR).filter((f) => f.endsWith(".njk")).sort()) {
    eleventyConfig.addTemplate(`${VIRTUAL_PAGES_DIR}/${name}`, readFileSync(join(PAGES_DIR, name), "utf8"));
  }
  // Scripts and styles are minified (esbuild, each file on its own: the modules still import one another): the
  // search page's first search is counted in bytes (docs/search.md), and its own files were 19 KB of it, 11 KB
  // minified. The rest (the icon) is copied; passthrough paths are relative to the project root, not the input folder.
  for (const [name, code] of minifiedAssets()) {
    // A Nunjucks template (the only format the site renders) that outputs the code as it is.
    if (code.includes("endraw")) throw new Error(`${name}: "endraw" in an asset would end its raw block`);
    eleventyConfig.addTemplate(`${VIRTUAL_ASSETS_DIR}/${name}.njk`, `{% raw %}${code}{% endraw %}`, { permalink: `/assets/${name}`, eleventyExcludeFromCollections: true });
  }
  for (const name of readdirSync(ASSETS_DIR).filter((f) => !MINIFIED[extname(f)])) {
    eleventyConfig.addPassthroughCopy({ [relative(process.cwd(), join(ASSETS_DIR, name))]: `assets/${name}` });
  }
}

/** The assets minified, by extension, with esbuild's loader for each. */
const MINIFIED: Record<string, "js" | "css"> = { ".js": "js", ".css": "css" };

/**
 * The text of each asset file as read, its minified code and that code's key in {@link MINIFIED_CACHE_FILE}: kept for
 * the process's later builds while unchanged.
 */
const minified = new Map<string, { text: string; code: string; key: string }>();

/** esbuild's options for an asset (its loader aside): part of the key of what {@link MINIFIED_CACHE_FILE} keeps. */
const MINIFY_OPTIONS = { minify: true, legalComments: "none" } as const;

/**
 * Minified code kept between builds in the build's cache folder, by the SHA-256 of esbuild's version, the options,
 * the loader and the asset's text: starting esbuild and minifying every asset took about 0.2 s of each build.
 */
export const MINIFIED_CACHE_FILE = "minified-assets.json";

/**
 * The scripts and styles of templates/assets/, minified (esbuild, about 0.2 s for them all), by file name in name
 * order; with `cache` (the build's cache folder), taken from there when their text is unchanged, and kept there. The
 * render thread calls it while ingest runs (src/cli/render-worker.ts), so the render finds them done.
 */
export function minifiedAssets(cache?: string): [string, string][] {
  const file = cache === undefined ? undefined : join(cache, MINIFIED_CACHE_FILE);
  const stored = file === undefined ? {} : readMinifiedCache(file);
  let computed = false;
  const assets = readdirSync(ASSETS_DIR)
    .sort()
    .flatMap((name): [string, string][] => {
      const loader = MINIFIED[extname(name)];
      if (!loader) return [];
      const text = readFileSync(join(ASSETS_DIR, name), "utf8");
      let done = minified.get(name);
      if (done?.text !== text) {
        const key = createHash("sha256").update(JSON.stringify([esbuildVersion, MINIFY_OPTIONS, loader, text])).digest("base64url");
        const kept = stored[key];
        const code = typeof kept === "string" ? kept : transformSync(text, { loader, ...MINIFY_OPTIONS }).code;
        computed ||= typeof kept !== "string";
        done = { text, code, key };
        minified.set(name, done);
      }
      return [[name, done.code]];
    });
  if (file !== undefined && computed) {
    // Only this build's assets are kept; written whole, under a temporary name first.
    writeFileAtomicSync(file, JSON.stringify(Object.fromEntries([...minified.values()].map(({ key, code }) => [key, code]))));
  }
  return assets;
}

/** The minified code kept by key, or nothing when the file is missing or damaged. */
function readMinifiedCache(file: string): Record<string, unknown> {
  const read = readJsonFile(file);
  return read && typeof read === "object" && !Array.isArray(read) ? (read as Record<string, unknown>) : {};
}

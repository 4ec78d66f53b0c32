// Eleventy plugin: the site pages in templates/pages/ as virtual templates (the only templates), and templates/assets/ in /assets/ (scripts and styles minified).
import type UserConfig from "@11ty/eleventy/UserConfig";
import { readdirSync, readFileSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { transformSync } from "esbuild";
import { ASSETS_DIR, inputDirectory, PAGES_DIR } from "./paths.ts";

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

/** The text of each asset file as read, and its minified code: kept for the process's later builds while unchanged. */
const minified = new Map<string, { text: string; code: string }>();

/**
 * The scripts and styles of templates/assets/, minified (esbuild, about 0.2 s for them all), by file name in name
 * order. The render thread calls it while ingest runs (src/cli/render-worker.ts), so the render finds them done.
 */
export function minifiedAssets(): [string, string][] {
  return readdirSync(ASSETS_DIR)
    .sort()
    .flatMap((name): [string, string][] => {
      const loader = MINIFIED[extname(name)];
      if (!loader) return [];
      const text = readFileSync(join(ASSETS_DIR, name), "utf8");
      let done = minified.get(name);
      if (done?.text !== text) minified.set(name, (done = { text, code: transformSync(text, { loader, minify: true, legalComments: "none" }).code }));
      return [[name, done.code]];
    });
}

// Where the site's own files live in the repository: the Eleventy config, templates, pages and assets.
import { sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

/**
 * The repository's Eleventy configuration file: `.eleventy.ts` (load it with tsx registered), or its compiled module
 * when this code runs compiled (bin/runtime.js), which shares this thread's instances of the site's modules.
 */
export const CONFIG_PATH = import.meta.compiledUrl ? fileURLToPath(new URL("./.eleventy.mjs", import.meta.compiledUrl)) : root(".eleventy.ts");
/** Nunjucks layouts, partials, pages and assets; independent of the content folder being built. */
export const TEMPLATES_DIR = root("templates");
/** Site pages (home, archive, search, datapackage.json, 404), added to Eleventy as virtual templates. */
export const PAGES_DIR = root("templates/pages");
/** The site configuration read when no other is given (name, base URL, path prefix): see docs/site.md. */
export const SITE_CONFIG_PATH = root("communique.config.json");
/** Citation styles (CSL) the release pages format their "Cite this" block with. */
export const CSL_DIR = root("src/site/csl");
/** CSS and JavaScript copied to `/assets/` in the output. */
export const ASSETS_DIR = root("templates/assets");

/** The input (content) folder Eleventy is building, as Eleventy spells it (`./content/`, with a trailing slash). */
export function inputDirectory(eleventyConfig: { directories: object }): string {
  // UserConfig types `directories` as a plain object; Eleventy sets `input` before any plugin runs.
  return (eleventyConfig.directories as { input: string }).input;
}

/**
 * Eleventy 3.1 takes a path for one inside the working folder when the working folder's path is a prefix of its text
 * (`/srv/site` of `/srv/site-data/content`): it strips that prefix from its templates' paths, loses them all and
 * fails with "entry._pages is not iterable". Why a content folder would meet this, or null.
 */
export function eleventyPathClash(cwd: string, content: string): string | null {
  if (!content.startsWith(cwd) || content === cwd || content.startsWith(`${cwd}${sep}`)) return null;
  return `the content folder ${content} begins with the text of the working folder ${cwd} without being inside it, which Eleventy 3.1 misreads; run the command from another folder, or rename one of them`;
}

// Where the site's own files live in the repository: the Eleventy config, templates, pages and assets.
import { fileURLToPath } from "node:url";

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

/** The repository's Eleventy configuration file (TypeScript: load it with tsx registered). */
export const CONFIG_PATH = root(".eleventy.ts");
/** Nunjucks layouts, partials, pages and assets; independent of the content folder being built. */
export const TEMPLATES_DIR = root("templates");
/** Site pages (home, archive, search, releases.json, 404), added to Eleventy as virtual templates. */
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

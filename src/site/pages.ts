// Eleventy plugin: the site pages in templates/pages/ as virtual templates, and templates/assets/ copied to /assets/.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ASSETS_DIR, PAGES_DIR } from "./paths.ts";

/** Folder name the pages take inside the (virtual) input folder; nothing is ever written there. */
export const VIRTUAL_PAGES_DIR = "_communique-pages";

/**
 * Adds every `templates/pages/*.njk` as a virtual template, so the content folder holds only data and any content
 * folder (a temporary one in tests) gets the same pages. Each page sets its own permalink and layout.
 */
export default function pagesPlugin(eleventyConfig: UserConfig): void {
  for (const name of readdirSync(PAGES_DIR).filter((f) => f.endsWith(".njk")).sort()) {
    eleventyConfig.addTemplate(`${VIRTUAL_PAGES_DIR}/${name}`, readFileSync(join(PAGES_DIR, name), "utf8"));
  }
  // Passthrough paths are relative to the project root (the working directory), not to the input folder.
  eleventyConfig.addPassthroughCopy({ [relative(process.cwd(), ASSETS_DIR) || "."]: "assets" });
}

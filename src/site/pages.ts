// Eleventy plugin: the site pages in templates/pages/ as virtual templates (the only templates), and templates/assets/ copied to /assets/.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { ASSETS_DIR, inputDirectory, PAGES_DIR } from "./paths.ts";

/** Folder name the pages take inside the (virtual) input folder; nothing is ever written there. */
export const VIRTUAL_PAGES_DIR = "_communique-pages";

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
  // Passthrough paths are relative to the project root (the working directory), not to the input folder.
  eleventyConfig.addPassthroughCopy({ [relative(process.cwd(), ASSETS_DIR) || "."]: "assets" });
}

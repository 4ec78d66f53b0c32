// Eleventy configuration for the site pages other than releases (src/site/render.ts runs it): where templates live, and the site plugins. Load it with tsx: --config=.eleventy.ts.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { relative } from "node:path";
import charts from "./src/site/charts/plugin.ts";
import collections from "./src/site/collections.ts";
import filters from "./src/site/filters.ts";
import frontMatter from "./src/site/front-matter.ts";
import nunjucks from "./src/site/nunjucks.ts";
import pages from "./src/site/pages.ts";
import { inputDirectory, TEMPLATES_DIR } from "./src/site/paths.ts";

export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(frontMatter);
  eleventyConfig.addPlugin(nunjucks);
  eleventyConfig.addPlugin(collections);
  eleventyConfig.addPlugin(filters);
  eleventyConfig.addPlugin(charts);
  eleventyConfig.addPlugin(pages);

  // The input is any content folder; templates stay in the repository. Eleventy resolves these from the input.
  const templates = relative(inputDirectory(eleventyConfig), TEMPLATES_DIR);
  return {
    // Only the virtual site pages are templates (see src/site/pages.ts); release pages are rendered by renderSite.
    templateFormats: ["njk"],
    dir: { includes: templates, layouts: `${templates}/layouts`, data: `${templates}/data` },
  };
}

// Eleventy configuration: where templates live, and the site plugins. Load it with tsx: --config=.eleventy.ts.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { relative } from "node:path";
import charts from "./src/site/charts/plugin.ts";
import collections from "./src/site/collections.ts";
import filters from "./src/site/filters.ts";
import frontMatter from "./src/site/front-matter.ts";
import markdown from "./src/site/markdown.ts";
import nunjucks from "./src/site/nunjucks.ts";
import pages from "./src/site/pages.ts";
import { inputDirectory, TEMPLATES_DIR } from "./src/site/paths.ts";
import releases from "./src/site/releases.ts";
import siteFiles from "./src/site/site-files.ts";

export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(frontMatter);
  eleventyConfig.addPlugin(markdown);
  eleventyConfig.addPlugin(nunjucks);
  eleventyConfig.addPlugin(releases);
  eleventyConfig.addPlugin(collections);
  eleventyConfig.addPlugin(filters);
  eleventyConfig.addPlugin(charts);
  eleventyConfig.addPlugin(pages);
  eleventyConfig.addPlugin(siteFiles);

  // The input is any content folder; templates stay in the repository. Eleventy resolves these from the input.
  const templates = relative(inputDirectory(eleventyConfig), TEMPLATES_DIR);
  return {
    dir: { includes: templates, layouts: `${templates}/layouts`, data: `${templates}/data` },
    // Release bodies are collected text: never run them through a template language.
    markdownTemplateEngine: false,
  };
}

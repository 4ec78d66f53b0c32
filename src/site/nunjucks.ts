// Eleventy plugin: Nunjucks options for layouts and pages.
import type UserConfig from "@11ty/eleventy/UserConfig";

/** Autoescape is Nunjucks' default; set here so no one turns it off by accident: every value is collected text. */
export default function nunjucksPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true });
}

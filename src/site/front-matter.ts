// Eleventy plugin: parse front matter with the `yaml` package, the same library that writes release files.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { parse } from "yaml";

/**
 * Replaces Eleventy's js-yaml front-matter engine. js-yaml follows YAML 1.1 and turns `date: 2014-08-26` into a
 * Date at UTC midnight; `yaml` (YAML 1.2 core schema) keeps it the string the schema and the writer expect.
 */
export default function frontMatterPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: (text: string) => parse(text) ?? {} } });
}

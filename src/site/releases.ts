// Eleventy plugin: which input files are releases, and the layout, permalink and schema check every release gets.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { relative, sep } from "node:path";
import { releaseUrl } from "../emit/id.ts";
import { formatZodIssues } from "../emit/front-matter.ts";
import { FrontMatterSchema } from "../model/release.ts";
import { inputDirectory } from "./paths.ts";

/** The layout of a release page, relative to the layouts folder. */
export const RELEASE_LAYOUT = "release.njk";

/** Whether an Eleventy input path is a release file: `releases/**\/*.md` under the input folder. */
export function isReleaseInput(inputPath: string, inputDir: string): boolean {
  const rel = relative(inputDir, inputPath).split(sep).join("/");
  return rel.startsWith("releases/") && rel.endsWith(".md");
}

/** The slice of Eleventy's template data this plugin reads. */
export interface TemplateData {
  page: { inputPath: string };
  [key: string]: unknown;
}

/** Keys Eleventy itself adds to every template's data, and those the release layout's front matter adds (pageKind). */
const ELEVENTY_KEYS = ["eleventy", "pkg", "page", "collections", "pageKind"];

/**
 * Checks a release's front matter against the record schema, so a bad hand edit stops the build with the file's
 * path and the offending fields instead of rendering a broken page. `ambient` names the keys that Eleventy and
 * global data put into every template's data; every other key came from the file's front matter.
 */
export function checkReleaseData(data: TemplateData, ambient: ReadonlySet<string>): void {
  const frontMatter: Record<string, unknown> = {};
  for (const key of Object.keys(data)) if (!ambient.has(key)) frontMatter[key] = data[key];
  const result = FrontMatterSchema.safeParse(frontMatter);
  if (!result.success) throw new Error(`${data.page.inputPath}: invalid release front matter: ${formatZodIssues(result.error.issues)}`);
}

/** Data objects already checked: the site index checks each release when it is built, Eleventy's data schema hook again. */
const checked = new WeakSet<object>();

/**
 * The check of a release's data for a build: the ambient keys are read when it first runs, after every plugin has
 * added its global data. (Global data files in a data folder would not be listed; the site uses none.)
 */
export function releaseDataChecker(eleventyConfig: UserConfig): (data: TemplateData) => void {
  let ambient: Set<string> | undefined;
  return (data) => {
    if (checked.has(data)) return;
    ambient ??= new Set([...ELEVENTY_KEYS, ...Object.keys(eleventyConfig.globalData ?? {})]);
    checkReleaseData(data, ambient);
    checked.add(data);
  };
}

/** Adds the release rules: only `.md` under `releases/` are templates; each gets the release layout, URL and check. */
export default function releasesPlugin(eleventyConfig: UserConfig): void {
  const input = inputDirectory(eleventyConfig);
  const isRelease = (data: TemplateData) => isReleaseInput(data.page.inputPath, input);

  // Markdown for releases, Nunjucks for the site pages (virtual templates, see pages.ts). Nothing else in the content
  // folder is a template: a stray Markdown or Nunjucks file (a README, notes) is skipped, not published.
  eleventyConfig.setTemplateFormats(["md", "njk"]);
  eleventyConfig.addPreprocessor("releases-only", "md,njk", function (this: { inputPath: string }) {
    if (isReleaseInput(this.inputPath, input)) return undefined;
    if (eleventyConfig.isVirtualTemplate(relative(input, this.inputPath).split(sep).join("/"))) return undefined;
    return false;
  });
  // Sources and curator corrections are inputs to ingest, not to the site; skip walking them at all.
  eleventyConfig.ignores.add(`${input}sources/**`);
  eleventyConfig.ignores.add(`${input}corrections/**`);

  // Global data is the lowest layer of the data cascade: site pages override layout and permalink in their front
  // matter, so these defaults reach only releases. Functions are wrapped because Eleventy calls a function given
  // to addGlobalData once to get its value.
  eleventyConfig.addGlobalData("layout", RELEASE_LAYOUT);
  eleventyConfig.addGlobalData("permalink", () => (data: TemplateData) => {
    if (!isRelease(data)) throw new Error(`${data.page.inputPath}: a site page must set its own permalink`);
    const id = data["id"];
    const parsed = FrontMatterSchema.shape.id.safeParse(id);
    if (!parsed.success) throw new Error(`${data.page.inputPath}: invalid release front matter: id: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    return releaseUrl(parsed.data);
  });
  const check = releaseDataChecker(eleventyConfig);
  eleventyConfig.addGlobalData("eleventyDataSchema", () => (data: TemplateData) => {
    if (isRelease(data)) check(data);
  });
}

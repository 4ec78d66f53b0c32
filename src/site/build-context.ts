// What renderSite hands to the Eleventy plugins of one build: the site index, built once from the release files, and the chart filters.
import type { chartFilters } from "./charts/plugin.ts";
import type { SiteIndex } from "./collections.ts";

/** One build's inputs for the plugins. */
export interface BuildContext {
  index: SiteIndex;
  /** Shared with the page renderer, so a chart both draw (the world map) is drawn once a build. */
  charts: ReturnType<typeof chartFilters>;
}

const contexts = new WeakMap<object, BuildContext>();

/**
 * Attaches a build's context to Eleventy's configuration object; `renderSite` does so in Eleventy's `config`
 * callback, which runs before the config file, so every plugin of that build finds it.
 */
export function setBuildContext(eleventyConfig: object, context: BuildContext): void {
  contexts.set(eleventyConfig, context);
}

/** The context of the build this configuration belongs to; Eleventy run without `renderSite` has none. */
export function buildContextOf(eleventyConfig: object): BuildContext {
  const context = contexts.get(eleventyConfig);
  if (!context) throw new Error("The site is built by renderSite (src/site/render.ts), which reads the releases: run `communique build`.");
  return context;
}

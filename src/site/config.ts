// The site's configuration (name, base URL, path prefix, publisher, page sizes): one JSON file checked by a zod schema.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { formatZodIssues } from "../emit/front-matter.ts";
import { SITE_CONFIG_PATH } from "./paths.ts";

/** `communique.config.json`. Every key is optional; the defaults build a site served at the root of its host. */
export const SiteConfigSchema = z.strictObject({
  /** Shown in the header, page titles, feeds and citations. */
  name: z.string().min(1).default("Communiqué"),
  description: z.string().min(1).default("An archive of U.S. Department of State releases."),
  /** Scheme and host (and port) where the site is published, without a path: feeds, sitemaps and citations need absolute URLs. */
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .refine((u) => new URL(u).pathname === "/" && !u.endsWith("/") && !/[?#]/.test(u), "expected scheme and host only, e.g. https://example.org (put a sub-path in pathPrefix)")
    .default("http://localhost:8080"),
  /** The sub-path the site is served under, with leading and trailing slashes: `/` or `/archive/`. */
  pathPrefix: z.string().regex(/^\/(?:[A-Za-z0-9._~-]+\/)*$/, "expected / or /sub/path/ (leading and trailing slash)").default("/"),
  /** BCP 47 language of the pages and feeds. */
  language: z.string().min(2).default("en"),
  /** Who issued the releases: the publisher in citations and metadata. */
  publisher: z
    .strictObject({ name: z.string().min(1), url: z.url() })
    .default({ name: "U.S. Department of State", url: "https://www.state.gov/" }),
  /** Releases per page of a year, month or facet page. */
  pageSize: z.int().min(1).max(1000).default(50),
  /** Releases in each feed. */
  feedSize: z.int().min(1).max(1000).default(50),
  /** Releases on the home page. */
  latestCount: z.int().min(1).max(1000).default(20),
});

export type SiteConfig = z.infer<typeof SiteConfigSchema>;

/** Checks a parsed configuration; throws with each offending key when it is not valid. */
export function parseSiteConfig(value: unknown, path = "site configuration"): SiteConfig {
  const result = SiteConfigSchema.safeParse(value ?? {});
  if (!result.success) throw new Error(`${path}: ${formatZodIssues(result.error.issues)}`);
  return result.data;
}

/** Reads and checks a configuration file (the repository's `communique.config.json` by default). */
export function loadSiteConfig(path = SITE_CONFIG_PATH): SiteConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" && path === SITE_CONFIG_PATH) return parseSiteConfig({});
    throw new Error(`${path}: cannot read the site configuration: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not valid JSON: ${(e as Error).message}`);
  }
  return parseSiteConfig(value, path);
}

/** Turns site paths (`/archive/2014/`) into the links a page writes and the absolute URLs feeds and citations need. */
export interface SiteUrls {
  /** `/archive/2014/` → `/prefix/archive/2014/`: the href of a site path under the path prefix. */
  href(path: string): string;
  /** `/archive/2014/` → `https://host/prefix/archive/2014/`. */
  absolute(path: string): string;
}

/** URL helpers for a configuration. Site paths always start with `/`; fragments and queries pass through. */
export function siteUrls(config: Pick<SiteConfig, "baseUrl" | "pathPrefix">): SiteUrls {
  const prefix = config.pathPrefix.slice(0, -1);
  const href = (path: string) => (path.startsWith("/") ? `${prefix}${path}` : path);
  return { href, absolute: (path) => `${config.baseUrl}${href(path)}` };
}

/** The global data key that holds the configuration in templates (`site.name`, `site.pathPrefix`). */
export const SITE_DATA_KEY = "site";

/**
 * The configuration of the build being run: the one `renderSite` gave through Eleventy's `config` callback (which
 * runs before the config file), else the repository's file, added as global data the first time it is asked for.
 */
export function siteConfigOf(eleventyConfig: { globalData?: object; addGlobalData(key: string, value: unknown): unknown }): SiteConfig {
  const given = globalDataOf(eleventyConfig)[SITE_DATA_KEY];
  if (given) return given as SiteConfig;
  const config = loadSiteConfig();
  eleventyConfig.addGlobalData(SITE_DATA_KEY, config);
  return config;
}

/** The global data added so far (UserConfig types it as a plain object). */
function globalDataOf(eleventyConfig: { globalData?: object }): Record<string, unknown> {
  return (eleventyConfig.globalData ?? {}) as Record<string, unknown>;
}

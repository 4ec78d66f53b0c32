// Test helper: a temporary copy of the sample sources, built into a temporary site (never into the repo's content/).
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type BuildResult } from "../../src/cli/build.ts";
import { parseSiteConfig, type SiteConfig } from "../../src/site/config.ts";

/** The repository's sample sources. */
export const SAMPLE_SOURCES = join(import.meta.dirname, "../../content/sources");
/** The repository's topic taxonomy, copied beside the sample so its releases get topics. */
export const SAMPLE_TAXONOMY = join(import.meta.dirname, "../../content/taxonomy");

/** The seed release every sample build must contain. */
export const SEED = {
  title: "Joint Statement on United States-Republic of Korea Bilateral Cyber Policy Consultations",
  url: "/releases/2014/08/26/joint-statement-on-united-states-republic-of-korea-bilateral-cyber-policy-consultations/",
};

export interface SampleSite {
  dir: string;
  sources: string;
  content: string;
  output: string;
  config: SiteConfig;
  result: BuildResult;
  /** Lines the build logged. */
  log: string[];
  remove(): Promise<void>;
}

/** The configuration sample builds use: the defaults with a fixed base URL, whatever the repository's file says. */
export const SAMPLE_CONFIG: SiteConfig = parseSiteConfig({ baseUrl: "https://communique.example.org" });

/** A new temporary folder holding the sample sources in `sources/` and a content folder with its taxonomy in `content/`. */
export async function copySample(prefix: string): Promise<{ dir: string; sources: string; content: string }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const sources = join(dir, "sources");
  const content = join(dir, "content");
  await cp(SAMPLE_SOURCES, sources, { recursive: true });
  await cp(SAMPLE_TAXONOMY, join(content, "taxonomy"), { recursive: true });
  return { dir, sources, content };
}

/** Copies the sample sources (and taxonomy) into a new temporary folder and builds them into `<dir>/site`. */
export async function buildSample(prefix = "communique-site-", config: SiteConfig = SAMPLE_CONFIG): Promise<SampleSite> {
  const { dir, sources, content } = await copySample(prefix);
  const output = join(dir, "site");
  const log: string[] = [];
  const result = await build({ sources, content, output, config, log: (line) => log.push(line) });
  return { dir, sources, content, output, config, result, log, remove: () => rm(dir, { recursive: true, force: true }) };
}

// Test helper: a temporary copy of the sample sources, built into a temporary site (never into the repo's content/).
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type BuildResult } from "../../src/cli/build.ts";

/** The repository's sample sources. */
export const SAMPLE_SOURCES = join(import.meta.dirname, "../../content/sources");

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
  result: BuildResult;
  /** Lines the build logged. */
  log: string[];
  remove(): Promise<void>;
}

/** Copies the sample sources into a new temporary folder and builds them into `<dir>/site`. */
export async function buildSample(prefix = "communique-site-"): Promise<SampleSite> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const sources = join(dir, "sources");
  const content = join(dir, "content");
  const output = join(dir, "site");
  await cp(SAMPLE_SOURCES, sources, { recursive: true });
  const log: string[] = [];
  const result = await build({ sources, content, output, log: (line) => log.push(line) });
  return { dir, sources, content, output, result, log, remove: () => rm(dir, { recursive: true, force: true }) };
}

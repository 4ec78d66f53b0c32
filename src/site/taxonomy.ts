// What the site reads from the content folder besides releases: topic labels (taxonomy/topics.yaml) and which fields curators corrected.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { formatZodIssues } from "../emit/front-matter.ts";
import { TaxonomySchema } from "../model/taxonomy.ts";

/** Where the taxonomy lives under a content folder. */
export const TAXONOMY_FILE = "taxonomy/topics.yaml";

/** Topic slug → label. An archive without a taxonomy file gets an empty map (topics then show their slugs). */
export function readTopicLabels(contentDir: string): Map<string, string> {
  let text: string;
  const path = join(contentDir, TAXONOMY_FILE);
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw e;
  }
  const result = TaxonomySchema.safeParse(parse(text));
  if (!result.success) throw new Error(`${path}: invalid taxonomy: ${formatZodIssues(result.error.issues)}`);
  return new Map(result.data.topics.map((t) => [t.slug, t.label]));
}

/**
 * Release id → the top-level fields its curator correction (`corrections/<id>.yaml`) replaces, for the release
 * page's note. Ingest has already applied and checked them; a file that does not parse here is simply not listed.
 */
export function readCorrectedFields(contentDir: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let names: string[];
  try {
    names = readdirSync(join(contentDir, "corrections")).filter((n) => n.endsWith(".yaml")).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    try {
      const value: unknown = parse(readFileSync(join(contentDir, "corrections", name), "utf8"));
      if (value && typeof value === "object") out.set(name.slice(0, -".yaml".length), Object.keys(value));
    } catch {
      // Ingest reports a bad correction (BAD_CORRECTION); the page just says nothing about it.
    }
  }
  return out;
}

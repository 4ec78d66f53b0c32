// What the site reads from the content folder besides releases: the topic labels (taxonomy/topics.yaml).
import { readFileSync } from "node:fs";
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

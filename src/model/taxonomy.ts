// The topic taxonomy's schema: curators edit content/taxonomy/topics.yaml, checked by this schema.
import { z } from "zod";

/** One topic: its slug (URL and front-matter value), label, and the phrases that show a release is about it. */
export const TopicSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a lower-case slug"),
  label: z.string().min(1),
  phrases: z.array(z.string().min(1)).min(1),
});

/** The whole taxonomy file. */
export const TaxonomySchema = z.strictObject({ topics: z.array(TopicSchema) }).refine(
  (t) => new Set(t.topics.map((x) => x.slug)).size === t.topics.length,
  "topic slugs must be unique",
);

export type Topic = z.infer<typeof TopicSchema>;
export type Taxonomy = z.infer<typeof TaxonomySchema>;

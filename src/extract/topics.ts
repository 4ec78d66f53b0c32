// Ranks a release's topics: the taxonomy's phrases counted in its title and text, at most six topics.
import type { Taxonomy } from "../model/taxonomy.ts";

/** How many topics a release gets at most. */
export const MAX_TOPICS = 6;
/** A title mention counts this many times a body mention. */
const TITLE_WEIGHT = 3;
/** A topic must score this much to count: one passing mention is not what a statement is about. */
const MIN_SCORE = 2;

/** A taxonomy ready to match: one regular expression per topic. */
export interface CompiledTaxonomy {
  topics: { slug: string; insensitive: RegExp | null; sensitive: RegExp | null }[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A phrase as a pattern: whole words; a trailing `*` matches any word ending. */
function phrasePattern(phrase: string): string {
  const wildcard = phrase.endsWith("*");
  const body = escape(wildcard ? phrase.slice(0, -1) : phrase).replace(/['’]/g, "['’]").replace(/ /g, "[\\s-]+");
  return `(?<![\\p{L}\\p{N}])${body}${wildcard ? "[\\p{L}\\p{N}-]*" : "(?![\\p{L}\\p{N}])"}`;
}

/** Compiles a taxonomy. Acronyms (ISIS, WHO, G7) match case-sensitively, so "who" is not the WHO. */
export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  return {
    topics: taxonomy.topics.map((t) => {
      const acronym = (p: string) => /\p{Lu}.*\p{Lu}/u.test(p) && !/\p{Ll}/u.test(p.replace(/s$/, ""));
      const group = (ps: string[]) => (ps.length ? ps.map(phrasePattern).join("|") : null);
      const insensitive = group(t.phrases.filter((p) => !acronym(p)));
      const sensitive = group(t.phrases.filter(acronym));
      return { slug: t.slug, insensitive: insensitive ? new RegExp(insensitive, "giu") : null, sensitive: sensitive ? new RegExp(sensitive, "gu") : null };
    }),
  };
}

function count(re: RegExp | null, text: string): number {
  if (!re) return 0;
  let n = 0;
  for (const _ of text.matchAll(re)) n++;
  return n;
}

/** The slugs of the topics a release is about, most mentioned first (ties by slug), at most six. */
export function rankTopics(title: string, text: string, taxonomy: CompiledTaxonomy): string[] {
  return taxonomy.topics
    .map((t) => ({ slug: t.slug, score: TITLE_WEIGHT * (count(t.insensitive, title) + count(t.sensitive, title)) + count(t.insensitive, text) + count(t.sensitive, text) }))
    .filter((t) => t.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : 1))
    .slice(0, MAX_TOPICS)
    .map((t) => t.slug);
}

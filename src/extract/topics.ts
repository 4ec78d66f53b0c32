// Ranks a release's topics: the taxonomy's phrases counted in its title and text, at most six topics.
import type { Taxonomy } from "../model/taxonomy.ts";

/** How many topics a release gets at most. */
export const MAX_TOPICS = 6;
/** A title mention counts this many times a body mention. */
const TITLE_WEIGHT = 3;
/** A topic must score this much to count: one passing mention is not what a statement is about. */
const MIN_SCORE = 2;

/** One phrase as words to match in a row; a wildcard's last word matches any word it begins. */
interface Phrase {
  topic: number;
  words: string[];
  wildcard: boolean;
  /** Acronyms (ISIS, WHO, G7) match only in capitals, so "who" is not the WHO. */
  caseSensitive: boolean;
}

/** A taxonomy ready to match: its phrases indexed by their first word. */
export interface CompiledTaxonomy {
  slugs: string[];
  byFirstWord: Map<string, Phrase[]>;
  /** Phrases whose first word is a wildcard ("cyber*"), by the first three letters of that word. */
  wildFirst: Map<string, Phrase[]>;
}

/** Words of a text for matching: letters, digits, apostrophes and "+", hyphens and spaces between. */
function words(text: string): string[] {
  return (text.replace(/’/g, "'").match(/[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ0-9'+]+/g) ?? []).map((w) => w.replace(/^'+|'+$/g, ""));
}

const isAcronym = (p: string) => /[A-Z].*[A-Z]/.test(p) && !/[a-z]/.test(p.replace(/s$/, ""));

/** Compiles a taxonomy into a word index, so matching is one pass over the text whatever the number of topics. */
export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const compiled: CompiledTaxonomy = { slugs: taxonomy.topics.map((t) => t.slug), byFirstWord: new Map(), wildFirst: new Map() };
  taxonomy.topics.forEach((t, topic) => {
    for (const raw of t.phrases) {
      const wildcard = raw.endsWith("*");
      const caseSensitive = isAcronym(raw);
      const w = words(wildcard ? raw.slice(0, -1) : raw).map((x) => (caseSensitive ? x : x.toLowerCase()));
      if (w.length === 0) continue;
      const phrase = { topic, words: w, wildcard, caseSensitive };
      const [index, key] = wildcard && w.length === 1 ? [compiled.wildFirst, w[0]!.slice(0, 3)] : [compiled.byFirstWord, w[0]!];
      const list = index.get(key) ?? [];
      list.push(phrase);
      index.set(key, list);
    }
  });
  return compiled;
}

/** Adds, per topic, how many times its phrases occur in `text`, times `weight`. */
function count(text: string, taxonomy: CompiledTaxonomy, scores: number[], weight: number): void {
  const original = words(text);
  const lower = original.map((w) => w.toLowerCase());
  const at = (p: Phrase, i: number) => (p.caseSensitive ? original : lower)[i];
  const matches = (p: Phrase, i: number) => {
    for (let k = 0; k < p.words.length; k++) {
      const word = at(p, i + k);
      const last = k === p.words.length - 1;
      if (word === undefined || !(last && p.wildcard ? word.startsWith(p.words[k]!) : word === p.words[k])) return false;
    }
    return true;
  };
  for (let i = 0; i < lower.length; i++) {
    for (const list of [taxonomy.wildFirst.get(lower[i]!.slice(0, 3)), taxonomy.byFirstWord.get(lower[i]!), original[i] !== lower[i] ? taxonomy.byFirstWord.get(original[i]!) : undefined]) {
      if (list) for (const p of list) if (matches(p, i)) scores[p.topic]! += weight;
    }
  }
}

/** The slugs of the topics a release is about, most mentioned first (ties by slug), at most six. */
export function rankTopics(title: string, text: string, taxonomy: CompiledTaxonomy): string[] {
  const scores = taxonomy.slugs.map(() => 0);
  count(title, taxonomy, scores, TITLE_WEIGHT);
  count(text, taxonomy, scores, 1);
  return taxonomy.slugs
    .map((slug, i) => ({ slug, score: scores[i]! }))
    .filter((t) => t.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : 1))
    .slice(0, MAX_TOPICS)
    .map((t) => t.slug);
}

// Reference: the straightforward topic matcher src/extract/topics.ts replaced (words cut out and looked up one by one), for property tests.
import type { Taxonomy } from "../../../src/model/taxonomy.ts";

/** How many topics a release gets at most. */
export const MAX_TOPICS = 6;
/** A title mention counts this many times a body mention. */
const TITLE_WEIGHT = 3;
/** A topic must score this much to count: one passing mention is not what a statement is about. */
const MIN_SCORE = 2;

/** One phrase as lower-case words to match in a row; a wildcard's last word matches any word it begins. */
interface Phrase {
  topic: number;
  words: string[];
  wildcard: boolean;
}

/** A taxonomy ready to match in one pass over a text, whatever the number of topics. */
export interface CompiledTaxonomy {
  slugs: string[];
  /** Phrases by their first word. */
  byFirstWord: Map<string, Phrase[]>;
  /** Phrases whose first word is a wildcard ("cyber*"), by a number made of that word's first three letters. */
  wildFirst: Map<number, Phrase[]>;
  /** Acronyms (ISIS, WHO, G7) match only in capitals, so "who" is not the WHO: one pattern, one group per topic. */
  acronyms: RegExp | null;
  /** The topic of each of the acronym pattern's groups. */
  acronymTopics: number[];
}

/** Lower-case words of a text: letters, digits, apostrophes and "+"; hyphens and spaces part them. */
function words(text: string): string[] {
  // An apostrophe inside a word is kept ("women's"); quotes around words are not.
  return text.toLowerCase().replace(/’/g, "'").match(/[a-z0-9à-öø-ÿā-ſ+]+(?:'[a-z0-9à-öø-ÿā-ſ+]+)*/g) ?? [];
}

/** A number standing for a word's first three letters, so looking up wildcards allocates nothing. */
const prefixKey = (w: string) => w.charCodeAt(0) * 1_000_000 + w.charCodeAt(1) * 1_000 + w.charCodeAt(2);

const isAcronym = (p: string) => /[A-Z].*[A-Z]/.test(p) && !/[a-z]/.test(p.replace(/s$/, ""));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Compiles a taxonomy into a word index (and one pattern for acronyms). */
export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const compiled: CompiledTaxonomy = { slugs: taxonomy.topics.map((t) => t.slug), byFirstWord: new Map(), wildFirst: new Map(), acronyms: null, acronymTopics: [] };
  const acronymGroups: string[] = [];
  taxonomy.topics.forEach((t, topic) => {
    const acronyms: string[] = [];
    for (const raw of t.phrases) {
      if (isAcronym(raw)) {
        acronyms.push(escape(raw));
        continue;
      }
      const wildcard = raw.endsWith("*");
      const w = words(wildcard ? raw.slice(0, -1) : raw);
      if (w.length === 0) continue;
      const phrase = { topic, words: w, wildcard };
      const add = <K>(index: Map<K, Phrase[]>, key: K) => index.set(key, [...(index.get(key) ?? []), phrase]);
      if (wildcard && w.length === 1 && w[0]!.length >= 3) add(compiled.wildFirst, prefixKey(w[0]!));
      else add(compiled.byFirstWord, w[0]!);
    }
    if (acronyms.length > 0) {
      acronymGroups.push(`(${acronyms.join("|")})`);
      compiled.acronymTopics.push(topic);
    }
  });
  // An acronym must not follow a letter or digit. When every acronym starts with one, that is a word boundary not
  // after "_": a leading \b lets the engine skip to candidate positions, where a leading lookbehind is ten times slower.
  const wordStart = taxonomy.topics.every((t) => t.phrases.filter(isAcronym).every((p) => /^[A-Za-z0-9]/.test(p)));
  const notAfterWord = wordStart ? String.raw`\b(?<!_)` : "(?<![A-Za-z0-9])";
  if (acronymGroups.length > 0) compiled.acronyms = new RegExp(`${notAfterWord}(?:${acronymGroups.join("|")})(?![A-Za-z0-9])`, "g");
  return compiled;
}

/** True when phrase `p` occurs at word `i`. */
function matchesAt(p: Phrase, i: number, w: string[]): boolean {
  const n = p.words.length;
  if (i + n > w.length) return false;
  for (let k = 0; k < n - 1; k++) if (w[i + k] !== p.words[k]) return false;
  const last = w[i + n - 1]!;
  return p.wildcard ? last.startsWith(p.words[n - 1]!) : last === p.words[n - 1];
}

/** Adds, per topic, how many times its phrases occur in `text`, times `weight`. */
function count(text: string, taxonomy: CompiledTaxonomy, scores: number[], weight: number): void {
  const w = words(text);
  for (let i = 0; i < w.length; i++) {
    const exact = taxonomy.byFirstWord.get(w[i]!);
    if (exact) for (const p of exact) if (matchesAt(p, i, w)) scores[p.topic]! += weight;
    if (w[i]!.length >= 3) {
      const wild = taxonomy.wildFirst.get(prefixKey(w[i]!));
      if (wild) for (const p of wild) if (matchesAt(p, i, w)) scores[p.topic]! += weight;
    }
  }
  if (taxonomy.acronyms) {
    for (const m of text.matchAll(taxonomy.acronyms)) {
      const group = m.findIndex((g, k) => k > 0 && g !== undefined);
      if (group > 0) scores[taxonomy.acronymTopics[group - 1]!]! += weight;
    }
  }
}

/** Each topic's score in a release: its phrases' mentions, a title mention counting TITLE_WEIGHT times. */
export function topicScores(title: string, text: string, taxonomy: CompiledTaxonomy): number[] {
  const scores = taxonomy.slugs.map(() => 0);
  count(title, taxonomy, scores, TITLE_WEIGHT);
  count(text, taxonomy, scores, 1);
  return scores;
}

/** The slugs of the topics a release is about, most mentioned first (ties by slug), at most six. */
export function rankTopics(title: string, text: string, taxonomy: CompiledTaxonomy): string[] {
  const scores = topicScores(title, text, taxonomy);
  return taxonomy.slugs
    .map((slug, i) => ({ slug, score: scores[i]! }))
    .filter((t) => t.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : 1))
    .slice(0, MAX_TOPICS)
    .map((t) => t.slug);
}
